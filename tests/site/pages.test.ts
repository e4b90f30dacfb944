import { describe, expect, it } from 'vitest';
import { loadSiteGraph } from '../../src/cli/load-site-graph.ts';
import { buildTriageIndex } from '../../src/lib/triage/build-triage-index.ts';
import { decodeTriageIndex } from '../../src/lib/triage/triage-index-file.ts';
import { readSourceFiles } from '../../src/lib/content/read-content.ts';
import { allPages, attributeValues, pageExists, readPage } from '../support/site-files.ts';

const sources = readSourceFiles();
const ids = (kind: string) => sources.filter((file) => file.kind === kind).map((file) => file.id);
const seedCases = [
  'xen-swiotlb-dma-unmap-after-free',
  'afxdp-veth-napi-rx-ring-race',
  'i40e-out-of-tree-rx-page-leak',
  'xen-pvmmu-pgd-pin-bad-type',
  'dtrace-i386-vmalloc-fault',
];

describe('built site', () => {
  it('has the fixed entry pages', () => {
    for (const page of ['/', '/cases/', '/symptoms/', '/tools/', '/matrix/', '/symbols/', '/checklists/', '/search/', '/404.html', '/sitemap-index.xml']) {
      expect(pageExists(page), page).toBe(true);
    }
  });

  it('hands Pagefind every page that carries data-pagefind-body (SEARCHABLE_PAGES)', () => {
    const searchable = /^\/(?:cases|symptoms|tools|checklists|diagrams)\/[^/]+\/$/;
    const withBody = allPages().filter((page) => readPage(page).includes('data-pagefind-body'));
    expect(withBody.length).toBeGreaterThan(0);
    expect(withBody.filter((page) => !searchable.test(page))).toEqual([]);
    expect(allPages().filter((page) => searchable.test(page) && !readPage(page).includes('data-pagefind-body'))).toEqual([]);
  });

  it('writes the triage index the CLI builds from the same content', () => {
    const written = decodeTriageIndex(JSON.parse(readPage('/triage-index.json')));
    expect(written).toEqual(buildTriageIndex(loadSiteGraph(() => undefined)));
  });

  it('has a page for every case, symptom, tool and checklist', () => {
    for (const kind of ['cases', 'symptoms', 'tools', 'checklists']) {
      expect(ids(kind).length, kind).toBeGreaterThan(0);
      for (const id of ids(kind)) expect(pageExists(`/${kind}/${id}/`), `/${kind}/${id}/`).toBe(true);
    }
  });

  it('carries the five seed cases and the required vocabulary', () => {
    expect(ids('cases')).toEqual(expect.arrayContaining(seedCases));
    expect(ids('tools')).toEqual(expect.arrayContaining(['kasan', 'dma-api-debug', 'kdump', 'ftrace', 'bcc']));
    expect(ids('tools').length).toBeGreaterThanOrEqual(20);
    expect(ids('symptoms')).toEqual(
      expect.arrayContaining(['bad-page-state', 'usercopy-exposure', 'slab-growth', 'truncated-packets', 'duplicate-ring-descriptor', 'xen-pagetable-pin-failure', 'double-fault', 'kasan-report']),
    );
    expect(ids('symptoms').length).toBeGreaterThanOrEqual(25);
  });

  it('links every frame of a case stack to an existing symbol page', () => {
    const html = readPage('/cases/i40e-out-of-tree-rx-page-leak/');
    const symbolLinks = attributeValues(html, 'href').filter((href) => href.startsWith('/symbols/'));
    expect(symbolLinks).toEqual(expect.arrayContaining(['/symbols/i40e_napi_poll/', '/symbols/__check_heap_object/']));
    for (const href of symbolLinks) expect(pageExists(href), href).toBe(true);
  });

  it('shows the environment, the out-of-tree driver, the version matrix and the tool timeline', () => {
    const html = readPage('/cases/i40e-out-of-tree-rx-page-leak/');
    expect(html).toContain('id="environment"');
    expect(html).toMatch(/<code>i40e<\/code> 2\.13\.10 <span class="badge[^"]*">out-of-tree<\/span>/);
    expect(html).toContain('id="version-matrix"');
    expect(html).toContain('id="investigation"');
    expect(html).toContain('id="stack-1"');
  });

  it('states an open case as a hypothesis', () => {
    const html = readPage('/cases/xen-pvmmu-pgd-pin-bad-type/');
    expect(html).toContain('id="hypothesis"');
    expect(html).toContain('Not confirmed.');
  });

  it('lists on a symbol page the cases and frames it appears in', () => {
    const html = readPage('/symbols/i40e_napi_poll/');
    expect(html).toContain('href="/cases/i40e-out-of-tree-rx-page-leak/"');
    expect(html).toContain('[i40e]');
  });

  it('derives reverse links: symptom → cases, tool → cases', () => {
    expect(readPage('/symptoms/bad-page-state/')).toContain('href="/cases/i40e-out-of-tree-rx-page-leak/"');
    expect(readPage('/tools/kasan/')).toContain('href="/cases/xen-swiotlb-dma-unmap-after-free/#investigation"');
  });

  it('gives every tool page a copyable enable recipe', () => {
    for (const id of ids('tools')) expect(readPage(`/tools/${id}/`), id).toContain('data-copy=');
  });
});
