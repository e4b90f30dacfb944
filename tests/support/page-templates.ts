import { readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { caseLog } from './case-logs.ts';
import path from 'node:path';
import { distDir } from './paths.ts';

/** The first entry (sorted) of a built collection folder such as `cases`. */
function firstIn(folder: string): string {
  const entries = readdirSync(path.join(distDir, folder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const first = entries[0];
  if (!first) throw new Error(`dist/${folder}/ has no pages: run npm run build first`);
  return `/${folder}/${encodeURIComponent(first)}/`;
}

/** One URL for every page template the site has, each a page a person opens. */
export function pageTemplates(): Array<{ name: string; url: string }> {
  return [
    { name: 'home', url: '/' },
    { name: 'case list', url: '/cases/' },
    { name: 'case', url: '/cases/i40e-out-of-tree-rx-page-leak/' },
    { name: 'symptom list', url: '/symptoms/' },
    { name: 'symptom', url: firstIn('symptoms') },
    { name: 'tool list', url: '/tools/' },
    { name: 'tool', url: firstIn('tools') },
    { name: 'matrix', url: '/matrix/' },
    { name: 'symbol list', url: '/symbols/' },
    { name: 'symbol', url: '/symbols/i40e_napi_poll/' },
    { name: 'checklist list', url: '/checklists/' },
    { name: 'checklist', url: firstIn('checklists') },
    { name: 'generated checklist', url: '/checklists/symptom-bad-page-state/' },
    { name: 'checklist embed', url: firstIn('embed/checklists') },
    { name: 'diagram list', url: '/diagrams/' },
    { name: 'race diagram', url: '/diagrams/afxdp-rx-ring-race/' },
    { name: 'ring diagram', url: '/diagrams/afxdp-descriptor-lifecycle/' },
    { name: 'case with a Mermaid fence', url: '/cases/xen-pvmmu-pgd-pin-bad-type/' },
    { name: 'search', url: '/search/?q=i40e_napi_poll' },
    { name: 'triage', url: '/triage/' },
    { name: 'not found', url: '/404.html' },
  ];
}

/**
 * Opens a template the way a person uses it: the search page with its results in, the triage
 * page with a seed log pasted and triaged.
 */
export async function openTemplate(page: Page, siteUrl: string, template: { name: string; url: string }): Promise<void> {
  await page.goto(`${siteUrl}${template.url}`, { waitUntil: 'networkidle' });
  if (template.name === 'search') await page.locator('#search-results li a').first().waitFor();
  if (template.name === 'triage') {
    await page.fill('#triage-log', caseLog('i40e-out-of-tree-rx-page-leak'));
    await page.click('#triage-form button[type="submit"]');
    await page.locator('.triage-matches > li').first().waitFor();
  }
}
