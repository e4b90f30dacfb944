import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { focusableCodePlugin } from '../../src/lib/markdown/focusable-code-plugin.ts';
import { siteMarkdownProcessor } from '../../src/lib/markdown/site-markdown-processor.ts';
import { symbolLinksPlugin } from '../../src/lib/markdown/symbol-links-plugin.ts';
import { taskListChecklistPlugin } from '../../src/lib/markdown/task-list-checklist-plugin.ts';

const symbols = new Set(['i40e_napi_poll', '__xsk_rcv_zc']);

function render(markdown: string): string {
  return markdownToHtml(markdown, { mdastPlugins: [symbolLinksPlugin({ symbols })], hastPlugins: [taskListChecklistPlugin()] }).html.trim();
}

/** The site's whole pipeline as Astro drives it, Prism highlighting included, under either processor. */
async function renderForSite(markdown: string, processor: 'satteri' | 'unified' = 'satteri'): Promise<string> {
  const site = await siteMarkdownProcessor(
    { processor, remarkPlugins: [], rehypePlugins: [] },
    {
      symbols,
      base: '/',
      render: async (text) => ({ light: `<svg data-theme="light"><text>${text.length}</text></svg>`, dark: `<svg data-theme="dark"><text>${text.length}</text></svg>` }),
    },
  );
  const renderer = await site.createRenderer({ syntaxHighlight: 'prism', gfm: true, smartypants: true } as never);
  return (await renderer.render(markdown, {} as never)).code.trim();
}

describe('symbolLinksPlugin', () => {
  it('links code spans that name known stack symbols, with or without offsets', () => {
    expect(render('Crash in `i40e_napi_poll` and `__xsk_rcv_zc+0x9b/0x250`.')).toBe(
      '<p>Crash in <a href="/symbols/i40e_napi_poll/" class="symbol-link"><code>i40e_napi_poll</code></a> and <a href="/symbols/__xsk_rcv_zc/" class="symbol-link"><code>__xsk_rcv_zc+0x9b/0x250</code></a>.</p>',
    );
  });

  it('leaves unknown symbols, commands, code blocks and existing links alone', () => {
    expect(render('`kfree` `echo 1 > tracing_on` [`i40e_napi_poll`](https://x.test/) [`__xsk_rcv_zc`][ref]\n\n```\ni40e_napi_poll\n```\n\n[ref]: https://y.test/')).toBe(
      '<p><code>kfree</code> <code>echo 1 &gt; tracing_on</code> <a href="https://x.test/"><code>i40e_napi_poll</code></a> <a href="https://y.test/"><code>__xsk_rcv_zc</code></a></p>\n<pre><code>i40e_napi_poll\n</code></pre>',
    );
  });

  it('puts the site base in front of the link', () => {
    const html = markdownToHtml('`i40e_napi_poll()`', { mdastPlugins: [symbolLinksPlugin({ symbols, base: '/oopsbook/' })] }).html.trim();
    expect(html).toBe('<p><a href="/oopsbook/symbols/i40e_napi_poll/" class="symbol-link"><code>i40e_napi_poll()</code></a></p>');
  });
});

describe('taskListChecklistPlugin', () => {
  it('turns task lists into usable, labelled checkboxes', () => {
    expect(render('- [ ] save the log\n- [x] check taint')).toBe(
      '<ul class="contains-task-list checklist">\n<li class="task-list-item"><label><input type="checkbox"> save the log</label></li>\n<li class="task-list-item"><label><input type="checkbox" checked> check taint</label></li>\n</ul>',
    );
  });

  it('labels the whole item text, markup included, and leaves plain lists alone', () => {
    expect(render('1. [ ] run `dmesg` *now*\n2. plain\n\n- not a task')).toBe(
      '<ol class="contains-task-list checklist">\n<li class="task-list-item"><label><input type="checkbox"> run <code>dmesg</code> <em>now</em></label></li>\n<li>plain</li>\n</ol>\n<ul>\n<li>not a task</li>\n</ul>',
    );
  });
});

