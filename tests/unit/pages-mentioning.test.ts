import { describe, expect, it } from 'vitest';
import { mentionsAll, pagesMentioning as parts, queryWords } from '../../src/lib/search/pages-mentioning.ts';
import type { SiteResult } from '../../src/lib/search/site-result.ts';

/** The parts pagesMentioning hands over, joined: every page kept, and the last part's count. */
async function pagesMentioning(...args: Parameters<typeof parts>) {
  const results: SiteResult[] = [];
  let last = { total: 0, complete: true };
  for await (const part of parts(...args)) {
    results.push(...part.results);
    last = part;
  }
  return { results, total: last.total, complete: last.complete };
}

const result = (id: string, content?: string): SiteResult => ({
  id,
  data: async () => ({ url: `/${id}/`, excerpt: '', meta: {}, ...(content === undefined ? {} : { content }) }),
});

describe('full-text results that mean what the query says', () => {
  it('splits a query into the words a page must hold', () => {
    expect(queryWords('Bad page state: a use-after-free')).toEqual(['bad', 'page', 'state', 'use', 'after', 'free']);
    expect(queryWords('mlx5e_napi_poll')).toEqual(['mlx5e_napi_poll']);
  });

  it('finds each word at the start of a word, allowing for an English ending', () => {
    expect(mentionsAll('Backtraces (m) and -Z; sleep', ['zzzznotfound'])).toBe(false);
    expect(mentionsAll('Memory information (m), all locks', ['mlx5e_napi_poll'])).toBe(false);
    expect(mentionsAll('at __xsk_rcv_zc+0x1a', ['xsk_rcv'])).toBe(true);
    expect(mentionsAll('one Bad Page here', ['bad', 'pages'])).toBe(true);
    expect(mentionsAll('a crash', ['crashes'])).toBe(true);
    expect(mentionsAll('unzip', ['zip'])).toBe(false);
    expect(mentionsAll('bad page', ['bad', 'zzzznotfound'])).toBe(false);
  });

  it('drops the pages Pagefind found by shortening a word that is on no page', async () => {
    const found = await pagesMentioning([result('a', 'iperf3 -Z; sleep'), result('b', '(Z) flag')], 'zzzznotfound', 20);
    expect(found).toEqual({ results: [], total: 0, complete: true });
  });

  it('keeps the pages that hold the words, and results read without their text', async () => {
    const found = await pagesMentioning([result('a', 'kfree(ptr)'), result('b', 'nothing'), result('c')], 'kfree', 20);
    expect(found.results.map((item) => item.id)).toEqual(['a', 'c']);
    expect(found.total).toBe(2);
  });

  it('counts every result when the ones it read all hold the words, and says "at least" when some did not', async () => {
    const many = Array.from({ length: 100 }, (_, index) => result(`p${index}`, 'kfree here'));
    expect(await pagesMentioning(many, 'kfree', 5)).toMatchObject({ total: 100, complete: true });
    const mixed = Array.from({ length: 100 }, (_, index) => result(`p${index}`, index % 2 === 0 ? 'kfree here' : '(k)'));
    const found = await pagesMentioning(mixed, 'kfree', 5);
    // Read the first alone, then twenty at a time: of the first 21, eleven hold the word.
    expect(found.results.map((item) => item.id)).toEqual(['p0', 'p2', 'p4', 'p6', 'p8', 'p10', 'p12', 'p14', 'p16', 'p18', 'p20']);
    expect(found).toMatchObject({ total: 11, complete: false });
  });

  it('hands over the first result alone when it holds the words, before reading the others', async () => {
    let reads = 0;
    const counted = (id: string): SiteResult => ({ id, data: async () => (reads++, { url: `/${id}/`, excerpt: '', meta: {}, content: 'kfree' }) });
    const batches = parts([counted('a'), counted('b'), counted('c')], 'kfree', 20);
    const first = await batches.next();
    expect(first.value?.results.map((item: SiteResult) => item.id)).toEqual(['a']);
    expect(reads).toBe(1);
    const rest = await batches.next();
    expect(rest.value).toMatchObject({ total: 3, complete: true });
    expect(rest.value?.results.map((item: SiteResult) => item.id)).toEqual(['b', 'c']);
  });
});
