// The development server keeps each case's part of the site graph and remakes only a changed
// case's: after any edit, the joined graph must equal one built from scratch.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCase, type KnownContentIds } from '../../scripts/bench/generate-case.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { readSourceFiles } from '../../src/lib/content/read-content.ts';
import { buildSiteGraph, joinSiteGraph, type Entry } from '../../src/lib/site/build-site-graph.ts';
import { CaseGraphParts, type DigestedEntry } from '../../src/lib/site/case-graph-parts.ts';
import type { CaseData } from '../../src/schemas/case.ts';
import type { ChecklistData } from '../../src/schemas/checklist.ts';
import type { SymptomData } from '../../src/schemas/symptom.ts';
import type { ToolData } from '../../src/schemas/tool.ts';
import { projectDir } from '../support/paths.ts';

const realContent = readSourceFiles(path.join(projectDir, 'content')).filter((file) => file.kind !== 'cases');
const idsOf = (kind: string) => new Set(realContent.filter((file) => file.kind === kind).map((file) => file.id));
const known: KnownContentIds = { symptoms: idsOf('symptoms'), tools: idsOf('tools'), checklists: idsOf('checklists') };
const generated = Array.from({ length: 30 }, (_, index) => generateCase(3, index, known));
const { entries, problems } = checkContent([...realContent, ...generated.map((item) => ({ kind: 'cases' as const, id: item.id, displayPath: `cases/${item.id}.md`, source: item.source }))], []);
const of = <D>(kind: string) => entries.filter((entry) => entry.kind === kind).map((entry) => ({ id: entry.id, data: entry.data as D }));
const others = { symptoms: of<SymptomData>('symptoms'), tools: of<ToolData>('tools'), checklists: of<ChecklistData>('checklists') };
// As Astro's digest is a hash of the file, this is a hash of what the file says.
const digested = (entry: Entry<CaseData>): DigestedEntry => ({ ...entry, digest: createHash('sha256').update(JSON.stringify(entry.data)).digest('hex') });
const cases = of<CaseData>('cases').map(digested);

/** A copy of the case with `change` applied to its data, digested again. */
const edited = (entry: DigestedEntry, change: (data: CaseData) => CaseData) => digested({ id: entry.id, data: change(structuredClone(entry.data)) });

describe('case graph parts', () => {
  it('start from valid generated content', () => {
    expect(problems).toEqual([]);
    expect(cases.length).toBe(30);
  });

  it('join into the graph a fresh build makes, and are reused while nothing changes', () => {
    const parts = new CaseGraphParts();
    expect(joinSiteGraph({ cases: parts.update(cases), ...others })).toEqual(buildSiteGraph({ cases, ...others }));
    expect(parts.made.length).toBe(30);
    const again = parts.update(cases.map((entry) => ({ ...entry })));
    expect(parts.made).toEqual([]);
    expect(joinSiteGraph({ cases: again, ...others })).toEqual(buildSiteGraph({ cases, ...others }));
  });

  it('remake only an edited case, and the join equals a fresh build of the edited content', () => {
    const parts = new CaseGraphParts();
    parts.update(cases);
    const [first, second, third] = cases;
    if (!first || !second || !third) throw new Error('too few generated cases');
    const donor = second.data.stacks[0];
    if (!donor) throw new Error('generated case without a stack');
    // A new title, another case's stack (its symbols move), an earlier first-seen month (its place
    // in the case list moves) and another symptom.
    const edit = edited(first, (data) => ({
      ...data,
      title: 'Revised title',
      firstSeen: '2001-01',
      symptoms: [...new Set([...data.symptoms, 'warning-splat'])],
      stacks: [...data.stacks, { ...donor, label: 'Borrowed trace' }],
    }));
    const after = cases.map((entry) => (entry.id === first.id ? edit : entry));
    const joined = joinSiteGraph({ cases: parts.update(after), ...others });
    expect(parts.made).toEqual([first.id]);
    expect(joined).toEqual(buildSiteGraph({ cases: after, ...others }));
    expect(joined.cases.at(-1)?.data.title).toBe('Revised title');
    const borrowedTop = joined.framesByCase.get(second.id)?.[0]?.[0]?.normalized ?? '';
    expect(new Set(joined.symbols.get(borrowedTop)?.filter((use) => use.stackLabel === 'Borrowed trace').map((use) => use.caseId))).toEqual(new Set([first.id]));
  });

  it('drop a deleted case, make an added one, and remake a case whose logs changed under the same digest', () => {
    const parts = new CaseGraphParts();
    parts.update(cases);
    const [removed, relogged, ...rest] = cases;
    if (!removed || !relogged) throw new Error('too few generated cases');
    const added = digested({ id: 'added-case', data: structuredClone(relogged.data) });
    const sameDigestNewLogs: DigestedEntry = { ...relogged, data: { ...relogged.data, stacks: relogged.data.stacks.map((stack) => ({ ...stack, log: `${stack.log}\n[  1.000000] extra line` })) } };
    const after = [sameDigestNewLogs, ...rest, added];
    const joined = joinSiteGraph({ cases: parts.update(after), ...others });
    expect(parts.made.sort()).toEqual(['added-case', relogged.id].sort());
    expect(joined).toEqual(buildSiteGraph({ cases: after, ...others }));
    expect(joined.caseById.has(removed.id)).toBe(false);
    // The deleted case's part is gone: put back unchanged, it is made again.
    parts.update(cases);
    expect(parts.made).toContain(removed.id);
  });

  it('never reuse a case that has no digest', () => {
    const parts = new CaseGraphParts();
    const undigested = cases.map(({ digest: _digest, ...entry }) => entry);
    parts.update(undigested);
    parts.update(undigested);
    expect(parts.made.length).toBe(30);
  });
});
