import type { CaseData } from '../../schemas/case.ts';

/** A filterable property of cases: its URL-safe name, its label, and the values a case has. */
export interface Facet {
  name: string;
  label: string;
  values(data: CaseData): string[];
}

/** The facets of the case list and of search, in display order. */
export const caseFacets: readonly Facet[] = [
  { name: 'symptom', label: 'Symptom', values: (data) => data.symptoms },
  { name: 'tool', label: 'Tool used', values: (data) => [...new Set(data.tools.map((step) => step.tool))] },
  { name: 'subsystem', label: 'Subsystem', values: (data) => data.subsystems },
  { name: 'hypervisor', label: 'Hypervisor', values: (data) => [data.environment.hypervisor] },
  { name: 'status', label: 'Status', values: (data) => [data.status] },
  {
    name: 'driver',
    label: 'Out-of-tree driver',
    values: (data) => data.environment.drivers.filter((driver) => driver.origin === 'out-of-tree').map((driver) => driver.name),
  },
];

/** A case's facet values as search filters name them: `symptom:bad-page-state`, `status:open`… */
export function caseFacetFilters(data: CaseData): string[] {
  return caseFacets.flatMap((facet) => [...new Set(facet.values(data))].map((value) => `${facet.name}:${value}`));
}

/** Each facet's values with how many cases carry them, most common first. */
export function facetCounts(cases: ReadonlyArray<{ data: CaseData }>): Array<{ facet: Facet; values: Array<[string, number]> }> {
  return caseFacets.map((facet) => {
    const counts = new Map<string, number>();
    for (const entry of cases) for (const value of facet.values(entry.data)) counts.set(value, (counts.get(value) ?? 0) + 1);
    return { facet, values: [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])) };
  });
}
