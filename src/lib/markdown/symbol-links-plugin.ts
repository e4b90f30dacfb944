import type { InlineCode } from 'mdast';
import { defineMdastPlugin, type MdastVisitorContext, type PluginFactoryContext } from 'satteri';
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
  const name = 'oopsbook-symbol-links';
  const everywhere = defineMdastPlugin({ name, inlineCode: (node, ctx) => linkSymbolSpan(node, ctx, options, false) });
  const outsideLinks = defineMdastPlugin({ name, inlineCode: (node, ctx) => linkSymbolSpan(node, ctx, options, true) });
  // Reading a span's parent costs more than all the rest, and a link around a code span needs a
  // `[` in the source (autolinks hold only text), so most documents can skip the question.
  return (document: PluginFactoryContext) => (document.source.includes('[') ? outsideLinks : everywhere);
}

function linkSymbolSpan(node: Readonly<InlineCode>, ctx: MdastVisitorContext, options: SymbolLinkOptions, mayBeInLink: boolean): void {
  const text = node.value.replace(/\(\)$/, '');
  if (!looksLikeStackSymbol(text)) return;
  const symbol = normalizeSymbol(text);
  if (!options.symbols.has(symbol)) return;
  if (mayBeInLink) {
    // A link inside a link is invalid HTML; the author's own target wins.
    const parent = ctx.parent(node).type;
    if (parent === 'link' || parent === 'linkReference') return;
  }
  ctx.replaceNode(node, {
    type: 'link',
    url: symbolHref(symbol, options.base),
    title: null,
    data: { hProperties: { className: ['symbol-link'] } },
    children: [{ type: 'inlineCode', value: node.value }],
  });
}
