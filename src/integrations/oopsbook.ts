import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { caseFileStamp, parseCaseStacks, rememberCaseStacks, type CaseFileStamp } from '../lib/content/case-stacks.ts';
import { contentRoot, renderedDiagramsDir } from '../lib/content/content-paths.ts';
import { formatProblem } from '../lib/content/problem.ts';
import { readAndCheckContent } from '../lib/content/read-content.ts';
import { createMermaidRenderer, type MermaidRenderer } from '../lib/diagrams/render-mermaid.ts';
import { siteMarkdownProcessor } from '../lib/markdown/site-markdown-processor.ts';
import type { OopsbookSettings } from '../lib/settings/oopsbook-settings.ts';
import type { CaseData } from '../schemas/case.ts';
import { prerenderDiagrams } from './prerender-diagrams.ts';
import { SEARCH_INDEX_HANDOFF_ENV, writeSearchIndex } from './search-index.ts';

/**
 * Checks all content before Astro reads any of it (Astro stops at the first bad file; this
 * reports every problem), sets up the Markdown pipeline, and indexes the built site for search.
 */
export function oopsbook(settings: Pick<OopsbookSettings, 'markdown'>): AstroIntegration {
  // Renders the Mermaid fences of Markdown bodies; only starts a browser on a cache miss.
  let fenceRenderer: MermaidRenderer | undefined;
  return {
    name: 'oopsbook',
    hooks: {
      'astro:config:setup': async ({ updateConfig, config, logger, command }) => {
        // Serving a built site needs none of it.
        if (command === 'preview') return;
        // Stamped before the check reads them, so a case saved after that read is read again later.
        const casesDir = path.join(contentRoot(), 'cases');
        const stamps = new Map<string, CaseFileStamp | undefined>();
        for (const name of existsSync(casesDir) ? readdirSync(casesDir) : []) if (name.endsWith('.md')) stamps.set(name.slice(0, -3), caseFileStamp(path.join(casesDir, name)));
        const { entries, diagrams, problems } = readAndCheckContent();
        if (problems.length > 0) {
          const report = problems.map(formatProblem).join('\n');
          throw new Error(`${problems.length} content problem${problems.length === 1 ? '' : 's'}:\n${report}\nRun \`oopsbook check\` to see them again.`);
        }
        logger.info(`${entries.length} content files and ${diagrams.length} diagram specs valid`);

        // Every diagram is rendered (or found in the cache) before Astro starts, so a broken one
        // fails the build here, naming its file, instead of leaving a page without its figure.
        const stats = await prerenderDiagrams(diagrams, entries);
        logger.info(
          `diagrams: ${stats.diagrams} specs and ${stats.fences} Markdown fences, ${stats.rendered} SVGs rendered, ${stats.cached} from the cache${stats.launched ? '' : ' (no browser started)'}`,
        );
        fenceRenderer = createMermaidRenderer({ cacheDir: renderedDiagramsDir() });
        const renderer = fenceRenderer;

        // Each case's stacks parsed once for the whole build: the site graph takes them from here.
        const symbols = new Set<string>();
        for (const entry of entries) {
          if (entry.kind !== 'cases') continue;
          const logs = (entry.data as CaseData).stacks.map((stack) => stack.log);
          const stamp = stamps.get(entry.id);
          const stacks = stamp ? rememberCaseStacks(path.join(casesDir, `${entry.id}.md`), stamp, logs) : parseCaseStacks(logs);
          for (const frames of stacks.frames) for (const frame of frames) symbols.add(frame.normalized);
          for (const mentions of stacks.mentions) for (const symbol of mentions) symbols.add(symbol);
        }
        updateConfig({
          // Diagram SVGs carry their own style sheets; the policy lists each one by hash.
          security: { csp: { algorithm: 'SHA-256', styleDirective: { hashes: stats.styleHashes as Array<`sha256-${string}`> } } },
          markdown: {
            processor: await siteMarkdownProcessor(settings.markdown, {
              symbols,
              base: config.base,
              render: (text: string, source: string) => renderer.render(text, source),
            }),
          },
        });
      },
      'astro:server:done': async () => {
        await fenceRenderer?.close();
      },
      'astro:build:done': async ({ dir, logger }) => {
        await fenceRenderer?.close();
        const siteDir = fileURLToPath(dir);
        const handoff = process.env[SEARCH_INDEX_HANDOFF_ENV];
        if (handoff) {
          writeFileSync(handoff, siteDir);
          logger.info('search index: written by the build script once Astro has exited');
          return;
        }
        const stats = await writeSearchIndex(siteDir);
        logger.info(`search index: ${stats.pages} pages`);
      },
    },
  };
}
