import { getCollection } from 'astro:content';
import path from 'node:path';
import { withLogs } from '../lib/content/case-logs.ts';
import { readCaseStacks } from '../lib/content/case-stacks.ts';
import { contentRoot } from '../lib/content/content-paths.ts';
import { lastUpdatedDatesMemo } from '../lib/git/last-updated-memo.ts';
import { collectChecklists } from '../lib/checklists/collect-checklists.ts';
import type { ExportedChecklist } from '../lib/checklists/exported-checklist.ts';
import { joinSiteGraph, type SiteGraph } from '../lib/site/build-site-graph.ts';
import { CaseGraphParts } from '../lib/site/case-graph-parts.ts';
import { processWide } from '../lib/process-wide.ts';

let graph: Promise<SiteGraph> | undefined;
let updated: Map<string, string> | undefined;
let checklists: Promise<ExportedChecklist[]> | undefined;

/**
 * Each case's part of the graph, kept for the life of the process. The development server loads
 * this module again whenever content changes, which starts a new graph; the parts of the cases
 * that did not change carry over from the last one (on `globalThis`, which outlives the module).
 */
function caseGraphParts(): CaseGraphParts {
  return processWide('case-graph-parts', () => new CaseGraphParts());
}

/** The content and its derived links, loaded once per build and shared by every page. */
export function loadSite(): Promise<SiteGraph> {
  graph ??= (async () => {
    const casesDir = path.join(contentRoot(), 'cases');
    // Read and parsed while the content was checked, unless a file changed since (see case-stacks.ts).
    const stacks = readCaseStacks(casesDir);
    const logs = new Map([...stacks].map(([id, parsed]) => [id, parsed.logs]));
    const cases = (await getCollection('cases')).map((entry) => ({
      id: entry.id,
      digest: entry.digest,
      data: withLogs(entry.id, entry.data, logs, entry.filePath ?? path.join(casesDir, `${entry.id}.md`)),
    }));
    return joinSiteGraph({
      cases: caseGraphParts().update(cases, stacks),
      symptoms: await getCollection('symptoms'),
      tools: await getCollection('tools'),
      checklists: await getCollection('checklists'),
    });
  })();
  return graph;
}

/** Last commit date (YYYY-MM-DD) of a content file, when git knows it. */
export function lastUpdated(folder: string, id: string): string | undefined {
  const root = contentRoot();
  updated ??= lastUpdatedDatesMemo(root);
  return updated.get(path.join(root, folder, `${id}.md`));
}

/** Every exported checklist: the authored ones (with their body as intro) and one per symptom. */
export function loadChecklists(): Promise<ExportedChecklist[]> {
  checklists ??= (async () => {
    const site = await loadSite();
    const authored = (await getCollection('checklists')).map((entry) => ({ id: entry.id, data: entry.data, body: entry.body }));
    return collectChecklists({ checklists: authored, symptoms: site.symptoms, tools: site.tools });
  })();
  return checklists;
}
