import { defineMdastPlugin } from 'satteri';
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
export function symbolLinksPlugin(options: SymbolLinkOptions) {
  return defineMdastPlugin({
    name: 'oopsbook-symbol-links',
    inlineCode(node, ctx) {
      // A link inside a link is invalid HTML; the author's own target wins.
      const parent = ctx.parent(node).type;
      if (parent === 'link' || parent === 'linkReference') return;
      const text = node.value.replace(/\(\)$/, '');
      if (!looksLikeStackSymbol(text)) return;
      const symbol = normalizeSymbol(text);
      if (!options.symbols.has(symbol)) return;
      ctx.replaceNode(node, {
        type: 'link',
        url: symbolHref(symbol, options.base),
        title: null,
        data: { hProperties: { className: ['symbol-link'] } },
        children: [{ type: 'inlineCode', value: node.value }],
      });
    },
  });
}
