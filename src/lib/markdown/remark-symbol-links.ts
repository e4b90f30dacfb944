import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { looksLikeStackSymbol, normalizeSymbol } from '../symbols/normalize-symbol.ts';
import { symbolHref } from '../symbols/symbol-href.ts';

export interface SymbolLinkOptions {
  /** Normalised symbols that have a page; other code spans stay as they are. */
  symbols: ReadonlySet<string>;
  /** Site base path, `/` by default. */
  base?: string;
}

/**
 * Turns code spans that name a known stack symbol (`i40e_napi_poll`,
 * `__xsk_rcv_zc+0x9b/0x250`) into links to that symbol's page. Spans already inside a link,
 * and code blocks, are left alone.
 */
export function remarkSymbolLinks(options: SymbolLinkOptions) {
  return (tree: Root) => {
    visit(tree, 'inlineCode', (node, index, parent) => {
      if (!parent || index === undefined || parent.type === 'link') return;
      const text = node.value.replace(/\(\)$/, '');
      if (!looksLikeStackSymbol(text)) return;
      const symbol = normalizeSymbol(text);
      if (!options.symbols.has(symbol)) return;
      parent.children[index] = {
        type: 'link',
        url: symbolHref(symbol, options.base),
        title: null,
        data: { hProperties: { className: ['symbol-link'] } },
        children: [node],
      };
    });
  };
}
