import { normalizeSymbol, SYMBOL_SOURCE } from '../symbols/normalize-symbol.ts';

const FRAME_TOKEN = new RegExp(String.raw`\??\s*(${SYMBOL_SOURCE})\+0x[0-9a-f]+(?:/0x[0-9a-f]+)?(?:\s+\[[A-Za-z0-9_]+(?:\([A-Z]+\))?\])?`, 'gi');
const ADDRESS = /\[<?[0-9a-f]{8,16}>?\]|\b0x[0-9a-f]{8,16}\b|\[\]/gi;

/**
 * Rewrites what an engineer types or pastes into words the full-text index knows: a frame such
 * as `xen_mc_flush+0x177/0x190 [xen]` becomes `xen_mc_flush` (the index would otherwise shred
 * the offset into noise words), and raw addresses are dropped. Symbols found are returned too.
 */
export function prepareSearchQuery(input: string): { text: string; symbols: string[] } {
  const symbols: string[] = [];
  const text = input
    .replace(FRAME_TOKEN, (_match, symbol: string) => {
      const normalized = normalizeSymbol(symbol);
      symbols.push(normalized);
      return ` ${normalized} `;
    })
    .replace(ADDRESS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (symbols.length === 0 && /^[A-Za-z_][A-Za-z0-9_.]*$/.test(text) && text.includes('_')) symbols.push(normalizeSymbol(text));
  return { text, symbols: [...new Set(symbols)] };
}
