/**
 * Words a kernel engineer may type for a symbol, for the full-text index. The index treats
 * `__xsk_rcv_zc` as one word and matches query words as prefixes of indexed words, so
 * `check_heap_object` or `xsk_rcv` reach it only through the name without its leading
 * underscores, which is added. (Indexing each `_`-joined prefix as well would add nothing a
 * prefix match does not find, and at ten thousand cases it made Pagefind a third slower.)
 */
export function symbolSearchTerms(symbol: string): string[] {
  const terms = new Set<string>([symbol]);
  const bare = symbol.replace(/^_+/, '');
  if (bare !== '') terms.add(bare);
  return [...terms];
}
