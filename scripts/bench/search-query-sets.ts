/** One kind of search query the benchmark times, and how Oopsbook's time must compare with Pagefind UI's. */
export interface SearchQuerySet {
  label: string;
  queries: string[];
  /** Largest acceptable ratio of Oopsbook's cold first-result median to Pagefind UI's. */
  maxRatio: number;
}

/**
 * Three kinds of query, each answered first by a different index: the guilty functions of a few
 * generated cases, as an engineer pasting a frame would (symbol index); words of the generated
 * titles (title index); words of the generated cases' Markdown bodies that no title holds (Pagefind
 * alone). The baseline site renders only each case's title and body, not its frontmatter, so the
 * text-only words are body words: both sites have them, in 320 to all of 1,000 generated cases.
 * Oopsbook answers the first two from small indexes of its own and should take half Pagefind UI's
 * time at most; the third goes through Pagefind as the UI does, and should take no longer.
 */
export function searchQuerySets(guiltyFunctions: readonly string[]): SearchQuerySet[] {
  return [
    { label: 'stack symbol', queries: guiltyFunctions.slice(0, 6), maxRatio: 0.5 },
    { label: 'words of a title', queries: ['soft lockup', 'list corruption', 'refcount underflow', 'hung task'], maxRatio: 0.5 },
    { label: 'words only in page text (Pagefind)', queries: ['hosts were drained', 'same call path', 'reproduction under load', 'narrowed the search'], maxRatio: 1 },
  ];
}
