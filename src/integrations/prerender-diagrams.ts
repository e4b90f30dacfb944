import { createHash } from 'node:crypto';
import { renderedDiagramsDir } from '../lib/content/content-paths.ts';
import type { ValidEntry } from '../lib/content/validate-entry.ts';
import { generateDiagram } from '../lib/diagrams/generate-diagram.ts';
import { svgStyleSheets } from '../lib/diagrams/hoist-svg-styles.ts';
import { createMermaidRenderer, DiagramRenderError, type MermaidRendererOptions } from '../lib/diagrams/render-mermaid.ts';
import type { ValidDiagramSpec } from '../lib/diagrams/validate-diagram-spec.ts';
import { mermaidFences } from '../lib/markdown/mermaid-fences.ts';

/** What a pre-render pass did. */
export interface PrerenderStats {
  diagrams: number;
  fences: number;
  rendered: number;
  cached: number;
  launched: boolean;
  /** `sha256-…` of every `<style>` element in the rendered SVGs, for the pages' style-src policy. */
  styleHashes: string[];
}

/**
 * Makes sure every spec and every ```` ```mermaid ```` fence in a Markdown body has both theme
 * SVGs in the cache, rendering what is missing in one browser session. Throws an error naming
 * the spec or Markdown file of each diagram that cannot be rendered.
 */
export async function prerenderDiagrams(
  diagrams: readonly ValidDiagramSpec[],
  entries: readonly ValidEntry[],
  options: Partial<MermaidRendererOptions> = {},
): Promise<PrerenderStats> {
  const jobs: Array<{ text: string; source: string }> = [];
  for (const diagram of diagrams) jobs.push({ text: generateDiagram(diagram.spec).mermaid, source: diagram.displayPath });
  let fences = 0;
  for (const entry of entries) {
    if (!entry.body.includes('mermaid')) continue;
    for (const fence of mermaidFences(entry.body)) {
      fences++;
      jobs.push({ text: fence.text, source: `${entry.displayPath}:${entry.bodyStartLine + fence.line - 1}` });
    }
  }

  const renderer = createMermaidRenderer({ cacheDir: renderedDiagramsDir(), ...options });
  const failures: string[] = [];
  const styleHashes = new Set<string>();
  try {
    for (const job of jobs) {
      try {
        const rendered = await renderer.render(job.text, job.source);
        for (const sheet of [...svgStyleSheets(rendered.light), ...svgStyleSheets(rendered.dark)]) {
          styleHashes.add(`sha256-${createHash('sha256').update(sheet).digest('base64')}`);
        }
      } catch (error) {
        if (!(error instanceof DiagramRenderError)) throw error;
        failures.push(error.message);
        // Without a browser every later render fails the same way; one message is enough.
        if (/no headless browser/.test(error.message)) break;
      }
    }
  } finally {
    await renderer.close();
  }
  if (failures.length > 0) {
    throw new Error(`${failures.length} diagram${failures.length === 1 ? '' : 's'} could not be rendered:\n${failures.join('\n')}`);
  }
  return { diagrams: diagrams.length, fences, rendered: renderer.rendered, cached: jobs.length * 2 - renderer.rendered, launched: renderer.launched, styleHashes: [...styleHashes].sort() };
}
