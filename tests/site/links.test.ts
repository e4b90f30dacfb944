import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteUrl } from '../../src/lib/site/site-url.ts';
import { distDir } from '../support/paths.ts';
import { allPages, pageExists, readPage } from '../support/site-files.ts';

/** Every `id` and `name` in a page: the anchors a fragment can point at. */
const anchorCache = new Map<string, Set<string>>();
function anchorsOf(urlPath: string): Set<string> {
  let anchors = anchorCache.get(urlPath);
  if (!anchors) {
    const html = readPage(urlPath);
    anchors = new Set([...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((match) => match[1] ?? ''));
    anchorCache.set(urlPath, anchors);
  }
  return anchors;
}

const decode = (value: string) => value.replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"');

/** Links in an HTML page: href, src and xlink:href attributes (SVG included) and url(#id) references. */
function htmlLinks(html: string): string[] {
  const attributes = [...html.matchAll(/\s(?:href|src|xlink:href|action)="([^"]*)"/g)].map((match) => decode(match[1] ?? ''));
  // `url(#id)` in presentation attributes (markers, fills) must resolve; Mermaid's style sheets
  // also carry rules for element kinds a diagram may not use, so those are not links.
  const references = [...html.matchAll(/\s[\w:-]+="url\((#[^)"']+)\)"/g)].map((match) => decode(match[1] ?? ''));
  return [...attributes, ...references];
}

/** Files other than HTML pages that carry links readers follow: Markdown and JSON exports. */
function exportFiles(dir = distDir): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'pagefind' && name !== '_astro') files.push(...exportFiles(full));
    } else if ((name.endsWith('.md') || name.endsWith('.json')) && !name.startsWith('triage-index')) files.push(full);
  }
  return files;
}

function exportLinks(text: string): string[] {
  const markdown = [...text.matchAll(/\]\(([^)\s]+)\)|<(https?:\/\/[^>\s]+)>/g)].map((match) => match[1] ?? match[2] ?? '');
  const json = [...text.matchAll(/"(?:source|url|\$id|\$schema|href)"\s*:\s*"([^"]+)"/g)].map((match) => match[1] ?? '');
  const bare = [...text.matchAll(/(?<![(<"])\bhttps?:\/\/[^\s)"'>]+/g)].map((match) => match[0]);
  return [...markdown, ...json, ...bare];
}

/** A link's problem, or undefined when it resolves inside the built site (or points elsewhere). */
function brokenReason(link: string, fromPage: string): string | undefined {
  const site = new URL(siteUrl());
  const url = new URL(link, new URL(fromPage, site));
  if (url.protocol === 'mailto:') return undefined;
  if (url.origin !== site.origin) return undefined;
  if (!pageExists(url.pathname)) return 'no such page or file';
  const fragment = decodeURIComponent(url.hash.slice(1));
  if (fragment && (url.pathname.endsWith('/') || url.pathname.endsWith('.html')) && !anchorsOf(url.pathname).has(fragment)) return `no anchor #${fragment}`;
  return undefined;
}

describe('links in the built site', () => {
  it('has no broken internal link or anchor in any page, SVG included', () => {
    const pages = allPages();
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const link of htmlLinks(readPage(page))) {
        checked++;
        const reason = brokenReason(link, page);
        if (reason) broken.push(`${page} → ${link}: ${reason}`);
      }
    }
    expect(checked).toBeGreaterThan(pages.length * 10);
    expect(broken).toEqual([]);
  });

  it('has no broken link to the site in the Markdown and JSON exports', () => {
    const broken: string[] = [];
    for (const file of exportFiles()) {
      const urlPath = `/${path.relative(distDir, file).split(path.sep).join('/')}`;
      for (const link of exportLinks(readFileSync(file, 'utf8'))) {
        const reason = brokenReason(link, urlPath);
        if (reason) broken.push(`${urlPath} → ${link}: ${reason}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('catches a broken anchor and a missing page (the check itself)', () => {
    expect(brokenReason('/cases/no-such-case/', '/')).toBe('no such page or file');
    expect(brokenReason('/cases/i40e-out-of-tree-rx-page-leak/#no-such-anchor', '/')).toBe('no anchor #no-such-anchor');
    expect(brokenReason('#main', '/cases/')).toBeUndefined();
    expect(brokenReason(`${siteUrl()}/nowhere/`, '/')).toBe('no such page or file');
    expect(brokenReason('https://docs.kernel.org/dev-tools/kasan.html', '/')).toBeUndefined();
  });
});
