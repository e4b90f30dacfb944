// The dev bench's edit: a real change to a generated case that still validates.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editCaseSource } from '../../scripts/bench/edit-case-file.ts';
import { generateCase, type KnownContentIds } from '../../scripts/bench/generate-case.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { formatProblem } from '../../src/lib/content/problem.ts';
import { readSourceFiles } from '../../src/lib/content/read-content.ts';
import type { CaseData } from '../../src/schemas/case.ts';
import { projectDir } from '../support/paths.ts';

const realContent = readSourceFiles(path.join(projectDir, 'content')).filter((file) => file.kind !== 'cases');
const idsOf = (kind: string) => new Set(realContent.filter((file) => file.kind === kind).map((file) => file.id));
const known: KnownContentIds = { symptoms: idsOf('symptoms'), tools: idsOf('tools'), checklists: idsOf('checklists') };

describe('dev bench case edit', () => {
  it('changes the title and adds a body sentence, and the case still validates', () => {
    const generated = generateCase(5, 2, known);
    const { source, edit } = editCaseSource(generated.source, 'abc1');
    expect(edit).toEqual({ title: 'Revised case abc1', sentence: 'Checked again in revision abc1 of this case.' });
    const { entries, problems } = checkContent([...realContent, { kind: 'cases', id: generated.id, displayPath: `cases/${generated.id}.md`, source }], []);
    expect(problems.map(formatProblem)).toEqual([]);
    const entry = entries.find((item) => item.id === generated.id);
    expect((entry?.data as CaseData).title).toBe(edit.title);
    expect((entry?.data as CaseData).stacks.map((stack) => stack.log)).toEqual((generated.data.stacks ?? []).map((stack) => stack.log.trim()));
    expect(entry?.body.trimEnd().endsWith(edit.sentence)).toBe(true);
    expect(source.startsWith('---\n')).toBe(true);
  });

  it('refuses a token that Markdown could rewrite, and a file without frontmatter', () => {
    expect(() => editCaseSource('---\ntitle: x\n---\nbody\n', 'a-b')).toThrow('edit token must be letters and digits, got "a-b"');
    expect(() => editCaseSource('# no frontmatter\n', 'ab')).toThrow('case source has no frontmatter block');
  });
});
