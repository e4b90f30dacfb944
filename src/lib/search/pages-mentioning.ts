import type { SiteResult } from './site-result.ts';

/**
 * The words of a query a full-text result must hold: runs of letters, digits and underscores of
 * two characters or more, lower-cased. Pagefind splits on the same punctuation, and a single letter
 * says nothing about a page.
 */
export function queryWords(text: string): string[] {
  return [...new Set(text.toLowerCase().split(/[^\p{L}\p{N}_]+/u))].filter((word) => word.length >= 2);
}

/**
 * The start a page's word must share with a query word: Pagefind stems English words (`pages`
 * finds `page`, `crashes` finds `crash`), so up to three final letters of a word longer than four
 * may differ; the rest must be there.
 */
function stemOf(word: string): string {
  return word.length <= 4 ? word : word.slice(0, Math.max(4, word.length - 3));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Does a page's text hold every query word, each at the start of a word (after a space or
 * punctuation, so `xsk_rcv` is found in `__xsk_rcv_zc`)? When a query word is in no page,
 * Pagefind does not answer "nothing": it shortens the word until some indexed word starts with
 * what is left, so `zzzznotfound` finds pages with `-Z` and `mlx5e_napi_poll` pages with `(m)`.
 * Those pages fail this test.
 */
export function mentionsAll(content: string, words: readonly string[]): boolean {
  const text = content.toLowerCase();
  return words.every((word) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegExp(stemOf(word))}`, 'u').test(text));
}

/** How many results' pages are read at once while checking them, after the first. */
const CHECK_BATCH = 20;

/** Results checked at most beyond those listed, when many fail: the rest are not read. */
const CHECK_SLACK = 40;

/** Part of the pages that hold a query's words, and the count so far (see pagesMentioning). */
export interface MentioningPages {
  results: SiteResult[];
  total: number;
  complete: boolean;
}

/**
 * Pagefind's results for `text`, keeping only the pages whose text holds every query word (see
 * mentionsAll), until `wanted` are kept. Each result's page is read to check it (the search page
 * reads the first twenty anyway to show them); a result read without its text (a stand-in index)
 * is kept. The first result is read and, when it holds the words, handed over alone: reading the
 * next twenty takes 150–250 ms the reader need not wait for. The last part handed over carries
 * the final `total`: the pages that hold the words, exact when every result was checked or when
 * none of those checked failed (the shortened-word fallback applies to a query as a whole, so a
 * clean check means the words were found); otherwise the count of those found, `complete` false.
 */
export async function* pagesMentioning(results: readonly SiteResult[], text: string, wanted = Number.POSITIVE_INFINITY): AsyncGenerator<MentioningPages> {
  const words = queryWords(text);
  if (words.length === 0) {
    yield { results: [...results], total: results.length, complete: true };
    return;
  }
  const limit = Number.isFinite(wanted) ? Math.min(results.length, wanted + CHECK_SLACK) : results.length;
  let kept: SiteResult[] = [];
  let checked = 0;
  let dropped = 0;
  let handed = 0;
  while (checked < limit && handed + kept.length < wanted) {
    const batch = results.slice(checked, Math.min(limit, checked + (checked === 0 ? 1 : CHECK_BATCH)));
    const pages = await Promise.all(batch.map((result) => result.data()));
    batch.forEach((result, index) => {
      const content = pages[index]?.content;
      if (content === undefined || mentionsAll(content, words)) kept.push(result);
      else dropped++;
    });
    checked += batch.length;
    if (checked === 1 && kept.length === 1 && checked < limit) {
      yield { results: kept, total: results.length, complete: true };
      handed = 1;
      kept = [];
    }
  }
  const found = handed + kept.length;
  if (checked === results.length) yield { results: kept, total: found, complete: true };
  else if (dropped === 0) yield { results: kept, total: results.length, complete: true };
  else yield { results: kept, total: found, complete: false };
}
