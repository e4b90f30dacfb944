import { describe, expect, it } from 'vitest';
import { siteInlineMarkdownToHtml, siteInlineMarkdownToText } from '../../src/lib/html/markdown-to-html.ts';
import { inlineCodeNodes } from '../../src/browser/inline-code.ts';
import { unifiedSiteInlineMarkdownToHtml } from '../../src/lib/html/unified-inline-markdown.ts';

const site = { symbols: new Set(['veth_poll', 'napi_complete_done']), base: '/' };

describe('siteInlineMarkdownToHtml', () => {
  it('renders code spans, emphasis and links, linking known symbols like the bodies do', () => {
    expect(siteInlineMarkdownToHtml('`veth_poll()` called `napi_complete_done()` *before* `xdp_do_flush()`, see [the fix](https://x.test/).', site)).toBe(
      '<a href="/symbols/veth_poll/" class="symbol-link"><code>veth_poll()</code></a> called <a href="/symbols/napi_complete_done/" class="symbol-link"><code>napi_complete_done()</code></a> <em>before</em> <code>xdp_do_flush()</code>, see <a href="https://x.test/">the fix</a>.',
    );
  });

  it('shows raw HTML as text', () => {
    expect(siteInlineMarkdownToHtml('run on <device> then <script>alert(1)</script>', site)).toBe(
      'run on &lt;device&gt; then &lt;script&gt;alert(1)&lt;/script&gt;',
    );
  });

  it('never makes a block: list marks, headings, quotes, rules and blank lines stay text in one paragraph', () => {
    for (const text of ['- not a list', '1. not a list', '# not a heading', '> not a quote', 'text\n---', 'a\n\nb', '```\nx\n```', '    indented']) {
      const html = siteInlineMarkdownToHtml(text, site);
      expect(html, text).not.toMatch(/<(p|ul|ol|li|h\d|blockquote|hr|pre)\b/);
    }
    expect(siteInlineMarkdownToHtml('1. first', site)).toBe('1. first');
  });

  it('gives plain text for meta descriptions and labels', () => {
    expect(siteInlineMarkdownToText('`veth_poll()` called *early* & [late](https://x.test/)')).toBe('veth_poll() called early & late');
  });
});

/** Just enough of a Document for building text and elements. */
function fakeDocument() {
  return {
    createTextNode: (data: string) => ({ kind: 'text', data }),
    createElement: (tag: string) => ({ kind: tag, textContent: '' }),
  } as unknown as Document;
}

describe('inlineCodeNodes', () => {
  it('makes code spans code elements and leaves the rest text, never markup', () => {
    expect(inlineCodeNodes(fakeDocument(), 'read `<b>dmesg</b>` with ``a ` tick`` and a lone ` mark')).toEqual([
      { kind: 'text', data: 'read ' },
      { kind: 'code', textContent: '<b>dmesg</b>' },
      { kind: 'text', data: ' with ' },
      { kind: 'code', textContent: 'a ` tick' },
      { kind: 'text', data: ' and a lone ` mark' },
    ]);
  });
});

describe('frontmatter text under both processors', () => {
  const texts = [
    '`veth_poll()` called `napi_complete_done()` *before* `xdp_do_flush()`, see [the fix](https://x.test/).',
    'run on <device> then <script>alert(1)</script>',
    'Boot with --no-kaslr, then "crash" it... `perf record -- "x"` and the driver\'s ring',
    '- not a list\n1. not a list\n# not a heading\n> not a quote',
    'a **bold** ~~struck~~ https://autolink.example/ word',
    '[`veth_poll`](https://x.test/) keeps its own target',
  ];
  // rehype's HTML writer leaves `>` unescaped in text, which HTML allows; Sätteri writes `&gt;`.
  const canonical = (html: string) => html.replace(/&gt;/g, '>');
  for (const text of texts) {
    it(`renders the same with remark and rehype: ${JSON.stringify(text.slice(0, 40))}`, () => {
      expect(canonical(unifiedSiteInlineMarkdownToHtml(text, site))).toBe(canonical(siteInlineMarkdownToHtml(text, site)));
    });
  }
});
