import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir } from '../support/paths.ts';
import { allPages, attributeValues, pageExists, readPage } from '../support/site-files.ts';

const seedDiagrams: Record<string, string> = {
  'afxdp-rx-ring-race': 'afxdp-veth-napi-rx-ring-race',
  'veth-napi-flush-race': 'afxdp-veth-napi-rx-ring-race',
  'afxdp-descriptor-lifecycle': 'afxdp-veth-napi-rx-ring-race',
  'swiotlb-sync-unmap-after-free': 'xen-swiotlb-dma-unmap-after-free',
  'dtrace-i386-unmapped-fault-handler': 'dtrace-i386-vmalloc-fault',
  'afxdp-xsk-flush-trace': 'afxdp-veth-napi-rx-ring-race',
  'afxdp-fill-order-trace': 'afxdp-veth-napi-rx-ring-race',
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

describe('diagram pages', () => {
  it('lists every seed diagram at /diagrams/ and links it from the navigation', () => {
    const index = readPage('/diagrams/');
    for (const id of Object.keys(seedDiagrams)) expect(attributeValues(index, 'href')).toContain(`/diagrams/${id}/`);
    expect(readPage('/')).toMatch(/<a href="\/diagrams\/"[^>]*>Diagrams<\/a>/);
  });

  it('gives each diagram a page with both SVG renders, its sources and its case', () => {
    for (const [id, caseId] of Object.entries(seedDiagrams)) {
      const html = readPage(`/diagrams/${id}/`);
      expect(html.match(/<div class="diagram-svg diagram-svg--(light|dark)"><svg /g), id).toHaveLength(2);
      expect(html).toContain('<summary>Mermaid source</summary>');
      expect(html).toMatch(/<summary>Spec <code>diagrams\/[a-z0-9-]+\.yaml<\/code><\/summary>/);
      expect(attributeValues(html, 'href'), id).toContain(`/cases/${caseId}/#diagrams`);
      const casePage = readPage(`/cases/${caseId}/`);
      expect(attributeValues(casePage, 'href'), caseId).toContain(`/diagrams/${id}/`);
    }
  });

  it('states the verdicts of the race explorer', () => {
    const html = readPage('/diagrams/veth-napi-flush-race/');
    expect(html).toMatch(/The shortest interleaving that breaks the invariant takes 9 steps \(\d+ states explored\)\./);
    expect(html).toMatch(/No interleaving of the fixed variant breaks the invariant \(\d+ states explored\)\./);
  });

  it('never repeats a diagram element id on a page that draws both theme renders inline', () => {
    const html = readPage('/diagrams/afxdp-rx-ring-race/');
    expect(html.match(/<svg /g)?.length).toBe(2);
    const ids = attributeValues(html, 'id').filter((id) => id.startsWith('dg-'));
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.length - new Set(ids).size).toBe(0);
  });

  it('shows a case its diagrams as lazily loaded images of the standalone SVG files', () => {
    const html = readPage('/cases/afxdp-veth-napi-rx-ring-race/');
    expect(html.match(/<svg /g)).toBeNull();
    const sources = attributeValues(html, 'src').filter((src) => src.startsWith('/diagrams/'));
    expect(sources).toHaveLength(10);
    for (const src of sources) {
      expect(pageExists(src), src).toBe(true);
      expect(readFileSync(path.join(distDir, src), 'utf8')).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
    expect(html).toMatch(/<img class="diagram-img diagram-svg--dark" src="\/diagrams\/afxdp-rx-ring-race\/dark\.svg" alt="[^"]+" width="\d+" height="\d+" loading="lazy"/);
  });

  it('renders Mermaid fences in case bodies to inline SVG', () => {
    const html = readPage('/cases/xen-pvmmu-pgd-pin-bad-type/');
    expect(html).toContain('<div class="diagram-svg diagram-svg--light"><svg ');
    expect(html).not.toContain('language-mermaid');
  });

  it('ships no Mermaid JavaScript', () => {
    for (const file of files(distDir).filter((name) => /\.(m?js|html)$/.test(name))) {
      const text = readFileSync(file, 'utf8');
      expect(/mermaid\.(min\.)?js|mermaid\.initialize|mermaidAPI|startOnLoad/.test(text), file).toBe(false);
      for (const script of text.match(/<script[^>]*src="[^"]*"/g) ?? []) expect(script).not.toMatch(/mermaid/i);
    }
    expect(allPages().length).toBeGreaterThan(0);
  });
});
