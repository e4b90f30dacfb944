#!/usr/bin/env node
// `npm run bench:markdown [-- --content DIR] [--rounds 5]`: the Markdown processors alone. Renders
// every Markdown body of the content folder with the site's pipeline under Sätteri and under
// unified (remark and rehype), the processors taking turns, and prints each one's median time
// per round and per document. A whole build's time moves by tens of percent with other work on
// the machine; this isolates what the choice of processor costs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatBenchTable, formatMs, type BenchRow } from './bench/format-table.ts';
import { contentRoot } from '../src/lib/content/content-paths.ts';
import { readSourceFiles } from '../src/lib/content/read-content.ts';
import { splitFrontmatter } from '../src/lib/content/split-frontmatter.ts';
import { siteMarkdownProcessor } from '../src/lib/markdown/site-markdown-processor.ts';
import { findSymbolMentions, parseStackFrames } from '../src/lib/oops/frames.ts';
import { load } from 'js-yaml';
import { median } from './bench/median.ts';

const { values } = parseArgs({ options: { content: { type: 'string' }, rounds: { type: 'string', default: '5' } } });
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, got ${values.rounds}`);
const root = values.content ? path.resolve(values.content) : contentRoot();

const files = readSourceFiles(root);
const bodies = files.map((file) => splitFrontmatter(file.source).body);
// The symbols the site links, as the integration collects them from the cases' stacks.
const symbols = new Set<string>();
for (const file of files) {
  if (file.kind !== 'cases') continue;
  const data = load(splitFrontmatter(file.source).yaml ?? '') as { stacks?: Array<{ log?: string }> } | undefined;
  for (const stack of data?.stacks ?? []) {
    for (const frame of parseStackFrames(stack.log ?? '')) symbols.add(frame.normalized);
    for (const symbol of findSymbolMentions(stack.log ?? '')) symbols.add(symbol);
  }
}
// Diagrams come from the render cache in a build; a fixed figure keeps the browser out of this.
const render = async () => ({ light: '<svg></svg>', dark: '<svg></svg>' });

type Name = 'satteri' | 'unified';
const renderers = Object.fromEntries(
  await Promise.all(
    (['satteri', 'unified'] as const).map(async (processor) => {
      const site = await siteMarkdownProcessor({ processor, remarkPlugins: [], rehypePlugins: [] }, { symbols, base: '/', render });
      // The options Astro passes for this site (Prism highlighting, GFM, smart punctuation).
      return [processor, await site.createRenderer({ syntaxHighlight: 'prism', gfm: true, smartypants: true } as never)] as const;
    }),
  ),
) as unknown as Record<Name, { render(markdown: string, options: never): Promise<unknown> }>;

const times: Record<Name, number[]> = { satteri: [], unified: [] };
const renderAll = async (name: Name) => {
  const started = performance.now();
  for (const body of bodies) await renderers[name].render(body, {} as never);
  times[name].push(performance.now() - started);
};
// One untimed pass each warms the JIT and the renderers' caches.
await renderAll('satteri');
await renderAll('unified');
times.satteri.length = 0;
times.unified.length = 0;
for (let round = 0; round < rounds; round++) {
  for (const name of round % 2 === 0 ? (['satteri', 'unified'] as const) : (['unified', 'satteri'] as const)) await renderAll(name);
}

const bytes = bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0);
const satteri = median(times.satteri);
const unified = median(times.unified);
const rows: BenchRow[] = [
  { metric: 'Markdown bodies', value: `${bodies.length} from ${root} (${(bytes / 1024).toFixed(0)} KiB)` },
  { metric: `Sätteri, all bodies (median of ${rounds})`, value: `${formatMs(satteri)} (${formatMs(satteri / bodies.length)} a document)` },
  { metric: `unified, all bodies (median of ${rounds})`, value: `${formatMs(unified)} (${formatMs(unified / bodies.length)} a document, ${(unified / satteri).toFixed(2)} × Sätteri)` },
];
process.stdout.write(`${formatBenchTable(rows)}\n\nNode ${process.versions.node}, package ${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version as string}.\n`);
