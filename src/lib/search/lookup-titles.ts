import { escapeHtml } from '../html/escape-html.ts';
import type { ShardLoader } from './fetch-shards.ts';
import type { SiteResult } from './site-result.ts';
import { titleShardKey, titleWords, type TitledPage, type TitleIndexShard } from './title-index.ts';

/** Folder of the built site that holds the title index's shards. */
export const TITLE_INDEX_FOLDER = 'title-index';

/** Queries with more words than this are pasted text, not a title; the full-text index takes them. */
export const MAX_TITLE_QUERY_WORDS = 6;

/** Index words the last query word may stand for when it only starts them (`lock` for `lockup`). */
const MAX_PREFIX_WORDS = 20;

/** A page whose title holds every word of the query. */
export interface TitleMatch extends TitledPage {
  /** True when the words stand next to each other in the title, in the query's order. */
  phrase: boolean;
}

export interface TitleLookup {
  pages: TitleMatch[];
  /**
   * Whether `pages` is every page titled with the words. False when each word is in more titles
   * than the index lists for it: then these are the best-ranked of them and more may exist.
   */
  complete: boolean;
}

/** Does a title's word list hold the query words, the last one possibly as a prefix, and in a row? */
function titleHolds(title: readonly string[], words: readonly string[]): { all: boolean; phrase: boolean } {
  const last = words.length - 1;
  const matches = (titleWord: string | undefined, index: number) =>
    titleWord !== undefined && (index === last ? titleWord.startsWith(words[index] ?? '') : titleWord === words[index]);
  const all = words.every((_word, index) => title.some((titleWord) => matches(titleWord, index)));
  if (!all) return { all, phrase: false };
  const phrase = title.some((_titleWord, start) => words.every((_word, index) => matches(title[start + index], index)));
  return { all, phrase };
}

/**
 * Finds the pages whose titles hold every word of the query, from the sharded title index: the
 * last word may be unfinished (`soft lock`). Facet filters apply as on the rest of search. Pages
 * other than cases come first (the symptom, tool or checklist about the subject, however many
 * cases share its words), then among each those with the words in a row, then the index's
 * order: newest cases first.
 */
export async function lookupTitles(
  text: string,
  loadShard: ShardLoader<TitleIndexShard>,
  filters: Readonly<Record<string, string>> = {},
): Promise<TitleLookup> {
  const words = titleWords(text);
  if (words.length === 0 || words.length > MAX_TITLE_QUERY_WORDS) return { pages: [], complete: true };
  const required = Object.entries(filters).map(([name, value]) => `${name}:${value}`);
  const keys = [...new Set(words.map(titleShardKey))];
  const loaded = await Promise.all(keys.map((key) => loadShard(key).catch(() => undefined)));
  const shardOf = new Map(keys.map((key, index) => [key, loaded[index]]));

  // The index words each query word stands for, and how many titles they cover between them.
  const last = words.length - 1;
  const candidates = words.map((word, index) => {
    const shard = shardOf.get(titleShardKey(word));
    if (!shard) return { shard, names: [] as string[], total: 0, complete: true };
    const names =
      index === last
        ? Object.keys(shard.words)
            .filter((name) => name.startsWith(word))
            .sort((a, b) => Number(b === word) - Number(a === word) || (shard.words[b]?.total ?? 0) - (shard.words[a]?.total ?? 0) || a.localeCompare(b))
            .slice(0, MAX_PREFIX_WORDS)
        : shard.words[word]
          ? [word]
          : [];
    const entries = names.map((name) => shard.words[name]).filter((entry) => entry !== undefined);
    return {
      shard,
      names,
      total: entries.reduce((sum, entry) => sum + entry.total, 0),
      complete: entries.every((entry) => entry.total === entry.pages.length),
    };
  });
  if (candidates.some((candidate) => candidate.names.length === 0)) return { pages: [], complete: true };

  // The rarest word's pages are the only ones that can hold every word; each is checked against the rest.
  const rarest = candidates.reduce((best, candidate) => (candidate.total < best.total ? candidate : best));
  const shard = rarest.shard;
  if (!shard) return { pages: [], complete: true };
  const urls = new Set(rarest.names.flatMap((name) => shard.words[name]?.pages ?? []));
  const pages: Array<TitleMatch & { order: number }> = [];
  for (const url of urls) {
    const page = shard.pages[url];
    if (!page || !required.every((facet) => page.facets.includes(facet))) continue;
    const { all, phrase } = titleHolds(titleWords(page.title), words);
    if (all) pages.push({ url, ...page, phrase });
  }
  const isCase = (page: TitleMatch) => Number(page.kind === 'case');
  pages.sort((a, b) => isCase(a) - isCase(b) || Number(b.phrase) - Number(a.phrase) || a.order - b.order);
  return { pages: pages.map(({ order: _order, ...page }) => page), complete: rarest.complete };
}

/**
 * Pages titled with the query's words, from the title index, as search results. `total` counts
 * them when the index lists them all; otherwise it is the number found, and `complete` is false.
 */
export async function titleSearchResults(
  text: string,
  loadShard: ShardLoader<TitleIndexShard>,
  filters: Readonly<Record<string, string>>,
  base: string,
): Promise<{ results: SiteResult[]; total: number; complete: boolean }> {
  const { pages, complete } = await lookupTitles(text, loadShard, filters);
  const results = pages.map((page) => {
    const data = { url: `${base}${page.url}`, excerpt: escapeHtml(page.excerpt), meta: { kind: page.kind, title: page.title } };
    return { id: `title:${page.url}`, data: () => Promise.resolve(data) };
  });
  return { results, total: results.length, complete };
}
