import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.ts';
import { distDir } from '../support/paths.ts';

const session = useBrowserSession();

/** Opens the search page for a query and waits for the status line's final answer. */
async function search(query: string): Promise<{ status: string; excerpts: string[]; marks: string[] }> {
  await session.page.goto(`${session.url}/search/?q=${encodeURIComponent(query)}`);
  const status = session.page.locator('#search-status');
  await status.filter({ hasNotText: /^(Searching…)?$/ }).waitFor();
  return {
    status: (await status.textContent()) ?? '',
    excerpts: await session.page.locator('#search-results li p').allTextContents(),
    marks: await session.page.locator('#search-results mark').allTextContents(),
  };
}

describe('search results that mean what the query says', () => {
  it('answers a word that is on no page with no results, and says so', async () => {
    const found = await search('zzzznotfound');
    expect(found.status).toBe('No page mentions zzzznotfound');
    expect(found.excerpts).toEqual([]);
  });

  it('says first that no case has a searched frame in its stack, and lists only pages that hold it', async () => {
    const found = await search('mlx5e_napi_poll+0x1a/0x200');
    expect(found.status).toMatch(/^No case has mlx5e_napi_poll in its stack; /);
    for (const mark of found.marks) expect(mark.toLowerCase()).toContain('mlx5e_napi_p');
  });

  it('still finds a word the site holds, by its full text', async () => {
    const found = await search('crashkernel');
    expect(found.status).toMatch(/\d+ (results?|pages? mentions?)/);
    expect(found.excerpts.length).toBeGreaterThan(0);
    for (const excerpt of found.excerpts) expect(excerpt.toLowerCase()).toContain('crashkernel');
  });

  it('keeps the Copy buttons out of excerpts and out of the index', async () => {
    const found = await search('crashkernel');
    for (const excerpt of found.excerpts) expect(excerpt).not.toMatch(/Copy\b/);
    // The index itself: each fragment is a gzip of Pagefind's signature and the page's JSON.
    const folder = path.join(distDir, 'pagefind', 'fragment');
    const glued: string[] = [];
    for (const name of await readdir(folder)) {
      const text = gunzipSync(await readFile(path.join(folder, name))).toString('utf8');
      const content = (JSON.parse(text.replace(/^pagefind_dcd/, '')) as { content: string }).content;
      glued.push(...(content.match(/\S{0,20}\S(?:Copy|Copied)\b/g) ?? []));
    }
    expect(glued).toEqual([]);
  });
});
