import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { distDir } from './paths.ts';
import { readPage } from './site-files.ts';

/** A file of the built site with its gzip size. */
export interface Weighed {
  file: string;
  gzip: number;
}

const gzipSize = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

/** Static and dynamic imports of a built JavaScript module, and the workers it starts, as dist paths. */
function importsOf(urlPath: string, source: string): string[] {
  const specifiers = [...source.matchAll(/(?:\bimport\s*(?:[\w*{},\s$]+from\s*)?|\bimport\(|\bnew URL\()\s*["'`]([^"'`]+\.js)["'`]/g)].map((match) => match[1] ?? '');
  return specifiers.filter((specifier) => !specifier.includes('/pagefind/')).map((specifier) => new URL(specifier, `http://site${urlPath}`).pathname);
}

/**
 * What a first visit to a page downloads from the site: the HTML, its stylesheets and its
 * scripts with every module they import (Pagefind excluded: it loads when a search runs).
 */
export function firstLoad(urlPath: string): Weighed[] {
  const html = readPage(urlPath);
  const files: Weighed[] = [{ file: urlPath, gzip: gzipSize(html) }];
  const seen = new Set<string>();
  const queue = [
    ...[...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((match) => match[1] ?? ''),
    ...[...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1] ?? ''),
    ...[...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].flatMap((match) => importsOf(urlPath, match[1] ?? '')),
  ];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (seen.has(next) || next.includes('/pagefind/')) continue;
    seen.add(next);
    const file = path.join(distDir, next);
    if (!existsSync(file)) throw new Error(`${urlPath} loads ${next}, which is not in dist/`);
    const source = readFileSync(file);
    files.push({ file: next, gzip: gzipSize(source) });
    if (next.endsWith('.js')) queue.push(...importsOf(next, source.toString('utf8')));
  }
  return files;
}

/** Every file under dist/, as paths relative to it. */
export function distFiles(dir = distDir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? distFiles(full) : [path.relative(distDir, full)];
  });
}
