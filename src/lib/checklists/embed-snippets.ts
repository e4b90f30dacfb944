import { escapeHtml } from '../html/escape-html.ts';

/** Copy-ready ways to put a checklist into a runbook. */
export interface EmbedSnippets {
  iframe: string;
  markdownUrl: string;
  jsonUrl: string;
}

/** The iframe element and the export URLs a checklist page offers to copy. */
export function embedSnippets(urls: { embed: string; markdown: string; json: string }, title: string): EmbedSnippets {
  return {
    iframe: `<iframe src="${escapeHtml(urls.embed)}" title="${escapeHtml(title)}" width="100%" height="600" loading="lazy" referrerpolicy="no-referrer"></iframe>`,
    markdownUrl: urls.markdown,
    jsonUrl: urls.json,
  };
}
