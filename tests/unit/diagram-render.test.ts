import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml } from 'satteri';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prerenderDiagrams } from '../../src/integrations/prerender-diagrams.ts';
import { renderedDiagramsDir } from '../../src/lib/content/content-paths.ts';
import { readAndCheckContent } from '../../src/lib/content/read-content.ts';
import { launchChromium } from '../../src/lib/chromium/launch-chromium.ts';
import { createMermaidRenderer, DiagramRenderError, type MermaidRenderer } from '../../src/lib/diagrams/render-mermaid.ts';
import { scopeSvgIds } from '../../src/lib/diagrams/scope-svg-ids.ts';
import { mermaidFences } from '../../src/lib/markdown/mermaid-fences.ts';
import { mermaidSvgPlugin } from '../../src/lib/markdown/mermaid-svg-plugin.ts';

const noBrowser = async (): Promise<never> => {
  throw new Error('the test forbids starting a browser');
};

describe('scopeSvgIds', () => {
  it('renames ids, repeated ones apart, and the references to them', () => {
    const svg = '<svg id="m1" style="x"><style>#m1 .a{fill:red}#m10{}</style><marker id="arrow"/><g id="cpu0"/><g id="cpu0"/><path marker-end="url(#arrow)"/><use href="#cpu0"/></svg>';
    expect(scopeSvgIds(svg, 'dg-abc')).toBe(
      '<svg id="dg-abc" style="x"><style>#dg-abc .a{fill:red}#m10{}</style><marker id="dg-abc-1"/><g id="dg-abc-2"/><g id="dg-abc-3"/><path marker-end="url(#dg-abc-1)"/><use href="#dg-abc-2"/></svg>',
    );
  });
});

