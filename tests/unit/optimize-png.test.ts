import { describe, expect, it } from 'vitest';
import { decodePng, encodePng, optimizePng, reduceColours, type RgbaImage } from '../../scripts/screenshots/optimize-png.ts';

/** A picture with `colours` distinct opaque colours, in runs of three, scattered (Park and Miller's generator) or in order. */
function picture(width: number, height: number, colours: number, scattered = false): RgbaImage {
  const pixels = new Uint8Array(width * height * 4);
  let seed = 1;
  for (let index = 0; index < width * height; index++) {
    if (index % 3 === 0) seed = (seed * 48271) % 2_147_483_647;
    const colour = (scattered ? seed : Math.floor(index / 3)) % colours;
    pixels.set([colour & 0xff, (colour * 91) & 0xff, colour >> 8, 255], index * 4);
  }
  return { width, height, pixels };
}

/** The colours a picture uses. */
function colourCount(image: RgbaImage): number {
  const seen = new Set<string>();
  for (let at = 0; at < image.pixels.length; at += 4) seen.add(image.pixels.subarray(at, at + 4).join(','));
  return seen.size;
}

describe('screenshot PNG encoding', () => {
  it('round-trips a picture of few colours exactly, as a palette', () => {
    const image = picture(37, 11, 200);
    const png = encodePng(image);
    expect(png[25]).toBe(3); // IHDR colour type: palette
    expect(decodePng(png)).toEqual(image);
  });

  it('round-trips a picture of many colours exactly, as true colour with every row filter', () => {
    const image = picture(61, 17, 1000);
    const png = encodePng(image);
    expect(png[25]).toBe(2); // IHDR colour type: RGB, the alpha being all opaque
    expect(decodePng(png)).toEqual(image);
  });

  it('keeps the 256 most used colours and draws the rest with the nearest', () => {
    const image = picture(100, 30, 400);
    const reduced = reduceColours(image);
    expect(colourCount(reduced)).toBe(256);
    expect(reduceColours(picture(10, 10, 5))).toEqual(picture(10, 10, 5));
  });

  it('makes a true-colour screenshot smaller, in at most 256 colours, and never makes a file larger', () => {
    const trueColour = encodePng(picture(200, 50, 600, true));
    const optimized = optimizePng(trueColour);
    expect(optimized.length).toBeLessThan(trueColour.length);
    expect(optimized[25]).toBe(3);
    expect(colourCount(decodePng(optimized))).toBe(256);
    const palette = encodePng(picture(200, 50, 100, true));
    expect(optimizePng(palette).length).toBeLessThanOrEqual(palette.length);
  });
});
