import { satteri } from '@astrojs/markdown-satteri';
import type { OopsbookSettings } from '../settings/oopsbook-settings.ts';
import { focusableCodePlugin } from './focusable-code-plugin.ts';
import { mermaidSvgPlugin, type MermaidSvgOptions } from './mermaid-svg-plugin.ts';
import { symbolLinksPlugin, type SymbolLinkOptions } from './symbol-links-plugin.ts';
import { taskListChecklistPlugin } from './task-list-checklist-plugin.ts';

/** What Oopsbook's own plugins need from the site. */
export type SiteMarkdownOptions = SymbolLinkOptions & MermaidSvgOptions;

/**
 * The Markdown pipeline of the site's pages: symbol links, inline diagrams, usable checklists,
 * focusable code, under the processor the settings name. Sätteri is the default: it builds the
 * site fastest. unified runs remark and rehype plugins from npm as well.
 */
export async function siteMarkdownProcessor(markdown: OopsbookSettings['markdown'], options: SiteMarkdownOptions) {
  if (markdown.processor === 'unified') {
    const { unifiedSiteProcessor } = await import('./unified-site-processor.ts');
    return unifiedSiteProcessor(markdown, options);
  }
  return satteri({
    mdastPlugins: [symbolLinksPlugin(options), mermaidSvgPlugin(options)],
    hastPlugins: [taskListChecklistPlugin(), focusableCodePlugin()],
    // Curly quotes and ellipses stay, but `--` is left alone: in prose it is far more often a
    // command-line option written without backticks (`--no-kaslr`) than a dash.
    features: { smartPunctuation: { quotes: true, ellipses: true, dashes: false } },
  });
}
