import { satteri } from '@astrojs/markdown-satteri';
import { focusableCodePlugin } from './focusable-code-plugin.ts';
import { mermaidSvgPlugin, type MermaidSvgOptions } from './mermaid-svg-plugin.ts';
import { symbolLinksPlugin, type SymbolLinkOptions } from './symbol-links-plugin.ts';
import { taskListChecklistPlugin } from './task-list-checklist-plugin.ts';

/** The Markdown pipeline of the site's pages: symbol links, inline diagrams, usable checklists, focusable code. */
export function siteMarkdownProcessor(options: SymbolLinkOptions & MermaidSvgOptions) {
  return satteri({
    mdastPlugins: [symbolLinksPlugin(options), mermaidSvgPlugin(options)],
    hastPlugins: [taskListChecklistPlugin(), focusableCodePlugin()],
    // Curly quotes and ellipses stay, but `--` is left alone: in prose it is far more often a
    // command-line option written without backticks (`--no-kaslr`) than a dash.
    features: { smartPunctuation: { quotes: true, ellipses: true, dashes: false } },
  });
}
