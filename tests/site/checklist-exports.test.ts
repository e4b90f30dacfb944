import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { ChecklistJson } from '../../src/lib/checklists/checklist-json.ts';
import { readSourceFiles } from '../../src/lib/content/read-content.ts';
import { checkJsonSchema } from '../support/check-json-schema.ts';
import { runCliInMemory } from '../support/run-cli-in-memory.ts';
import { distDir } from '../support/paths.ts';
import { pageExists, readPage } from '../support/site-files.ts';

const sources = readSourceFiles();
const expectedIds = [
  ...sources.filter((file) => file.kind === 'checklists').map((file) => file.id),
  ...sources.filter((file) => file.kind === 'symptoms').map((file) => `symptom-${file.id}`),
].sort();
const builtIds = readdirSync(path.join(distDir, 'checklists'))
  .filter((name) => name.endsWith('.json') && name !== 'checklist.schema.json')
  .map((name) => name.slice(0, -'.json'.length))
  .sort();
const schema = JSON.parse(readFileSync(path.join(distDir, 'checklists/checklist.schema.json'), 'utf8')) as Record<string, unknown>;

/** The task list of a Markdown export: checked state, id comment and text of each item. */
function taskItems(markdown: string) {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const lists = tree.children.filter((node) => node.type === 'list');
  expect(lists).toHaveLength(1);
  return lists.flatMap((list) =>
    list.type !== 'list'
      ? []
      : list.children.map((item) => {
          const paragraph = item.children[0];
          const inline = paragraph?.type === 'paragraph' ? paragraph.children : [];
          const comment = inline.find((node) => node.type === 'html');
          const code = item.children.find((node) => node.type === 'code');
          return {
            checked: item.checked,
            id: comment?.type === 'html' ? comment.value.replace(/^<!--\s*|\s*-->$/g, '') : undefined,
            command: code?.type === 'code' ? code.value : null,
            lang: code?.type === 'code' ? code.lang : undefined,
          };
        }),
  );
}

describe('checklist exports in the built site', () => {
  it('exist for every authored checklist and every symptom', () => {
    expect(builtIds).toEqual(expectedIds);
    for (const id of builtIds) {
      for (const url of [`/checklists/${id}/`, `/checklists/${id}.md`, `/checklists/${id}.json`, `/embed/checklists/${id}/`]) expect(pageExists(url), url).toBe(true);
    }
  });

  it.each(builtIds)('%s: JSON, Markdown, page and embed agree and validate', (id) => {
    const json = JSON.parse(readPage(`/checklists/${id}.json`)) as ChecklistJson;
    expect(checkJsonSchema(schema, json)).toEqual([]);
    expect(json.id).toBe(id);
    expect(json.source).toMatch(new RegExp(`^https?://[^/]+/checklists/${id}/$`));
    const ids = json.items.map((item) => item.id);

    const markdown = readPage(`/checklists/${id}.md`);
    const tasks = taskItems(markdown);
    expect(tasks.map((task) => task.id)).toEqual(ids);
    expect(tasks.every((task) => task.checked === false)).toBe(true);
    expect(tasks.map((task) => task.command)).toEqual(json.items.map((item) => item.command));
    for (const task of tasks) if (task.command !== null) expect(task.lang).toBe('sh');
    expect(markdown.trimEnd().split('\n').at(-1)).toBe(`Source: ${json.source} (version ${json.version})`);

    const page = readPage(`/checklists/${id}/`);
    for (const itemId of ids) expect(page).toContain(`<li id="${itemId}">`);
    expect(page).toContain(`/embed/checklists/${id}/`);

    const embed = readPage(`/embed/checklists/${id}/`);
    expect(embed).not.toMatch(/<script/i);
    expect(embed).not.toMatch(/@import|url\(|<link\b/i);
    expect(embed).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    const urls = [...embed.matchAll(/\s(src|href)="([^"]*)"/g)].map((match) => `${match[1]}=${match[2]}`);
    expect(urls).toEqual([`href=${json.source}`]);
    expect([...embed.matchAll(/<li id="([^"]+)">/g)].map((match) => match[1])).toEqual(ids);
  });

  it('are what the CLI prints, version included', async () => {
    const site = (JSON.parse(readPage('/checklists/leak-hunt.json')) as ChecklistJson).source.replace(/\/checklists\/leak-hunt\/$/, '');
    const env = { OOPSBOOK_SITE: site };
    expect((await runCliInMemory(['checklist', 'leak-hunt', '--format', 'json'], env)).stdout).toBe(readPage('/checklists/leak-hunt.json'));
    expect((await runCliInMemory(['checklist', 'symptom-slab-growth'], env)).stdout).toBe(readPage('/checklists/symptom-slab-growth.md'));
    expect((await runCliInMemory(['checklist', 'capture-crash-evidence', '--format', 'html'], env)).stdout).toBe(readPage('/embed/checklists/capture-crash-evidence/'));
  });

  it('keeps embed pages out of the sitemap', () => {
    const sitemap = readFileSync(path.join(distDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/checklists/leak-hunt/</loc>');
    expect(sitemap).not.toContain('/embed/');
  });

  it('shows the merged debug recipe on symptom pages', () => {
    const html = readPage('/symptoms/bad-page-state/');
    expect(html).toContain('id="recipe"');
    expect(html).toContain('CONFIG_PAGE_OWNER=y');
    expect(html).toContain('/checklists/symptom-bad-page-state/');
  });
});
