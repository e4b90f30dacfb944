import { mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatAnchorComparison } from '../../scripts/bench/anchor-comparison.ts';
import { benchQuerySetsIn } from '../../scripts/bench/anchor-bench-queries.ts';
import { writeBaselineProject } from '../../scripts/bench/baseline-project.ts';
import { median } from '../../scripts/bench/median.ts';
import { summariseAgainstAnchor } from '../../scripts/bench/search-anchor.ts';
import { searchQuerySets } from '../../scripts/bench/search-query-sets.ts';
import { writeBenchContent } from '../../scripts/bench/write-bench-content.ts';
import { projectDir } from '../support/paths.ts';

const work = mkdtempSync(path.join(tmpdir(), 'oopsbook-anchor-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the baseline project', () => {
  const dir = path.join(work, 'baseline');
  writeBaselineProject(dir, '/cases', '/node_modules');

  it('has a search page that mounts Pagefind UI from the generated bundle and searches for ?q=', () => {
    const page = readFileSync(path.join(dir, 'src/pages/search.astro'), 'utf8');
    expect(page).toContain('<link href="/pagefind/pagefind-ui.css" rel="stylesheet" />');
    expect(page).toContain('<script is:inline src="/pagefind/pagefind-ui.js"></script>');
    expect(page).toContain("new PagefindUI({ element: '#search', debounceTimeoutMs: 0 })");
    expect(page).toContain("ui.triggerSearch(query)");
    expect(page).toContain("new URLSearchParams(location.search).get('q')");
    // Only case pages carry the body Pagefind indexes: the search page itself is not a result.
    expect(page).not.toContain('data-pagefind-body');
  });

  it('renders each case from the given folder with the project installed Astro', () => {
    expect(readFileSync(path.join(dir, 'src/content.config.ts'), 'utf8')).toContain(`base: "/cases"`);
    expect(readFileSync(path.join(dir, 'src/pages/cases/[slug].astro'), 'utf8')).toContain('<main data-pagefind-body>');
    expect(readlinkSync(path.join(dir, 'node_modules'))).toBe('/node_modules');
  });
});

describe('timings against the anchor', () => {
  it('take the lower middle value as the median', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(median([])).toBeNaN();
  });

  it('compare the cold medians of both sides', () => {
    const timing = (ms: number, cold: boolean) => ({ query: 'q', cold, ms });
    const summary = summariseAgainstAnchor({
      oopsbook: [timing(100, true), timing(50, false), timing(120, true), timing(60, false), timing(110, true)],
      anchor: [timing(400, true), timing(300, false), timing(440, true), timing(320, false), timing(420, true)],
    });
    expect(summary).toEqual({ oopsbookCold: 110, oopsbookWarm: 50, anchorCold: 420, anchorWarm: 300, coldCount: 3, warmCount: 2, coldRatio: 110 / 420 });
  });

  it('print each query with both sides and the set against its target', () => {
    const [symbols] = searchQuerySets(['kfree']);
    if (!symbols) throw new Error('no query sets');
    expect(formatAnchorComparison(symbols, [{ query: 'kfree', oopsbook: [120, 100, 140], anchor: [400, 500, 300] }])).toMatchInlineSnapshot(`
      "stack symbol: first result, cold, Oopsbook vs Pagefind UI, median (range) of 3 each
        kfree: 120.0 ms (100.0 ms–140.0 ms) vs 400.0 ms (300.0 ms–500.0 ms) = 0.30 ×
        all: 120.0 ms vs 400.0 ms = 0.30 ×, target ≤ 0.5 × pass"
    `);
  });

  it('find the benchmark\'s own queries again in a content folder it generated', () => {
    const content = writeBenchContent(path.join(work, 'content'), path.join(projectDir, 'content'), 12, 3);
    expect(benchQuerySetsIn(content.root, 3)).toEqual(searchQuerySets(content.guiltyFunctions));
    expect(() => benchQuerySetsIn(content.root, 4)).toThrow(/cases has no .*\.md: was it generated with --seed 4\?/);
  });

  it('need a content folder kept by the benchmark to find its queries again', () => {
    expect(() => benchQuerySetsIn(path.join(work, 'nowhere'), 1)).toThrow(/nowhere\/symptoms does not exist: --work must be a folder kept by `npm run bench -- --keep`/);
  });
});
