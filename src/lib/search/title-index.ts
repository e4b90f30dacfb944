import { symbolShardKey } from './symbol-index.ts';

/**
 * The title index: every searchable page under each word of its title, split into small JSON
 * shards by the word's first two letters. A query such as `soft lockup` fetches one shard per word
 * and lists the pages titled with those words at once, while the full-text index (Pagefind, which
 * must load its WebAssembly and score every page that mentions a word) is still starting.
 */

/** Pages kept per word: pages other than cases first, then the newest cases; the total is kept too. */
export const TITLE_INDEX_PAGES_PER_WORD = 40;

/** Longest excerpt kept for a page, in characters. */
const EXCERPT_LENGTH = 160;

/** Words too common in titles to find anything by; the title index leaves them out. */
export const TITLE_STOP_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'is', 'of', 'on', 'or', 'the', 'to', 'via', 'with']);

/** A page the full-text index also holds: what a search result shows of it. */
export interface TitledPage {
  /** Site path, such as `/cases/i40e-out-of-tree-rx-page-leak/`. */
  url: string;
  title: string;
  /** `case`, `symptom`, `tool`, `checklist` or `diagram`: the search page's `kind` facet. */
  kind: string;
  /** Facet values as the search filters name them (`symptom:bad-page-state`), `kind:` included. */
  facets: string[];
  /** Plain text shown under the title: a case's summary, a symptom's meaning… */
  excerpt: string;
}

export interface TitleIndexEntry {
  /** Pages with the word in their title, listed or not. */
  total: number;
  /** Their URLs, at most TITLE_INDEX_PAGES_PER_WORD, in ranking order. */
  pages: string[];
}

export interface TitleIndexShard {
  words: Record<string, TitleIndexEntry>;
  /** Every page the shard's words list, by URL, with its place in the ranking (`order`, lower first). */
  pages: Record<string, Omit<TitledPage, 'url'> & { order: number }>;
}

/**
 * The words of a title or a query as the index keys them: lower case, split at anything but
 * letters, digits and `_` (so `scsi_end_request` stays whole), without stop words, numbers and
 * single characters.
 */
export function titleWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9_]+/)
    .filter((word) => word.length >= 2 && !TITLE_STOP_WORDS.has(word) && !/^[0-9]+$/.test(word));
}

/** Shard a word lives in: as for symbols, its first two characters after any leading underscores. */
export function titleShardKey(word: string): string {
  return symbolShardKey(word);
}

/** Text cut at a word boundary to at most `EXCERPT_LENGTH` characters, Markdown code marks dropped. */
export function excerptOf(text: string): string {
  const plain = text.replaceAll('`', '').replace(/\s+/g, ' ').trim();
  if (plain.length <= EXCERPT_LENGTH) return plain;
  const cut = plain.slice(0, EXCERPT_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * Builds every shard. `pages` comes in ranking order: a word keeps the first pages that carry it,
 * so callers list the pages other than cases first (a symptom titled `Soft lockup` before any
 * case), then cases newest first.
 */
export function buildTitleIndex(pages: readonly TitledPage[], perWord = TITLE_INDEX_PAGES_PER_WORD): Map<string, TitleIndexShard> {
  const byWord = new Map<string, TitledPage[]>();
  const order = new Map(pages.map((page, index) => [page.url, index]));
  for (const page of pages) {
    for (const word of new Set(titleWords(page.title))) {
      const list = byWord.get(word);
      if (list) list.push(page);
      else byWord.set(word, [page]);
    }
  }
  const shards = new Map<string, TitleIndexShard>();
  for (const [word, withWord] of [...byWord].sort((a, b) => a[0].localeCompare(b[0]))) {
    const key = titleShardKey(word);
    let shard = shards.get(key);
    if (!shard) shards.set(key, (shard = { words: {}, pages: {} }));
    const listed = withWord.slice(0, perWord);
    shard.words[word] = { total: withWord.length, pages: listed.map((page) => page.url) };
    for (const { url, ...page } of listed) shard.pages[url] ??= { ...page, order: order.get(url) ?? 0 };
  }
  return shards;
}
