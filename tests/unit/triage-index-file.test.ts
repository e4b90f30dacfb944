import { describe, expect, it } from 'vitest';
import { loadSiteGraph } from '../../src/cli/load-site-graph.ts';
import { buildTriageIndex } from '../../src/lib/triage/build-triage-index.ts';
import { decodeTriageIndex, encodeTriageIndex } from '../../src/lib/triage/triage-index-file.ts';

const index = buildTriageIndex(loadSiteGraph(() => undefined));

describe('triage index file', () => {
  it('stores the cases column by column and reads back the same index', () => {
    const file = encodeTriageIndex(index);
    expect(file.version).toBe(4);
    expect(file.cases.id).toEqual(index.cases.map((entry) => entry.id));
    expect(decodeTriageIndex(JSON.parse(JSON.stringify(file)))).toEqual(index);
  });

  it('refuses a file of another version or with a short column', () => {
    expect(() => decodeTriageIndex({ ...index })).toThrow(/expected format version 4, got 3; rebuild the site/);
    const file = encodeTriageIndex(index);
    expect(() => decodeTriageIndex({ ...file, cases: { ...file.cases, title: file.cases.title.slice(1) } })).toThrow(/column title has \d+ entries for \d+ cases/);
  });
});
