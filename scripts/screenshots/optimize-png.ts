import { deflateSync, inflateSync } from 'node:zlib';

// A PNG encoder for screenshots, per the PNG specification (W3C, PNG Third Edition). Chromium
// writes true colour, three bytes a pixel. A page of text is a few colours plus the shades its
// anti-aliasing blends between them (about 1,000–2,000 in all); the 256 most used, a palette of
// one byte a pixel, cover all but a few percent of the pixels, and each other shade is drawn with
// its nearest palette colour, a difference only at glyph edges. That halves the file or better.

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Pixels as 8-bit RGBA rows, top to bottom. */
export interface RgbaImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** A pixel's four channels as one number, to count and look up colours by. */
const rgbaKey = (pixels: Uint8Array, at: number) => ((pixels[at] ?? 0) << 24) | ((pixels[at + 1] ?? 0) << 16) | ((pixels[at + 2] ?? 0) << 8) | (pixels[at + 3] ?? 0);

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The filter's predictor for byte `i` of a row, from the byte to its left, above, and above-left. */
function predict(filter: number, row: Uint8Array, previous: Uint8Array, i: number, bpp: number): number {
  const left = i >= bpp ? (row[i - bpp] ?? 0) : 0;
  const up = previous[i] ?? 0;
  const upLeft = i >= bpp ? (previous[i - bpp] ?? 0) : 0;
  if (filter === 1) return left;
  if (filter === 2) return up;
  if (filter === 3) return (left + up) >>> 1;
  if (filter === 4) return paeth(left, up, upLeft);
  return 0;
}

/** Decodes an 8-bit, non-interlaced PNG (grey, RGB, palette, grey+alpha or RGBA) into RGBA. */
export function decodePng(png: Uint8Array): RgbaImage {
  const bytes = Buffer.from(png);
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG: the signature is missing');
  let width = 0;
  let height = 0;
  let colorType = 0;
  let palette = new Uint8Array();
  let transparency = new Uint8Array();
  const data: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colorType = body[9] ?? 0;
      if (body[8] !== 8 || body[12] !== 0) throw new Error(`PNG with bit depth ${body[8]} and interlace ${body[12]}: only 8-bit, non-interlaced images are read`);
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType];
  if (channels === undefined) throw new Error(`PNG colour type ${colorType} is not one the specification defines`);
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = new Uint8Array(width * height * 4);
  let previous: Uint8Array = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const row = Uint8Array.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) row[i] = ((row[i] ?? 0) + predict(filter, row, previous, i, channels)) & 0xff;
    for (let x = 0; x < width; x++) {
      const out = (y * width + x) * 4;
      const v = (k: number) => row[x * channels + k] ?? 0;
      const rgba =
        colorType === 6 ? [v(0), v(1), v(2), v(3)]
        : colorType === 2 ? [v(0), v(1), v(2), 255]
        : colorType === 4 ? [v(0), v(0), v(0), v(1)]
        : colorType === 0 ? [v(0), v(0), v(0), 255]
        : [palette[v(0) * 3] ?? 0, palette[v(0) * 3 + 1] ?? 0, palette[v(0) * 3 + 2] ?? 0, transparency[v(0)] ?? 255];
      pixels.set(rgba, out);
    }
    previous = row;
  }
  return { width, height, pixels };
}

/** Rows filtered one by one with the filter whose output has the smallest sum of absolute values. */
function filterRows(rows: Uint8Array[], bpp: number, filters: readonly number[]): Buffer {
  const out: Uint8Array[] = [];
  let previous: Uint8Array = new Uint8Array(rows[0]?.length ?? 0);
  for (const row of rows) {
    let best: Uint8Array | undefined;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const filter of filters) {
      const filtered = new Uint8Array(row.length + 1);
      filtered[0] = filter;
      let cost = 0;
      for (let i = 0; i < row.length; i++) {
        const value = ((row[i] ?? 0) - predict(filter, row, previous, i, bpp)) & 0xff;
        filtered[i + 1] = value;
        cost += value < 128 ? value : 256 - value;
      }
      if (cost < bestCost) [best, bestCost] = [filtered, cost];
    }
    if (best) out.push(best);
    previous = row;
  }
  return Buffer.concat(out);
}

