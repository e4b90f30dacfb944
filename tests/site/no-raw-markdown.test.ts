import { htmlToHast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { allPages, readPage } from '../support/site-files.ts';

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** Elements whose text is code or not text at all: backticks there are the author's, not leftovers. */
const SKIPPED = new Set(['script', 'style', 'pre', 'code', 'textarea', 'template']);
/** A code span as typed: backticks around text on one line. */
const CODE_SPAN = /`[^`\n]+`/;

function leftoverSpans(node: HastNode, found: string[]): string[] {
  if (node.type === 'text' && node.value && CODE_SPAN.test(node.value)) found.push(node.value.trim().slice(0, 120));
  // Text a screen reader reads instead of the element's content: image descriptions, link labels.
  for (const name of ['alt', 'ariaLabel', 'title']) {
    const value = node.properties?.[name];
    if (typeof value === 'string' && CODE_SPAN.test(value)) found.push(`${name}="${value.slice(0, 120)}"`);
  }
  if (node.type === 'element' && SKIPPED.has(node.tagName ?? '')) return found;
  for (const child of node.children ?? []) leftoverSpans(child, found);
  return found;
}

function metaDescription(node: HastNode): string | undefined {
  if (node.type === 'element' && node.tagName === 'meta' && node.properties?.['name'] === 'description') return String(node.properties['content'] ?? '');
  for (const child of node.children ?? []) {
    const found = metaDescription(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

describe('rendered text', () => {
  const pages = allPages();

  it('shows no Markdown code span as typed outside code, in text or alt and label attributes, on any page', () => {
    expect(pages.length).toBeGreaterThan(20);
    const leftovers = pages.flatMap((page) => leftoverSpans(htmlToHast(readPage(page)) as HastNode, []).map((text) => `${page}: ${text}`));
    expect(leftovers).toEqual([]);
  });

  it('gives every page a plain-text meta description', () => {
    const withMarkup = pages
      .map((page) => [page, metaDescription(htmlToHast(readPage(page)) as HastNode)] as const)
      .filter(([, description]) => description !== undefined && description.includes("`"))
      .map(([page, description]) => `${page}: ${description}`);
    expect(withMarkup).toEqual([]);
  });

  it('renders code spans of frontmatter text as code, linked to symbol pages', () => {
    const html = readPage('/cases/afxdp-veth-napi-rx-ring-race/');
    expect(html).toMatch(/<p class="lede">[^]*?<a href="\/symbols\/[a-z_]+\/" class="symbol-link"><code>[a-z_]+\(\)<\/code><\/a>/);
  });
});
