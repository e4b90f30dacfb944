import type { ExportedChecklist } from '../checklists/exported-checklist.ts';
import type { SiteGraph } from '../site/build-site-graph.ts';
import { caseFacetFilters } from '../site/case-facets.ts';
import { countLabel } from '../site/count-label.ts';
import { excerptOf, type TitledPage } from './title-index.ts';

/** What the title index needs of a diagram page. */
export interface TitledDiagram {
  id: string;
  spec: { title: string; description: string };
}

/**
 * Every page the full-text index holds, as the title index lists them: symptoms, tools, checklists
 * and diagrams first (each the page to read about its subject), then cases newest first. Facets
 * are those the search page filters by: `kind`, and for cases the case facets.
 */
export function titledPages(site: Pick<SiteGraph, 'cases' | 'symptoms' | 'tools'>, checklists: readonly ExportedChecklist[], diagrams: readonly TitledDiagram[]): TitledPage[] {
  const page = (kind: string, url: string, title: string, excerpt: string, facets: string[] = []): TitledPage => ({
    url,
    title,
    kind,
    facets: [`kind:${kind}`, ...facets],
    excerpt: excerptOf(excerpt),
  });
  return [
    ...site.symptoms.map((entry) => page('symptom', `/symptoms/${entry.id}/`, entry.data.title, entry.data.meaning)),
    ...site.tools.map((entry) => page('tool', `/tools/${entry.id}/`, entry.data.title, entry.data.detects.join('; '))),
    ...checklists.map((checklist) =>
      page('checklist', `/checklists/${checklist.id}/`, checklist.title, `${countLabel(checklist.items.length, 'item')}: ${checklist.items.map((item) => item.text.replace(/[\s.;]+$/, '')).join('; ')}`),
    ),
    ...diagrams.map((diagram) => page('diagram', `/diagrams/${diagram.id}/`, diagram.spec.title, diagram.spec.description)),
    ...site.cases.map((entry) =>
      page(
        'case',
        `/cases/${entry.id}/`,
        entry.data.title,
        entry.data.summary,
        caseFacetFilters(entry.data),
      ),
    ),
  ];
}
