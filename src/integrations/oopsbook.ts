import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { formatProblem } from '../lib/content/problem.ts';
import { readAndCheckContent } from '../lib/content/read-content.ts';
import { rehypeFocusableCode } from '../lib/markdown/rehype-focusable-code.ts';
import { rehypeTaskListChecklist } from '../lib/markdown/rehype-task-list-checklist.ts';
import { remarkSymbolLinks } from '../lib/markdown/remark-symbol-links.ts';
import { parseStackFrames, findSymbolMentions } from '../lib/oops/frames.ts';
import type { CaseData } from '../schemas/case.ts';
import { writeSearchIndex } from './search-index.ts';

/**
 * Checks all content before Astro reads any of it (Astro stops at the first bad file; this
 * reports every problem), sets up the Markdown pipeline, and indexes the built site for search.
 */
export function oopsbook(): AstroIntegration {
  return {
    name: 'oopsbook',
    hooks: {
      'astro:config:setup': ({ updateConfig, config, logger }) => {
        const { entries, problems } = readAndCheckContent();
        if (problems.length > 0) {
          const report = problems.map(formatProblem).join('\n');
          throw new Error(`${problems.length} content problem${problems.length === 1 ? '' : 's'}:\n${report}\nRun \`npm run check\` to see them again.`);
        }
        logger.info(`${entries.length} content files valid`);

        const symbols = new Set<string>();
        for (const entry of entries) {
          if (entry.kind !== 'cases') continue;
          for (const stack of (entry.data as CaseData).stacks) {
            for (const frame of parseStackFrames(stack.log)) symbols.add(frame.normalized);
            for (const symbol of findSymbolMentions(stack.log)) symbols.add(symbol);
          }
        }
        updateConfig({
          markdown: {
            // Prism marks tokens with classes; Shiki's inline colours would need 'unsafe-inline' styles.
            syntaxHighlight: 'prism',
            processor: unified({
              remarkPlugins: [[remarkSymbolLinks, { symbols, base: config.base }]],
              rehypePlugins: [rehypeTaskListChecklist, rehypeFocusableCode],
            }),
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const stats = await writeSearchIndex(fileURLToPath(dir));
        logger.info(`search index: ${stats.pages} pages`);
      },
    },
  };
}
