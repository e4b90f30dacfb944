import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { installPagefindFetch, type PagefindFetchHost } from '../../src/lib/search/pagefind-fetch.ts';

const origin = 'https://oopsbook.test';
const signed = (text: string) => Buffer.from(`pagefind_dcd${text}`);

/** A page whose network serves fixed files and logs every request that reaches it. */
function fakePage(files: Record<string, Buffer | string>, lang: string | null = 'en') {
  const requests: string[] = [];
  const host: PagefindFetchHost = {
    fetch: async (input) => {
      const url = new URL(String(input), origin);
      requests.push(url.pathname + url.search);
      const body = files[url.pathname];
      return body === undefined ? new Response('not found', { status: 404 }) : new Response(typeof body === 'string' ? body : new Uint8Array(body));
    },
    location: { href: `${origin}/search/?q=x` },
    document: { documentElement: { getAttribute: () => lang } },
  };
  return { host, requests };
}

const entry = JSON.stringify({ version: '1.5.2', languages: { en: { hash: 'en_abc', wasm: 'en', page_count: 9 }, de: { hash: 'de_def', wasm: 'de', page_count: 2 } } });
const site = {
  '/pagefind/pagefind-entry.json': entry,
  '/pagefind/pagefind.en_abc.pf_meta': gzipSync(signed('meta en')),
  '/pagefind/wasm.en.pagefind': gzipSync(signed('wasm en')),
  '/pagefind/fragment/en_1.pf_fragment': gzipSync(signed('{"url":"/cases/a/"}')),
  '/pagefind/index/en_2.pf_index': signed('already inflated'),
};

/** Lets the fake network's responses and their reactions run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const text = async (response: Response) => Buffer.from(await response.arrayBuffer()).toString();

describe('installPagefindFetch', () => {
  it('fetches the entry and the metadata and WebAssembly it names before Pagefind asks, and hands each over once', async () => {
    const { host, requests } = fakePage(site);
    installPagefindFetch(host, '/pagefind/');
    await settle();
    expect(requests.map((request) => request.replace(/\?ts=\d+$/, '?ts=…'))).toEqual([
      '/pagefind/pagefind-entry.json?ts=…',
      '/pagefind/pagefind.en_abc.pf_meta',
      '/pagefind/wasm.en.pagefind',
    ]);
    // Pagefind's own requests, with its own cache-busting query, get the responses already fetched.
    expect(await (await host.fetch('/pagefind/pagefind-entry.json?ts=42')).json()).toEqual(JSON.parse(entry));
    expect(await text(await host.fetch(`${origin}/pagefind/pagefind.en_abc.pf_meta`))).toBe('pagefind_dcdmeta en');
    expect(await text(await host.fetch('/pagefind/wasm.en.pagefind'))).toBe('pagefind_dcdwasm en');
    expect(requests).toHaveLength(3);
    await host.fetch('/pagefind/pagefind-entry.json?ts=43');
    expect(requests).toHaveLength(4);
  });

  it('inflates gzip-compressed Pagefind files and passes everything else through', async () => {
    const { host } = fakePage(site);
    installPagefindFetch(host, '/pagefind/');
    expect(await text(await host.fetch('/pagefind/fragment/en_1.pf_fragment'))).toBe('pagefind_dcd{"url":"/cases/a/"}');
    expect(await text(await host.fetch('/pagefind/index/en_2.pf_index'))).toBe('pagefind_dcdalready inflated');
    expect((await host.fetch('/pagefind/index/en_missing.pf_index')).status).toBe(404);
  });

  it('fetches ahead for the language Pagefind picks', async () => {
    for (const [lang, meta] of [
      ['de-AT', '/pagefind/pagefind.de_def.pf_meta'],
      ['fr', '/pagefind/pagefind.en_abc.pf_meta'],
      ['', '/pagefind/pagefind.en_abc.pf_meta'],
    ] as const) {
      const { host, requests } = fakePage(site, lang);
      installPagefindFetch(host, '/pagefind/');
      await settle();
      expect(requests[1], lang).toBe(meta);
    }
  });
});
