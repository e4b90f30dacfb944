import { unified, type RehypePlugins, type RemarkPlugins } from '@astrojs/markdown-remark';
import type { OopsbookSettings } from '../settings/oopsbook-settings.ts';
import { rehypeFocusableCode } from './focusable-code-plugin.ts';
import { remarkMermaidSvg } from './mermaid-svg-plugin.ts';
import type { SiteMarkdownOptions } from './site-markdown-processor.ts';
import { remarkSymbolLinks } from './symbol-links-plugin.ts';
import { rehypeTaskListChecklist } from './task-list-checklist-plugin.ts';

/**
 * The site's pipeline under Astro's unified (remark and rehype) processor: Oopsbook's plugins
 * first, then the team's, so a team plugin sees symbol links and rendered diagrams in place.
 */
export function unifiedSiteProcessor(markdown: OopsbookSettings['markdown'], options: SiteMarkdownOptions) {
  return unified({
    remarkPlugins: [() => remarkSymbolLinks(options), () => remarkMermaidSvg(options), ...(markdown.remarkPlugins as RemarkPlugins)],
    rehypePlugins: [() => rehypeTaskListChecklist(), () => rehypeFocusableCode(), ...(markdown.rehypePlugins as RehypePlugins)],
    // As under Sätteri: curly quotes and ellipses, `--` left alone (a command-line option far
    // more often than a dash in these pages) and so are backticks.
    smartypants: { dashes: false, backticks: false },
  });
}
