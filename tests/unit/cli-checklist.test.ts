import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { checklistJsonSchema } from '../../src/lib/checklists/checklist-json-schema.ts';
import { runCliInMemory } from '../support/run-cli-in-memory.ts';
import { checkJsonSchema } from '../support/check-json-schema.ts';

const i40eSymptoms = ['bad-page-state', 'usercopy-exposure', 'slab-growth', 'memory-leak'];
const kconfigLinePattern = /^(CONFIG_[A-Z0-9_]+=.+|# CONFIG_[A-Z0-9_]+ is not set)$/;

/** Item ids of a Markdown export, from the `<!-- id -->` comment each task carries. */
function markdownItemIds(markdown: string): string[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const ids: string[] = [];
  for (const node of tree.children) {
    if (node.type !== 'list') continue;
    for (const item of node.children) {
      expect(item.checked).toBe(false);
      const first = item.children[0];
      const comment = first?.type === 'paragraph' ? first.children.find((child) => child.type === 'html') : undefined;
      ids.push(comment?.type === 'html' ? comment.value.replace(/^<!--\s*|\s*-->$/g, '') : '');
    }
  }
  return ids;
}

describe('oopsbook checklist', () => {
  it('prints one checklist in each format, with the same items', async () => {
    const env = { OOPSBOOK_SITE: 'https://oopsbook.example.org' };
    const md = await runCliInMemory(['checklist', 'leak-hunt'], env);
    const json = await runCliInMemory(['checklist', 'leak-hunt', '--format', 'json'], env);
    const html = await runCliInMemory(['checklist', 'leak-hunt', '--format=html'], env);
    expect([md.code, json.code, html.code]).toEqual([0, 0, 0]);
    const data = JSON.parse(json.stdout) as { source: string; version: string; items: Array<{ id: string }> };
    expect(checkJsonSchema(checklistJsonSchema('https://oopsbook.example.org/checklists/checklist.schema.json'), data)).toEqual([]);
    expect(data.source).toBe('https://oopsbook.example.org/checklists/leak-hunt/');
    expect(markdownItemIds(md.stdout)).toEqual(data.items.map((item) => item.id));
    expect(md.stdout).toContain(`Source: https://oopsbook.example.org/checklists/leak-hunt/ (version ${data.version})`);
    expect([...html.stdout.matchAll(/<li id="([^"]+)">/g)].map((match) => match[1])).toEqual(data.items.map((item) => item.id));
    expect(html.stdout).not.toContain('<script');
  });

  it('merges the checklists of several symptoms: evidence first, each item once', async () => {
    const { code, stdout } = await runCliInMemory(['checklist', ...i40eSymptoms.flatMap((id) => ['--symptom', id]), '--format', 'json']);
    expect(code).toBe(0);
    const ids = (JSON.parse(stdout) as { items: Array<{ id: string }> }).items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    // capture-crash-evidence is linked from several of these symptoms; its first step leads.
    expect(ids[0]).toBe('save-previous-boot-kernel-log');
    // Items from authored and generated checklists of different symptoms are all there.
    expect(ids).toEqual(expect.arrayContaining(['enable-kasan', 'build-with-kmemleak', 'boot-with-slub-debug', 'log-unreclaimable-memory']));
    expect(ids.indexOf('build-with-kasan')).toBeLessThan(ids.indexOf('boot-with-kasan'));
    expect(ids.indexOf('save-previous-boot-kernel-log')).toBeLessThan(ids.indexOf('build-with-kasan'));
  });

  it('rejects unknown ids with a suggestion and a non-zero exit', async () => {
    expect(await runCliInMemory(['checklist', 'leak-hnt'])).toMatchObject({ code: 1, stdout: '', stderr: 'oopsbook checklist: unknown checklist "leak-hnt" (did you mean "leak-hunt"?)\n' });
    expect(await runCliInMemory(['checklist', '--symptom', 'bad-page-stat'])).toMatchObject({ code: 1, stderr: 'oopsbook checklist: unknown symptom "bad-page-stat" (did you mean "bad-page-state"?)\n' });
    expect((await runCliInMemory(['checklist', 'leak-hunt', '--format', 'pdf'])).code).toBe(2);
  });
});

describe('oopsbook kconfig', () => {
  it('prints a fragment whose every line merge_config.sh accepts', async () => {
    const { code, stdout } = await runCliInMemory(['kconfig', ...i40eSymptoms.flatMap((id) => ['--symptom', id])]);
    expect(code).toBe(0);
    const lines = stdout.split('\n').filter((line) => line !== '');
    for (const line of lines) expect(line.startsWith('#') || kconfigLinePattern.test(line), line).toBe(true);
    const options = lines.filter((line) => kconfigLinePattern.test(line));
    expect(options).toEqual(expect.arrayContaining(['CONFIG_KASAN=y', 'CONFIG_KASAN_GENERIC=y', 'CONFIG_PAGE_OWNER=y', 'CONFIG_DEBUG_KMEMLEAK=y', 'CONFIG_SLUB_DEBUG=y']));
    expect(new Set(options.map((line) => line.replace(/^# /, '').split(/[= ]/)[0])).size).toBe(options.length);
    expect(stdout).toMatch(/^# Kernel command line:\n#   .*\bpage_owner=on\b.*\bslub_debug=FZPU\b/m);
  });

  it('reports conflicts and production warnings on standard error too', async () => {
    const result = await runCliInMemory(['kconfig', '--tool', 'kasan', '--tool', 'kcsan', '--tool', 'swiotlb-force', '--tool', 'ubsan', '--hypervisor', 'xen-pv']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# CONFIG_UBSAN_TRAP is not set');
    expect(result.stderr).toContain('conflict: KASAN and KCSAN cannot be enabled in the same kernel');
    expect(result.stderr).toContain('conflict: KASAN does not work on Xen PV');
    expect(result.stderr).toMatch(/warning: swiotlb=force: Never boot a production machine with swiotlb=force/);
  });

  it('rejects unknown ids with a suggestion and a non-zero exit', async () => {
    expect(await runCliInMemory(['kconfig', '--tool', 'kasn'])).toMatchObject({ code: 1, stdout: '', stderr: 'oopsbook kconfig: unknown tool "kasn" (did you mean "kasan"?)\n' });
    expect((await runCliInMemory(['kconfig'])).code).toBe(2);
  });
});
