/**
 * Words a kernel engineer may type for a symbol, for the full-text index. The index treats
 * `__xsk_rcv_zc` as one word, so `xsk_rcv` or `check_heap_object` would never reach it:
 * we add the name without leading underscores and each `_`-joined prefix of two parts or more.
 */
export function symbolSearchTerms(symbol: string): string[] {
  const terms = new Set<string>([symbol]);
  const bare = symbol.replace(/^_+/, '');
  if (bare !== '') terms.add(bare);
  const parts = bare.split('_').filter((part) => part !== '');
  for (let length = 2; length < parts.length; length++) terms.add(parts.slice(0, length).join('_'));
  return [...terms];
}
