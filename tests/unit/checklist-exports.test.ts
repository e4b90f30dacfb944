import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { checklistEmbedHtml } from '../../src/lib/checklists/checklist-embed-html.ts';
import { checklistJson } from '../../src/lib/checklists/checklist-json.ts';
import { checklistJsonSchema } from '../../src/lib/checklists/checklist-json-schema.ts';
import { checklistMarkdown } from '../../src/lib/checklists/checklist-markdown.ts';
import { collectChecklists } from '../../src/lib/checklists/collect-checklists.ts';
import type { ExportedChecklist } from '../../src/lib/checklists/exported-checklist.ts';
import { mergeChecklists } from '../../src/lib/checklists/merge-checklists.ts';
import { buildSymptomChecklist } from '../../src/lib/checklists/symptom-checklist.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { formatProblem } from '../../src/lib/content/problem.ts';
import { includeInSitemap } from '../../src/lib/site/sitemap-filter.ts';
import { siteUrl } from '../../src/lib/site/site-url.ts';
import { symptomSchema } from '../../src/schemas/symptom.ts';
import { toolSchema } from '../../src/schemas/tool.ts';
import { checkJsonSchema } from '../support/check-json-schema.ts';

const stamp = { url: 'https://oopsbook.example.org/checklists/leak/', version: '0123456789ab' };
const leak: ExportedChecklist = {
  id: 'leak',
  title: 'Hunt a leak',
  intro: 'Find what grows.',
  stage: 'investigate',
  items: [
    { id: 'scan', text: 'Trigger a `kmemleak` scan.', command: 'echo scan > /sys/kernel/debug/kmemleak', tool: 'kmemleak', why: 'Reports appear only after a scan.' },
    { id: 'review', text: 'Read the code <of> the allocator.', why: 'Nothing replaces reading it.' },
  ],
};

describe('checklist Markdown', () => {
  it('is a GitHub task list with fenced commands and a source line', () => {
    expect(checklistMarkdown(leak, stamp)).toBe(`# Hunt a leak

Find what grows.

- [ ] Trigger a \`kmemleak\` scan. <!-- scan -->

  Why: Reports appear only after a scan.

  \`\`\`sh
  echo scan > /sys/kernel/debug/kmemleak
  \`\`\`

- [ ] Read the code <of> the allocator. <!-- review -->

  Why: Nothing replaces reading it.

Source: https://oopsbook.example.org/checklists/leak/ (version 0123456789ab)
`);
  });

  it('keeps a command containing a fence intact', () => {
    const tricky = { ...leak, items: [{ ...leak.items[0]!, command: "printf '```\\n'\nsecond line" }] };
    const tree = unified().use(remarkParse).use(remarkGfm).parse(checklistMarkdown(tricky, stamp));
    const list = tree.children.find((node) => node.type === 'list');
    const code = list?.type === 'list' ? list.children[0]?.children.find((node) => node.type === 'code') : undefined;
    expect(code?.type === 'code' && code.value).toBe("printf '```\\n'\nsecond line");
  });
});

describe('checklist JSON', () => {
  const schema = checklistJsonSchema('https://oopsbook.example.org/checklists/checklist.schema.json');

  it('has every key on every item and validates against the schema', () => {
    const json = checklistJson(leak, stamp);
    expect(json.items[1]).toEqual({ id: 'review', text: 'Read the code <of> the allocator.', command: null, tool: null, why: 'Nothing replaces reading it.' });
    expect(checkJsonSchema(schema, json)).toEqual([]);
  });

  it('is checked for real: broken exports fail the schema', () => {
    const json = checklistJson(leak, stamp);
    expect(checkJsonSchema(schema, { ...json, version: 'v1' })).toEqual(['$.version: does not match ^[0-9a-f]{12}$']);
    expect(checkJsonSchema(schema, { ...json, items: [] })).toEqual(['$.items: fewer than 1 items']);
    expect(checkJsonSchema(schema, { ...json, extra: 1 })).toEqual(['$: unexpected property extra']);
    const { why: _why, ...noWhy } = json.items[0]!;
    expect(checkJsonSchema(schema, { ...json, items: [{ ...noWhy, tool: 3 }] })).toEqual(['$.items[0]: missing why', '$.items[0].tool: expected string or null, got integer']);
  });
});

