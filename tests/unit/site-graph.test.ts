import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { readSourceFiles } from '../../src/lib/content/read-content.ts';
import { buildSiteGraph, matrixCell, type Entry } from '../../src/lib/site/build-site-graph.ts';
import { facetCounts } from '../../src/lib/site/case-facets.ts';
import type { CaseData } from '../../src/schemas/case.ts';
import type { ChecklistData } from '../../src/schemas/checklist.ts';
import type { SymptomData } from '../../src/schemas/symptom.ts';
import type { ToolData } from '../../src/schemas/tool.ts';
import { projectDir } from '../support/paths.ts';

const { entries, problems } = checkContent(readSourceFiles(`${projectDir}/tests/fixtures/minimal`), []);
const pick = <D>(kind: string) => entries.filter((entry) => entry.kind === kind).map((entry) => ({ id: entry.id, data: entry.data as D }));
const graph = buildSiteGraph({
  cases: pick<CaseData>('cases') as Entry<CaseData>[],
  symptoms: pick<SymptomData>('symptoms'),
  tools: pick<ToolData>('tools'),
  checklists: pick<ChecklistData>('checklists'),
});

describe('site graph', () => {
  it('reads the fixture content without problems', () => {
    expect(problems).toEqual([]);
  });

  it('derives reverse links from forward references', () => {
    expect(graph.casesBySymptom.get('bad-page-state')).toEqual(['fixture-leak']);
    expect(graph.usesByTool.get('kasan')?.map((use) => [use.caseId, use.position, use.step.outcome])).toEqual([['fixture-leak', 1, 'unavailable']]);
    expect(graph.symptomsByTool.get('kasan')?.map((item) => item.symptomId)).toEqual(['bad-page-state']);
    expect(graph.casesByChecklist.get('debug-kernel')).toEqual(['fixture-leak']);
    expect(graph.symptomsByChecklist.get('debug-kernel')).toEqual(['bad-page-state']);
  });

  it('indexes every normalised stack symbol with its frames', () => {
    expect([...graph.symbols.keys()]).toEqual(['bad_page', '__check_heap_object', 'check_preempt_curr', 'i40e_napi_poll', 'ip_list_rcv_finish']);
    const [occurrence] = graph.symbols.get('i40e_napi_poll') ?? [];
    expect(occurrence?.frame?.module).toBe('i40e');
    expect(occurrence?.stackLabel).toBe('Bad page state');
  });

  it('fills the symptom × tool matrix from recommendations and case outcomes', () => {
    expect(matrixCell(graph, 'bad-page-state', 'kasan')).toEqual({
      recommended: { why: 'catches the use-after-free that usually precedes it', when: 'on a test machine that reproduces' },
      uses: [{ caseId: 'fixture-leak', outcome: 'unavailable' }],
    });
  });

  it('counts facet values for the case list', () => {
    const counts = Object.fromEntries(facetCounts(graph.cases).map(({ facet, values }) => [facet.name, values]));
    expect(counts).toEqual({
      symptom: [['bad-page-state', 1]],
      tool: [['kasan', 1]],
      subsystem: [['networking', 1]],
      hypervisor: [['none', 1]],
      status: [['root-caused', 1]],
      driver: [['i40e', 1]],
    });
  });
});
