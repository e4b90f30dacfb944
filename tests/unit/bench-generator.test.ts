import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCase, type KnownContentIds } from '../../scripts/bench/generate-case.ts';
import { syntheticOops } from '../../scripts/bench/synthetic-oops.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { formatProblem } from '../../src/lib/content/problem.ts';
import { readSourceFiles } from '../../src/lib/content/read-content.ts';
import { parseStackFrames } from '../../src/lib/oops/frames.ts';
import { parseOops } from '../../src/lib/oops/parse-oops.ts';
import { projectDir } from '../support/paths.ts';

const realContent = readSourceFiles(path.join(projectDir, 'content')).filter((file) => file.kind !== 'cases');
const idsOf = (kind: string) => new Set(realContent.filter((file) => file.kind === kind).map((file) => file.id));
const known: KnownContentIds = { symptoms: idsOf('symptoms'), tools: idsOf('tools'), checklists: idsOf('checklists') };
const cases = Array.from({ length: 60 }, (_, index) => generateCase(7, index, known));

describe('synthetic benchmark cases', () => {
  it('are the same for the same seed and differ across seeds', () => {
    expect(generateCase(7, 3, known).source).toBe(cases[3]?.source);
    expect(generateCase(8, 3, known).source).not.toBe(cases[3]?.source);
  });

  it('have distinct ids and distinct stacks', () => {
    expect(new Set(cases.map((item) => item.id)).size).toBe(cases.length);
    expect(new Set(cases.map((item) => item.stacks.map((stack) => stack.functions.join(' ')).join('|'))).size).toBeGreaterThan(cases.length * 0.9);
  });

  it('validate against the real symptoms, tools and checklists', () => {
    const files = [...realContent, ...cases.map((item) => ({ kind: 'cases' as const, id: item.id, displayPath: `cases/${item.id}.md`, source: item.source }))];
    expect(checkContent(files, []).problems.map(formatProblem)).toEqual([]);
  });

  it('carry stacks of 8 to 30 frames that the site graph and the oops parser read', () => {
    const unparsed = new Set<string>();
    for (const item of cases) {
      for (const stack of item.stacks) {
        const frames = parseStackFrames(stack.log).filter((frame) => !frame.isRip);
        expect(frames.length, stack.log).toBeGreaterThanOrEqual(8);
        expect(frames.length, stack.log).toBeLessThanOrEqual(30);
        expect(frames.map((frame) => frame.normalized)).toContain(stack.func);
        const reports = parseOops(stack.log);
        if (reports.length > 0) expect(reports.flatMap((report) => report.frames.map((frame) => frame.normalized))).toContain(stack.func);
        else unparsed.add(stack.headline.replace(/^.*?: /, ''));
      }
    }
    // warn_alloc() prints a bare stack dump, a format the parser has no row for yet.
    expect([...unparsed].every((headline) => headline.startsWith('page allocation failure'))).toBe(true);
  });

  it('builds a 200-line oops the parser reads', () => {
    const text = syntheticOops(1);
    expect(text.split('\n').filter(Boolean)).toHaveLength(200);
    expect(parseOops(text)[0]?.frames.length).toBeGreaterThan(8);
  });
});