describe('checklist embed page', () => {
  const html = checklistEmbedHtml(leak, stamp);

  it('runs nothing and loads nothing', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/@import|url\(|<link|<img|<iframe/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    // The one URL is the link back to the source, opened outside the frame.
    expect([...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((match) => match[1])).toEqual([stamp.url]);
  });

  it('escapes text, keeps item anchors and offers light, dark and print styles', () => {
    expect(html).toContain('<li id="scan">');
    expect(html).toContain('Read the code &lt;of&gt; the allocator.');
    expect(html).toContain('<code>kmemleak</code>');
    expect(html).toContain('@media (prefers-color-scheme: dark)');
    expect(html).toContain('@media print');
  });
});

const tool = (id: string, data: Record<string, unknown>) => ({ id, data: toolSchema.parse({ category: 'sanitizer', detects: ['bugs'], overhead: 'some', production: 'test-only', docs: [{ title: 'd', url: 'https://docs.kernel.org/' }], title: id.toUpperCase(), ...data }) });
const kasan = tool('kasan', {
  enable: {
    kconfig: [{ option: 'CONFIG_KASAN' }, { option: 'CONFIG_KASAN_INLINE', use: 'optional' }],
    boot: [{ param: 'kasan_multi_shot' }, { param: 'kasan.fault=panic', use: 'variant' }],
    commands: [{ command: 'dmesg | grep KASAN', note: 'Find reports.' }, { command: 'echo 0xffff > x', use: 'example' }],
  },
});
const xen = tool('xen-log', { production: 'safe', enable: { boot: [{ param: 'loglvl=all', line: 'xen' }] } });
const symptom = { id: 'bad-page', data: symptomSchema.parse({ title: 'Bad page', meaning: 'm', tools: [{ tool: 'kasan', why: 'finds the culprit', when: 'test' }, { tool: 'xen-log', why: 'hypervisor side', when: 'always' }] }) };

describe('generated symptom checklists', () => {
  it('builds, then boots, then runs, from recipe parts only', () => {
    const checklist = buildSymptomChecklist(symptom, new Map([kasan, xen].map((entry) => [entry.id, entry.data])));
    expect(checklist.id).toBe('symptom-bad-page');
    expect(checklist.items.map((item) => [item.id, item.command])).toEqual([
      ['build-with-kasan', './scripts/config -e KASAN && make olddefconfig'],
      ['boot-with-kasan', 'kasan_multi_shot'],
      ['boot-xen-with-xen-log', 'loglvl=all'],
      ['kasan-dmesg-grep-kasan', 'dmesg | grep KASAN'],
    ]);
    expect(checklist.items[0]?.why).toBe('finds the culprit. Test machines only.');
  });

  it('reserves the symptom- prefix so generated ids cannot collide with authored ones', () => {
    const file = (kind: 'checklists' | 'symptoms', id: string, source: string) => ({ kind, id, displayPath: `${kind}/${id}.md`, source });
    const { problems } = checkContent([file('checklists', 'symptom-bad-page', '---\ntitle: T\nitems:\n  - {id: a, text: t, why: w}\n---\n')], []);
    expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "checklists/symptom-bad-page.md:1 (file name): checklist ids starting with "symptom-" are reserved for the checklists generated from each symptom; rename the file",
      ]
    `);
    const authored = { id: 'symptom-bad-page', data: { title: 'T', stage: 'investigate' as const, items: [{ id: 'a', text: 't', why: 'w' }] } };
    expect(() => collectChecklists({ checklists: [authored], symptoms: [symptom], tools: [kasan, xen] })).toThrow('two checklists have the id "symptom-bad-page"');
  });
});

describe('merging checklists', () => {
  it('puts capture before enable before investigate and keeps the first of each item id', () => {
    const item = (id: string) => ({ id, text: id, why: id });
    const merged = mergeChecklists(
      [
        { id: 'a', title: 'A', intro: '', stage: 'investigate', items: [item('read-code'), item('save-log')] },
        { id: 'b', title: 'B', intro: '', stage: 'enable', items: [item('build'), item('boot')] },
        { id: 'c', title: 'C', intro: '', stage: 'capture', items: [item('save-log'), item('save-modules')] },
        { id: 'd', title: 'D', intro: '', stage: 'enable', items: [item('boot'), item('run')] },
      ],
      { id: 'm', title: 'M', intro: '' },
    );
    expect(merged.items.map((entry) => entry.id)).toEqual(['save-log', 'save-modules', 'build', 'boot', 'run', 'read-code']);
  });
});

describe('site URL and sitemap', () => {
  it('reads OOPSBOOK_SITE, with the dev server as default', () => {
    expect(siteUrl({})).toBe('http://localhost:4321');
    expect(siteUrl({ OOPSBOOK_SITE: 'https://oopsbook.internal.example.org/' })).toBe('https://oopsbook.internal.example.org');
  });

  it('leaves embed pages out of the sitemap', () => {
    expect(includeInSitemap('https://x.example/checklists/leak-hunt/')).toBe(true);
    expect(includeInSitemap('https://x.example/embed/checklists/leak-hunt/')).toBe(false);
    expect(includeInSitemap('https://x.example/playbook/embed/checklists/leak-hunt/', '/playbook/')).toBe(false);
    expect(includeInSitemap('https://x.example/playbook/checklists/leak-hunt/', '/playbook/')).toBe(true);
  });
});
