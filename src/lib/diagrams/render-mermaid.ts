import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../chromium/launch-chromium.ts';
import { DIAGRAM_THEMES, mermaidConfig, swapThemeColours, type DiagramTheme } from './mermaid-config.ts';
import { hoistSvgStyles } from './hoist-svg-styles.ts';
import { scopeSvgIds } from './scope-svg-ids.ts';

const require = createRequire(import.meta.url);

/** The installed Mermaid version; part of every cache key, so an upgrade re-renders. */
export function mermaidVersion(): string {
  return (JSON.parse(readFileSync(require.resolve('mermaid/package.json'), 'utf8')) as { version: string }).version;
}

/** Bump when the SVG post-processing changes, so cached renders made the old way are redone. */
const RENDER_REVISION = 3;

/**
 * `sha256(text, theme, Mermaid version, configuration)` in hex: the cache file name of one
 * render. Everything that decides the SVG's bytes is in the key, so a hit is always current.
 */
export function renderCacheKey(text: string, theme: DiagramTheme, version: string): string {
  const settings = JSON.stringify({ config: mermaidConfig(theme, ''), revision: RENDER_REVISION });
  return createHash('sha256').update(`${text}\u0000${theme}\u0000${version}\u0000${settings}`).digest('hex');
}

/** Both renders of one diagram, with the id prefix their SVG ids carry. */
export interface RenderedDiagram {
  light: string;
  dark: string;
}

/** A Mermaid text that could not be rendered, naming where it came from. */
export class DiagramRenderError extends Error {}

export interface MermaidRendererOptions {
  /** Folder of cached SVGs, `diagrams/.rendered/`. */
  cacheDir: string;
  /** How to get a browser; tests pass one that throws to prove the cache was enough. */
  launch?: () => Promise<Browser>;
}

/**
 * Renders Mermaid text to SVG in one long-lived headless Chromium page, launched only when a
 * render is missing from the cache. Call `close()` when done.
 */
export interface MermaidRenderer {
  /** Both themes of a diagram; `source` names the file it came from, for error messages. */
  render(text: string, source: string): Promise<RenderedDiagram>;
  /** How many renders missed the cache and went to the browser. */
  readonly rendered: number;
  /** Whether a browser was started. */
  readonly launched: boolean;
  close(): Promise<void>;
}

export function createMermaidRenderer(options: MermaidRendererOptions): MermaidRenderer {
  const version = mermaidVersion();
  const launch = options.launch ?? launchChromium;
  let browser: Browser | undefined;
  let pagePromise: Promise<Page> | undefined;
  let rendered = 0;
  let launched = false;
  // Renders go through the one page one at a time: Mermaid keeps global state between calls.
  let queue: Promise<unknown> = Promise.resolve();

  const bundle = () => readFileSync(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8');

  const openPage = async (source: string): Promise<Page> => {
    try {
      launched = true;
      browser = await launch();
      const page = await browser.newPage();
      await prepare(page);
      return page;
    } catch (error) {
      throw new DiagramRenderError(`${source}: cannot render the diagram: no headless browser (${(error as Error).message.split('\n')[0]}). Install Chromium or set CHROMIUM_PATH.`);
    }
  };

  /** Loads Mermaid into the page once; every render after that reuses it. */
  const prepare = async (page: Page): Promise<void> => {
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ content: bundle() });
  };

  const renderOne = async (text: string, theme: DiagramTheme, key: string, source: string): Promise<string> => {
    pagePromise ??= openPage(source);
    const page = await pagePromise;
    const id = `dg-${key.slice(0, 12)}`;
    const result = await page.evaluate(
      async ({ text, config, id }) => {
        const mermaid = (globalThis as unknown as { mermaid: { initialize(config: unknown): void; parse(text: string): Promise<unknown>; render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
        mermaid.initialize(config);
        try {
          await mermaid.parse(text);
          const { svg } = await mermaid.render(id, text);
          // Mermaid sizes a sequence diagram by its lanes, and a long message over the last lane
          // runs past the edge and is cut off: the viewBox grows to hold everything drawn.
          const holder = document.createElement('div');
          holder.innerHTML = svg;
          document.body.append(holder);
          const element = holder.querySelector('svg');
          const box = element?.getBBox();
          const view = element?.viewBox.baseVal;
          if (element && box && view && view.width > 0) {
            const margin = 8;
            const left = Math.min(view.x, box.x - margin);
            const top = Math.min(view.y, box.y - margin);
            const width = Math.max(view.x + view.width, box.x + box.width + margin) - left;
            const height = Math.max(view.y + view.height, box.y + box.height + margin) - top;
            if (left < view.x || top < view.y || width > view.width || height > view.height) {
              element.setAttribute('viewBox', `${left} ${top} ${width} ${height}`);
              if (element.style.maxWidth) element.style.maxWidth = `${width}px`;
            }
          }
          const fitted = holder.innerHTML;
          holder.remove();
          return { svg: fitted };
        } catch (error) {
          document.getElementById(id)?.remove();
          document.getElementById(`d${id}`)?.remove();
          return { error: String((error as Error)?.message ?? error) };
        }
      },
      { text, config: mermaidConfig(theme, id), id },
    );
    if ('error' in result) throw new DiagramRenderError(`${source}: Mermaid cannot render the diagram: ${result.error.split('\n').slice(0, 4).join(' ')}`);
    rendered++;
    return scopeSvgIds(swapThemeColours(result.svg, theme), id);
  };

  const renderTheme = async (text: string, theme: DiagramTheme, source: string): Promise<string> => {
    const key = renderCacheKey(text, theme, version);
    const file = path.join(options.cacheDir, `${key}.svg`);
    if (existsSync(file)) return readFileSync(file, 'utf8');
    const job = queue.then(() => renderOne(text, theme, key, source));
    queue = job.catch(() => undefined);
    const svg = await job;
    mkdirSync(options.cacheDir, { recursive: true });
    // Write then rename, so a build killed mid-write never leaves half an SVG in the cache.
    writeFileSync(`${file}.tmp`, svg);
    renameSync(`${file}.tmp`, file);
    return svg;
  };

  return {
    async render(text, source) {
      const [light, dark] = await Promise.all(DIAGRAM_THEMES.map((theme) => renderTheme(text, theme, source)));
      // The cache keeps Mermaid's output; pages get it with style attributes moved into the SVG's style sheet.
      return { light: hoistSvgStyles(light!), dark: hoistSvgStyles(dark!) };
    },
    get rendered() {
      return rendered;
    },
    get launched() {
      return launched;
    },
    async close() {
      const current = browser;
      browser = undefined;
      pagePromise = undefined;
      await current?.close();
    },
  };
}