describe('the committed render cache', () => {
  it('holds every seed diagram, so a build starts no browser', async () => {
    const { diagrams, entries, problems } = readAndCheckContent({});
    expect(problems).toEqual([]);
    const stats = await prerenderDiagrams(diagrams, entries, { launch: noBrowser });
    expect(stats).toMatchObject({ diagrams: 7, rendered: 0, launched: false });
    expect(stats.cached).toBe(2 * (stats.diagrams + stats.fences));
  });

  it('is what rendering from scratch gives, byte for byte', async () => {
    const { diagrams, entries } = readAndCheckContent({});
    const scratch = mkdtempSync(path.join(tmpdir(), 'oopsbook-rerender-'));
    try {
      const stats = await prerenderDiagrams(diagrams, entries, { cacheDir: scratch });
      expect(stats.rendered).toBe(2 * (stats.diagrams + stats.fences));
      const names = readdirSync(scratch).sort();
      expect(names).toEqual(readdirSync(renderedDiagramsDir({})).filter((name) => name.endsWith('.svg')).sort());
      for (const name of names) expect(readFileSync(path.join(scratch, name), 'utf8') === readFileSync(path.join(renderedDiagramsDir({}), name), 'utf8'), name).toBe(true);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe('rendering Mermaid in headless Chromium', () => {
  let cacheDir: string;
  let renderer: MermaidRenderer;
  beforeAll(() => {
    cacheDir = mkdtempSync(path.join(tmpdir(), 'oopsbook-render-'));
    renderer = createMermaidRenderer({ cacheDir });
  });
  afterAll(async () => {
    await renderer.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('renders light and dark SVGs, caches them, and serves them again without a browser', async () => {
    const text = 'sequenceDiagram\n  participant a as CPU 0\n  participant b as CPU 1\n  a->>b: IPI\n';
    const first = await renderer.render(text, 'test.yaml');
    expect(first.light).toMatch(/^<svg id="dg-[0-9a-f]{12}"/);
    expect(first.dark).toMatch(/^<svg id="dg-[0-9a-f]{12}"/);
    expect(first.light).not.toBe(first.dark);
    expect(first.light).toContain('>IPI</text>');
    expect(readdirSync(cacheDir)).toHaveLength(2);

    const cachedOnly = createMermaidRenderer({ cacheDir, launch: noBrowser });
    expect(await cachedOnly.render(text, 'test.yaml')).toEqual(first);
    expect(cachedOnly.launched).toBe(false);
  });

  it('keeps a long message over the last lane inside the picture', async () => {
    // The first arrow of the AF_XDP trace diagram: its label is wider than the lanes it spans.
    const text = [
      'sequenceDiagram',
      '  participant cpu_1 as CPU 1 · flowtrackd-p9zw-209120',
      '  participant cpu_2 as CPU 2 · iperf2-127018',
      '  participant value_1 as 0x1229100',
      '  participant value_2 as 0x13d3900',
      '  cpu_2->>value_2: start · __xsk_rcv_zc_L7: addr=0x13d3900 len=0x4e xs=0xffffa0c6e26ab400 fq=0xffffa0c…',
      '  cpu_1->>value_1: +55.0 µs · tracing_mark_write: ingress q:1 0x1229100 FILL -#gt; RX: expected 0x13d3900…',
      '',
    ].join('\n');
    const { light } = await renderer.render(text, 'test.yaml');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent(`<!doctype html><body style="margin:0">${light}</body>`);
      const outside = await page.evaluate(() => {
        const svg = document.querySelector('svg')!;
        const view = svg.viewBox.baseVal;
        return [...svg.querySelectorAll('text')]
          .map((element) => ({ text: element.textContent ?? '', box: element.getBBox() }))
          .filter(({ box }) => box.x < view.x || box.y < view.y || box.x + box.width > view.x + view.width || box.y + box.height > view.y + view.height)
          .map(({ text }) => text);
      });
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('fails naming the source when Mermaid rejects the text', async () => {
    await expect(renderer.render('flowchart LR\n  a -->|unclosed b\n', 'diagrams/broken.yaml')).rejects.toThrow(
      /^diagrams\/broken\.yaml: Mermaid cannot render the diagram: Parse error/,
    );
    // The page is still usable after a failure.
    await expect(renderer.render('flowchart LR\n  a --> b\n', 'ok.yaml')).resolves.toHaveProperty('light');
  });

  it('fails naming the source when there is no browser', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oopsbook-render-'));
    const offline = createMermaidRenderer({ cacheDir: dir, launch: noBrowser });
    const error = await offline.render('flowchart LR\n  x --> y\n', 'content/cases/a.md:12').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiagramRenderError);
    expect((error as Error).message).toBe('content/cases/a.md:12: cannot render the diagram: no headless browser (the test forbids starting a browser). Install Chromium or set CHROMIUM_PATH.');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('mermaidSvgPlugin', () => {
  const fakeRender = (seen: string[]) => async (text: string, source: string) => {
    seen.push(`${source} ${text}`);
    return { light: '<svg id="dg-l"></svg>', dark: '<svg id="dg-d"></svg>' };
  };

  it('swaps a mermaid fence for the inline SVG figure and leaves other code alone', async () => {
    const seen: string[] = [];
    const { html } = await markdownToHtml('# Hunt\n\n```mermaid\nflowchart LR\n  a --> b\n```\n\n```sh\nls\n```\n', {
      mdastPlugins: [mermaidSvgPlugin({ render: fakeRender(seen) })],
    });
    expect(seen).toEqual(['(markdown):3 flowchart LR\n  a --> b']);
    expect(html).toMatchInlineSnapshot(`
      "<h1>Hunt</h1>
      <div class="diagram" role="group" aria-label="Diagram"><div class="diagram-scroll"><div class="diagram-svg diagram-svg--light"><svg id="dg-l"></svg></div><div class="diagram-svg diagram-svg--dark"><svg id="dg-d"></svg></div></div></div><details class="diagram-sources"><summary>Mermaid source</summary><pre><code>flowchart LR
        a --&gt; b</code></pre></details>
      <pre><code class="language-sh">ls
      </code></pre>
      "
    `);
  });

  it('keeps a fence with blank lines in one piece', async () => {
    const { html } = await markdownToHtml('```mermaid\nflowchart LR\n\n    a --> b\n```\n', { mdastPlugins: [mermaidSvgPlugin({ render: fakeRender([]) })] });
    expect(html).toContain('<pre><code>flowchart LR\n\n    a --&gt; b</code></pre></details>');
    expect(html).not.toContain('<p>');
  });

  it('names a fence by its line in the file, front matter included, as Astro hands over only the body', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'satteri-fence-'));
    try {
      const file = path.join(dir, 'case.md');
      const source = '---\ntitle: A case\nseverity: high\n---\n\nIntro.\n\n```mermaid\nflowchart LR\n  a --> b\n```\n';
      writeFileSync(file, source);
      const body = source.slice(source.indexOf('\n---\n') + 5).trim();
      const seen: string[] = [];
      await markdownToHtml(body, { mdastPlugins: [mermaidSvgPlugin({ render: fakeRender(seen) })], fileURL: pathToFileURL(file) });
      expect(seen).toEqual([`${file}:8 flowchart LR\n  a --> b`]);
      expect(source.split('\n')[7]).toBe('```mermaid');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails the render when a diagram cannot be drawn', async () => {
    const render = async (_text: string, source: string) => {
      throw new DiagramRenderError(`${source}: Mermaid cannot render the diagram: Parse error`);
    };
    await expect(markdownToHtml('text\n\n```mermaid\nflowchart LR\n  a -->|b\n```\n', { mdastPlugins: [mermaidSvgPlugin({ render })] })).rejects.toThrow(
      '(markdown):3: Mermaid cannot render the diagram: Parse error',
    );
  });
});

describe('mermaidFences', () => {
  it('finds Mermaid fences wherever they sit, with their lines, and nothing else', () => {
    const markdown = '# T\n\n```mermaid\nflowchart LR\n```\n\n- item\n\n  ```mermaid\n  sequenceDiagram\n  ```\n\n> ~~~mermaid\n> pie\n> ~~~\n\n```sh\nmermaid\n```\n\n    mermaid\n';
    expect(mermaidFences(markdown)).toEqual([
      { text: 'flowchart LR', line: 3 },
      { text: 'sequenceDiagram', line: 9 },
      { text: 'pie', line: 13 },
    ]);
  });
});
