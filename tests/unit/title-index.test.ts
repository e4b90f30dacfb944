import { describe, expect, it } from 'vitest';
import { lookupTitles, MAX_TITLE_QUERY_WORDS } from '../../src/lib/search/lookup-titles.ts';
import { buildTitleIndex, excerptOf, titleShardKey, titleWords, type TitledPage } from '../../src/lib/search/title-index.ts';

const page = (url: string, title: string, facets: string[] = []): TitledPage => ({
  url,
  title,
  kind: url.split('/')[1]?.replace(/s$/, '') ?? 'page',
  facets: [`kind:${url.split('/')[1]?.replace(/s$/, '')}`, ...facets],
  excerpt: `About ${title}.`,
});

const pages = [
  page('/symptoms/soft-lockup/', 'Soft lockup'),
  page('/cases/a/', 'soft lockup in i40e_napi_poll (networking) on 6.1.0-18-amd64', ['status:open']),
  page('/cases/b/', 'Lockup after a soft reset of the NIC', ['status:resolved']),
  page('/cases/c/', 'RCU stall in soft_irq path', ['status:open']),
  page('/cases/d/', 'soft lockup in ext4_writepages (ext4) on 5.15.0-91-generic', ['status:resolved']),
];
const shards = buildTitleIndex(pages);
const load = async (key: string) => shards.get(key);
const urls = async (text: string, filters: Record<string, string> = {}) => (await lookupTitles(text, load, filters)).pages.map((match) => match.url);

describe('title words', () => {
  it('keeps identifiers whole and drops stop words, numbers and single letters', () => {
    expect(titleWords('BUG_ON in scsi_end_request (block) on 4.18.0-513.24.1.el8_9.x86_64')).toEqual(['bug_on', 'scsi_end_request', 'block', 'el8_9', 'x86_64']);
    expect(titleWords('A soft lockup of the i40e driver')).toEqual(['soft', 'lockup', 'i40e', 'driver']);
  });

  it('files a word under its first two letters', () => {
    expect(titleShardKey('lockup')).toBe('lo');
    expect(titleShardKey('__schedule')).toBe('sc');
    expect([...shards.keys()].sort()).toEqual(['af', 'am', 'ex', 'ge', 'i4', 'lo', 'ne', 'ni', 'pa', 'rc', 're', 'so', 'st']);
    expect(shards.get('so')?.words.soft).toEqual({ total: 4, pages: ['/symptoms/soft-lockup/', '/cases/a/', '/cases/b/', '/cases/d/'] });
  });

  it('cuts long excerpts at a word and drops code marks', () => {
    expect(excerptOf('Calls `kfree` twice.')).toBe('Calls kfree twice.');
    const long = excerptOf('word '.repeat(60));
    expect(long.length).toBeLessThanOrEqual(161);
    expect(long.endsWith('word…')).toBe(true);
  });
});

describe('title lookup', () => {
  it('puts titles with the words in a row first, then the index order', async () => {
    expect(await urls('soft lockup')).toEqual(['/symptoms/soft-lockup/', '/cases/a/', '/cases/d/', '/cases/b/']);
  });

  it('puts pages other than cases before every case, words in a row or not', async () => {
    const withTool = buildTitleIndex([page('/tools/lockup-detectors/', 'Soft/hard lockup detectors'), ...pages]);
    const lookup = await lookupTitles('soft lockup', async (key) => withTool.get(key));
    expect(lookup.pages.map((match) => match.url)).toEqual(['/symptoms/soft-lockup/', '/tools/lockup-detectors/', '/cases/a/', '/cases/d/', '/cases/b/']);
  });

  it('lets the last word be unfinished, but no other', async () => {
    expect(await urls('soft lock')).toEqual(['/symptoms/soft-lockup/', '/cases/a/', '/cases/d/', '/cases/b/']);
    expect(await urls('sof lockup')).toEqual([]);
    expect(await urls('soft_ir')).toEqual(['/cases/c/']);
  });

  it('ignores stop words and needs every other word in the title', async () => {
    expect(await urls('lockup in ext4_writepages')).toEqual(['/cases/d/']);
    expect(await urls('soft lockup ext4_writepages i40e_napi_poll')).toEqual([]);
    expect(await urls('in on the')).toEqual([]);
  });

  it('applies facet filters', async () => {
    expect(await urls('soft lockup', { status: 'open' })).toEqual(['/cases/a/']);
    expect(await urls('soft lockup', { kind: 'symptom' })).toEqual(['/symptoms/soft-lockup/']);
  });

  it('leaves pasted text to the full-text index', async () => {
    expect(await urls(Array.from({ length: MAX_TITLE_QUERY_WORDS + 1 }, () => 'lockup').join(' '))).toEqual([]);
  });

  it('says when more titles hold the words than the index lists, and finds a rare word past the cap', async () => {
    const many = Array.from({ length: 5 }, (_, index) => page(`/cases/n${index}/`, `soft lockup in worker_${index}`));
    const capped = buildTitleIndex(many, 3);
    const lookup = await lookupTitles('soft lockup', async (key) => capped.get(key));
    expect(lookup.pages.map((match) => match.url)).toEqual(['/cases/n0/', '/cases/n1/', '/cases/n2/']);
    expect(lookup.complete).toBe(false);
    // `soft` and `lockup` list three of the five; `worker_4` lists its one page, past their cap.
    const rare = await lookupTitles('soft lockup worker_4', async (key) => capped.get(key));
    expect(rare).toMatchObject({ pages: [{ url: '/cases/n4/', phrase: true }], complete: true });
  });
});
