import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { distDir } from './paths.ts';

/** Reads a built page by URL path, e.g. `/cases/x/`. */
export function readPage(urlPath: string): string {
  const file = path.join(distDir, urlPath, urlPath.endsWith('/') ? 'index.html' : '');
  return readFileSync(file, 'utf8');
}

/** Whether a URL path resolves to a file in the built site, as a static host would serve it. */
export function pageExists(urlPath: string): boolean {
  const file = path.join(distDir, decodeURIComponent(urlPath));
  if (!existsSync(file)) return false;
  return statSync(file).isDirectory() ? existsSync(path.join(file, 'index.html')) : true;
}

/** Every HTML file of the built site, as URL paths. */
export function allPages(dir = distDir, prefix = '/'): string[] {
  const pages: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'pagefind' && name !== '_astro') pages.push(...allPages(full, `${prefix}${name}/`));
    } else if (name === 'index.html') pages.push(prefix);
    else if (name.endsWith('.html')) pages.push(`${prefix}${name}`);
  }
  return pages;
}

/** Values of an attribute across a page (our HTML is generated, so a pattern is enough). */
export function attributeValues(html: string, attribute: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${attribute}="([^"]*)"`, 'g'))].map((match) => (match[1] ?? '').replace(/&amp;/g, '&'));
}
