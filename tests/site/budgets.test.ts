import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSourceFiles } from '../../src/lib/content/read-content.ts';
import { distFiles, firstLoad } from '../support/page-weight.ts';
import { distDir } from '../support/paths.ts';

const KB = 1024;
const total = (files: Array<{ gzip: number }>) => files.reduce((sum, file) => sum + file.gzip, 0);
const cases = readSourceFiles().filter((file) => file.kind === 'cases').map((file) => file.id);

describe('page weight budgets (gzip)', () => {
  it('keeps the first load of every case page (HTML + CSS + JS) within 50 KB', () => {
    const weights = cases.map((slug) => ({ slug, files: firstLoad(`/cases/${slug}/`) }));
    for (const { slug, files } of weights) {
      console.log(`case ${slug}: ${(total(files) / KB).toFixed(1)} KB (${files.map((file) => `${file.file} ${(file.gzip / KB).toFixed(1)}`).join(', ')})`);
    }
    const over = weights.filter(({ files }) => total(files) > 50 * KB).map(({ slug, files }) => `${slug}: ${(total(files) / KB).toFixed(1)} KB`);
    expect(over).toEqual([]);
  });

  it('keeps the triage page JavaScript within 60 KB', () => {
    const scripts = firstLoad('/triage/').filter((file) => file.file.endsWith('.js'));
    const inline = [...readFileSync(path.join(distDir, 'triage/index.html'), 'utf8').matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '').join('');
    const size = total(scripts) + inline.length;
    console.log(`triage JavaScript: ${(size / KB).toFixed(1)} KB gzip (${scripts.map((file) => file.file).join(', ')} + ${inline.length} B inline, counted uncompressed)`);
    expect(scripts.length).toBeGreaterThan(0);
    expect(size).toBeLessThanOrEqual(60 * KB);
  });

  it('ships no Mermaid runtime anywhere', () => {
    const scripts = distFiles().filter((file) => /\.(?:m?js|html)$/.test(file) && !file.startsWith('pagefind/'));
    const withMermaid = scripts.filter((file) => /mermaid/i.test(path.basename(file)) || /mermaidAPI|mermaid\.(?:initialize|render|run)\(|\bflowchart-v2\b.*\bdagre\b/.test(readFileSync(path.join(distDir, file), 'utf8')));
    expect(withMermaid).toEqual([]);
  });
});
