import type { InlineCode, Link, Root } from 'mdast';
import { defineMdastPlugin, type MdastVisitorContext, type PluginFactoryContext } from 'satteri';
import { looksLikeStackSymbol, normalizeSymbol } from '../symbols/normalize-symbol.ts';
import { symbolHref } from '../symbols/symbol-href.ts';
import { walkTree } from './walk-tree.ts';

export interface SymbolLinkOptions {
  /** Normalised symbols that have a page; other code spans stay as they are. */
  symbols: ReadonlySet<string>;
  /** Site base path, `/` by default. */
  base?: string;
}

/**
 * The link a code span becomes when it names a known stack symbol (`i40e_napi_poll`,
 * `__xsk_rcv_zc+0x9b/0x250`), or undefined. The one rule both processors apply.
 */
export function symbolLinkFor(node: Readonly<InlineCode>, options: SymbolLinkOptions): Link | undefined {
  const text = node.value.replace(/\(\)$/, '');
  if (!looksLikeStackSymbol(text)) return undefined;
  const symbol = normalizeSymbol(text);
  if (!options.symbols.has(symbol)) return undefined;
  return {
    type: 'link',
    url: symbolHref(symbol, options.base),
    title: null,
    data: { hProperties: { className: ['symbol-link'] } },
    children: [{ type: 'inlineCode', value: node.value }],
  };
}

/** A link inside a link is invalid HTML; the author's own target wins. */
const isLink = (type: string) => type === 'link' || type === 'linkReference';

/**
 * Turns code spans that name a known stack symbol into links to that symbol's page, under
 * Sätteri. Spans already inside a link, and code blocks, are left alone.
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
  const link = symbolLinkFor(node, options);
  if (!link) return;
  if (mayBeInLink && isLink(ctx.parent(node).type)) return;
  ctx.replaceNode(node, link);
}

/** The same plugin for remark (Astro's unified processor). */
export function remarkSymbolLinks(options: SymbolLinkOptions) {
  return (tree: Root) => {
    walkTree(tree, (node, parent) => {
      if (isLink(node.type)) return node;
      if (node.type !== 'inlineCode' || isLink(parent.type)) return undefined;
      return symbolLinkFor(node as InlineCode, options);
    });
  };
}
