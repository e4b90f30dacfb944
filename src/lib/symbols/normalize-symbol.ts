/**
 * Symbol normalisation as an ordered list of small rewrites, each one a named, tested step.
 * `__check_object_size.part.0+0x128/0x150 [i40e]` → `__check_object_size`.
 */
export const symbolRewrites: ReadonlyArray<{ name: string; apply: (symbol: string) => string }> = [
  { name: 'trim', apply: (symbol) => symbol.trim() },
  // `? foo+0x1/0x2`: the unreliable-frame marker printed by the x86 unwinder.
  { name: 'unreliable marker', apply: (symbol) => symbol.replace(/^\?\s*/, '') },
  // `foo+0x1/0x2 [i40e]`: the module the symbol lives in.
  { name: 'module suffix', apply: (symbol) => symbol.replace(/\s*\[[^\]]*\]$/, '') },
  // `foo+0x1f/0x80` or `foo+0x1f`: offset into the function and its size.
  { name: 'offset and size', apply: (symbol) => symbol.replace(/\+0x[0-9a-f]+(?:\/0x[0-9a-f]+)?$/i, '') },
  // GCC clones: `.isra.0`, `.constprop.3`, `.part.0`, `.cold`, `.cold.12`, and LTO/LLVM renames:
  // ThinLTO's promoted locals `.llvm.<hash>`, `-funique-internal-linkage-names` `.__uniq.<hash>`,
  // and clang CFI jump-table entries `.cfi_jt` (arm64 kernels before 6.1).
  {
    name: 'compiler clone suffixes',
    apply: (symbol) => {
      let current = symbol;
      for (;;) {
        const next = current.replace(/\.(?:isra|constprop|part|cold|lto_priv|llvm|localalias|__uniq|cfi_jt|cfi)(?:\.\d+)?$/, '');
        if (next === current) return current;
        current = next;
      }
    },
  },
];

const BARE_IDENTIFIER = /^[A-Za-z0-9_]+$/;

/** The function name engineers search for, with offsets, modules and compiler suffixes removed. */
export function normalizeSymbol(raw: string): string {
  // A bare identifier (most frames' names) is what every rewrite leaves alone.
  if (BARE_IDENTIFIER.test(raw)) return raw;
  return symbolRewrites.reduce((symbol, rewrite) => rewrite.apply(symbol), raw);
}

/** A C identifier, optionally with compiler clone suffixes. */
export const SYMBOL_SOURCE = String.raw`[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*`;

/** Whether text is a symbol (optionally with offset/size and module), as written in a code span. */
export function looksLikeStackSymbol(text: string): boolean {
  return new RegExp(String.raw`^${SYMBOL_SOURCE}(?:\+0x[0-9a-f]+(?:/0x[0-9a-f]+)?)?(?:\s+\[[A-Za-z0-9_]+\])?$`, 'i').test(text.trim());
}
