import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeFocusableCode } from '../../src/lib/markdown/rehype-focusable-code.ts';
import { rehypeTaskListChecklist } from '../../src/lib/markdown/rehype-task-list-checklist.ts';
import { remarkSymbolLinks } from '../../src/lib/markdown/remark-symbol-links.ts';

async function render(markdown: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkSymbolLinks, { symbols: new Set(['i40e_napi_poll', '__xsk_rcv_zc']) })
    .use(remarkRehype)
    .use(rehypeTaskListChecklist)
    .use(rehypeStringify)
    .process(markdown);
  return String(file).trim();
}

describe('remarkSymbolLinks', () => {
  it('links code spans that name known stack symbols, with or without offsets', async () => {
    expect(await render('Crash in `i40e_napi_poll` and `__xsk_rcv_zc+0x9b/0x250`.')).toBe(
      '<p>Crash in <a href="/symbols/i40e_napi_poll/" class="symbol-link"><code>i40e_napi_poll</code></a> and <a href="/symbols/__xsk_rcv_zc/" class="symbol-link"><code>__xsk_rcv_zc+0x9b/0x250</code></a>.</p>',
    );
  });

  it('leaves unknown symbols, commands, code blocks and existing links alone', async () => {
    expect(await render('`kfree` `echo 1 > tracing_on` [`i40e_napi_poll`](https://x.test/)\n\n```\ni40e_napi_poll\n```')).toBe(
      '<p><code>kfree</code> <code>echo 1 > tracing_on</code> <a href="https://x.test/"><code>i40e_napi_poll</code></a></p>\n<pre><code>i40e_napi_poll\n</code></pre>',
    );
  });
});

describe('rehypeTaskListChecklist', () => {
  it('turns task lists into usable, labelled checkboxes', async () => {
    expect(await render('- [ ] save the log\n- [x] check taint')).toBe(
      '<ul class="contains-task-list checklist">\n<li class="task-list-item"><label><input type="checkbox"> save the log</label></li>\n<li class="task-list-item"><label><input type="checkbox" checked> check taint</label></li>\n</ul>',
    );
  });
});

describe('rehypeFocusableCode', () => {
  it('makes every code block a tab stop so it can be scrolled from the keyboard', async () => {
    const file = await unified().use(remarkParse).use(remarkRehype).use(rehypeFocusableCode).use(rehypeStringify).process('```sh\ndmesg -T\n```\n\n    indented');
    expect(String(file)).toBe('<pre tabindex="0"><code class="language-sh">dmesg -T\n</code></pre>\n<pre tabindex="0"><code>indented\n</code></pre>');
  });
});
