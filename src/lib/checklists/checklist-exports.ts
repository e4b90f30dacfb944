import { absoluteUrl } from '../site/site-url.ts';
import { checklistEmbedHtml } from './checklist-embed-html.ts';
import { checklistJson, type ChecklistJson } from './checklist-json.ts';
import { checklistMarkdown } from './checklist-markdown.ts';
import { checklistPaths } from './checklist-urls.ts';
import { checklistVersion } from './checklist-version.ts';
import type { ExportedChecklist } from './exported-checklist.ts';

/** Everything published for one checklist, as the site writes it and the CLI prints it. */
export interface ChecklistExports {
  version: string;
  /** Absolute URLs of the page and each export. */
  urls: { page: string; markdown: string; json: string; embed: string };
  markdown: string;
  json: ChecklistJson;
  embedHtml: string;
}

/** Builds every export of a checklist; `source` is the page URL unless given (merged checklists). */
export function checklistExports(checklist: ExportedChecklist, env: NodeJS.ProcessEnv = process.env, source?: string): ChecklistExports {
  const paths = checklistPaths(checklist.id);
  const urls = {
    page: absoluteUrl(paths.page, env),
    markdown: absoluteUrl(paths.markdown, env),
    json: absoluteUrl(paths.json, env),
    embed: absoluteUrl(paths.embed, env),
  };
  const stamp = { url: source ?? urls.page, version: checklistVersion(checklist) };
  return {
    version: stamp.version,
    urls,
    markdown: checklistMarkdown(checklist, stamp),
    json: checklistJson(checklist, stamp),
    embedHtml: checklistEmbedHtml(checklist, stamp),
  };
}