describe('focusableCodePlugin', () => {
  it('makes every code block a tab stop so it can be scrolled from the keyboard', () => {
    const { html } = markdownToHtml('```sh\ndmesg -T\n```\n\n    indented', { hastPlugins: [focusableCodePlugin()] });
    expect(html.trim()).toBe('<pre tabindex="0"><code class="language-sh">dmesg -T\n</code></pre>\n<pre tabindex="0"><code>indented\n</code></pre>');
  });
});

describe('siteMarkdownProcessor', () => {
  it('highlights code with Prism classes, no inline styles, and keeps the block a tab stop', async () => {
    const html = await renderForSite('```sh\necho 1 > /proc/sys/kernel/sysrq\n```');
    expect(html).toMatch(/^<pre class="language-sh" data-language="sh" tabindex="0"><code class="language-sh">/);
    expect(html).toContain('<span class="token');
    expect(html).not.toContain('style=');
  });

  it('gives headings ids', async () => {
    expect(await renderForSite('## Root cause\n\n## Root cause')).toBe('<h2 id="root-cause">Root cause</h2>\n<h2 id="root-cause-1">Root cause</h2>');
  });

  it('curls quotes in prose but keeps `--` and code spans as written', async () => {
    expect(await renderForSite('Boot with --no-kaslr, then "crash" it... `perf record -- "x"`')).toBe(
      '<p>Boot with --no-kaslr, then “crash” it… <code>perf record -- "x"</code></p>',
    );
  });
});

describe("Oopsbook's plugins under both processors", () => {
  // Each document exercises one plugin; the two pipelines must agree on all of them.
  const documents: Record<string, string> = {
    'symbol links': 'Crash in `i40e_napi_poll+0x137f/0x1720` and `kfree`; [`__xsk_rcv_zc`](https://x.test/) keeps its own target.',
    'symbol link in a list and a heading': '## In `__xsk_rcv_zc`\n\n- called from `i40e_napi_poll()`',
    'task list': '- [ ] save the log\n- [x] check `taint` *now*\n\n1. [ ] run `dmesg`\n2. plain',
    'nested task list': '- [ ] outer\n  - [x] inner',
    'code blocks': '```sh\ndmesg -T | grep -i oops\n```\n\n    indented block',
    'mermaid fence': 'Before.\n\n```mermaid\nflowchart LR\n  a --> b\n\n  b --> c\n```\n\nAfter.',
    prose: 'Boot with --no-kaslr, then "crash" it... `perf record -- "x"`',
  };
  /**
   * Two differences come from Astro's processors themselves, not from Oopsbook's plugins, and do
   * not change what a reader sees: unified's Prism keeps a code block's final newline, and its
   * HTML writer leaves `>` unescaped in text. Both are evened out before comparing.
   */
  const canonical = (html: string) => html.replace(/\n<\/code><\/pre>/g, '</code></pre>').replace(/&gt;/g, '>');
  for (const [name, markdown] of Object.entries(documents)) {
    it(`gives the same HTML for ${name}`, async () => {
      const fromSatteri = await renderForSite(markdown, 'satteri');
      const fromUnified = await renderForSite(markdown, 'unified');
      expect(canonical(fromUnified)).toBe(canonical(fromSatteri));
    });
  }

  it('applies every plugin under unified', async () => {
    expect(await renderForSite(documents['symbol links'] ?? '', 'unified')).toContain('<a href="/symbols/i40e_napi_poll/" class="symbol-link">');
    expect(await renderForSite(documents['task list'] ?? '', 'unified')).toContain('<ul class="contains-task-list checklist">');
    expect(await renderForSite(documents['code blocks'] ?? '', 'unified')).toContain('tabindex="0"');
    expect(await renderForSite(documents['mermaid fence'] ?? '', 'unified')).toContain('<details class="diagram-sources">');
  });
});
