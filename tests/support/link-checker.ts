import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { allPages } from './site-files.ts';

const decode = (value: string) => value.replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"');

/** Links in an HTML page: href, src and xlink:href attributes (SVG included) and url(#id) references. */
export function htmlLinks(html: string): string[] {
  const attributes = [...html.matchAll(/\s(?:href|src|xlink:href|action)="([^"]*)"/g)].map((match) => decode(match[1] ?? ''));
  // `url(#id)` in presentation attributes (markers, fills) must resolve; Mermaid's style sheets
  // also carry rules for element kinds a diagram may not use, so those are not links.
  const references = [...html.matchAll(/\s[\w:-]+="url\((#[^)"']+)\)"/g)].map((match) => decode(match[1] ?? ''));
  return [...attributes, ...references];
}

/** Files other than HTML pages that carry links readers follow: Markdown and JSON exports. */
export function exportFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'pagefind' && name !== '_astro') files.push(...exportFiles(full));
    } else if ((name.endsWith('.md') || name.endsWith('.json')) && !name.startsWith('triage-index')) files.push(full);
  }
  return files;
}

/** Links in a Markdown or JSON export. */
export function exportLinks(text: string): string[] {
  const markdown = [...text.matchAll(/\]\(([^)\s]+)\)|<(https?:\/\/[^>\s]+)>/g)].map((match) => match[1] ?? match[2] ?? '');
  const json = [...text.matchAll(/"(?:source|url|\$id|\$schema|href)"\s*:\s*"([^"]+)"/g)].map((match) => match[1] ?? '');
  const bare = [...text.matchAll(/(?<![(<"])\bhttps?:\/\/[^\s)"'>]+/g)].map((match) => match[0]);
  return [...markdown, ...json, ...bare];
}

/**
 * Checks links against a built site in `siteDir` served at `site` under `base` (`/` or
 * `/playbook/`), as a static host would serve it: the folder is the base path.
 */
export function createLinkChecker(siteDir: string, site: string, base = '/') {
  const origin = new URL(site);
  const basePath = base.endsWith('/') ? base : `${base}/`;
  const anchorCache = new Map<string, Set<string>>();

  /** The file a URL path under the base maps to, or undefined outside the base. */
  const fileOf = (urlPath: string): string | undefined => {
    if (!urlPath.startsWith(basePath)) return undefined;
    const file = path.join(siteDir, decodeURIComponent(urlPath.slice(basePath.length)));
    if (!existsSync(file)) return undefined;
    if (statSync(file).isDirectory()) return existsSync(path.join(file, 'index.html')) ? path.join(file, 'index.html') : undefined;
    return file;
  };
  const anchorsOf = (file: string): Set<string> => {
    let anchors = anchorCache.get(file);
    if (!anchors) {
      anchors = new Set([...readFileSync(file, 'utf8').matchAll(/\s(?:id|name)="([^"]*)"/g)].map((match) => match[1] ?? ''));
      anchorCache.set(file, anchors);
    }
    return anchors;
  };

  /** A link's problem, or undefined when it resolves inside the built site (or points elsewhere). `fromPage` is a URL path under the base. */
  const brokenReason = (link: string, fromPage: string): string | undefined => {
    const url = new URL(link, new URL(fromPage, origin));
    if (url.protocol === 'mailto:') return undefined;
    if (url.origin !== origin.origin) return undefined;
    if (!url.pathname.startsWith(basePath)) return `outside the base path ${basePath}`;
    const file = fileOf(url.pathname);
    if (!file) return 'no such page or file';
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && file.endsWith('.html') && !anchorsOf(file).has(fragment)) return `no anchor #${fragment}`;
    return undefined;
  };

  /** Every broken link in every page and export of the site, and how many links were checked. */
  const checkSite = (): { broken: string[]; checked: number; pages: number } => {
    const broken: string[] = [];
    let checked = 0;
    const pages = allPages(siteDir);
    for (const page of pages) {
      const urlPath = `${basePath}${page.slice(1)}`;
      const file = path.join(siteDir, page, page.endsWith('/') ? 'index.html' : '');
      for (const link of htmlLinks(readFileSync(file, 'utf8'))) {
        checked++;
        const reason = brokenReason(link, urlPath);
        if (reason) broken.push(`${urlPath} → ${link}: ${reason}`);
      }
    }
    for (const file of exportFiles(siteDir)) {
      const urlPath = `${basePath}${path.relative(siteDir, file).split(path.sep).join('/')}`;
      for (const link of exportLinks(readFileSync(file, 'utf8'))) {
        checked++;
        const reason = brokenReason(link, urlPath);
        if (reason) broken.push(`${urlPath} → ${link}: ${reason}`);
      }
    }
    return { broken, checked, pages: pages.length };
  };

  return { brokenReason, checkSite };
}