/** Encodes RGBA pixels losslessly: as a palette when they hold at most 256 colours, else as RGB or RGBA. */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, pixels } = image;
  const colours = new Map<number, number>();
  let opaque = true;
  for (let at = 0; at < pixels.length; at += 4) {
    if (pixels[at + 3] !== 255) opaque = false;
    const key = rgbaKey(pixels, at);
    if (colours.size <= 256 && !colours.has(key)) colours.set(key, colours.size);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  const chunks: Buffer[] = [];
  let rows: Uint8Array[];
  let bpp: number;
  if (colours.size <= 256) {
    header[9] = 3;
    const entries = [...colours.keys()];
    chunks.push(chunk('PLTE', Uint8Array.from(entries.flatMap((key) => [key >>> 24, (key >>> 16) & 0xff, (key >>> 8) & 0xff]))));
    if (!opaque) chunks.push(chunk('tRNS', Uint8Array.from(entries.map((key) => key & 0xff))));
    rows = Array.from({ length: height }, (_, y) =>
      Uint8Array.from({ length: width }, (_, x) => {
        const at = (y * width + x) * 4;
        const key = rgbaKey(pixels, at);
        return colours.get(key) ?? 0;
      }),
    );
    bpp = 1;
  } else {
    const channels = opaque ? 3 : 4;
    header[9] = opaque ? 2 : 6;
    rows = Array.from({ length: height }, (_, y) => {
      const row = new Uint8Array(width * channels);
      for (let x = 0; x < width; x++) for (let k = 0; k < channels; k++) row[x * channels + k] = pixels[(y * width + x) * 4 + k] ?? 0;
      return row;
    });
    bpp = channels;
  }
  const compress = (filters: readonly number[]) => deflateSync(filterRows(rows, bpp, filters), { level: 9, memLevel: 9 });
  // The specification advises no filter for palette images (neighbouring indexes need not be close
  // colours), but runs of one colour still filter to zeros: both are tried, the smaller kept.
  const data = header[9] === 3 ? [compress([0]), compress([0, 1, 2, 3, 4])].reduce((a, b) => (b.length < a.length ? b : a)) : compress([0, 1, 2, 3, 4]);
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), ...chunks, chunk('IDAT', data), chunk('IEND', new Uint8Array())]);
}

/**
 * The picture in at most `colours` colours: the most used ones, every other pixel drawn with the
 * nearest of them (squared distance over red, green, blue and alpha).
 */
export function reduceColours(image: RgbaImage, colours = 256): RgbaImage {
  const uses = new Map<number, number>();
  for (let at = 0; at < image.pixels.length; at += 4) {
    const key = rgbaKey(image.pixels, at);
    uses.set(key, (uses.get(key) ?? 0) + 1);
  }
  if (uses.size <= colours) return image;
  const palette = [...uses].sort((a, b) => b[1] - a[1]).slice(0, colours).map(([key]) => key);
  const kept = new Set(palette);
  const channels = (key: number) => [key >>> 24, (key >>> 16) & 0xff, (key >>> 8) & 0xff, key & 0xff];
  const nearest = new Map<number, number>();
  for (const key of uses.keys()) {
    if (kept.has(key)) continue;
    const [r = 0, g = 0, b = 0, a = 0] = channels(key);
    let best = palette[0] ?? 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of palette) {
      const [cr = 0, cg = 0, cb = 0, ca = 0] = channels(candidate);
      const distance = (r - cr) ** 2 + (g - cg) ** 2 + (b - cb) ** 2 + (a - ca) ** 2;
      if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
    }
    nearest.set(key, best);
  }
  const pixels = Uint8Array.from(image.pixels);
  for (let at = 0; at < pixels.length; at += 4) {
    const replacement = nearest.get(rgbaKey(pixels, at));
    if (replacement !== undefined) pixels.set(channels(replacement), at);
  }
  return { ...image, pixels };
}

/** A screenshot re-encoded in a 256-colour palette (see reduceColours); the original when that is not smaller. */
export function optimizePng(png: Uint8Array): Buffer {
  const smaller = encodePng(reduceColours(decodePng(png)));
  return smaller.length < png.length ? smaller : Buffer.from(png);
}
