import * as pagefind from 'pagefind';

/**
 * The pages that carry `data-pagefind-body`: case, symptom, tool, checklist and diagram pages. Pagefind
 * ignores every other page once one page has the attribute, but it still reads and parses them;
 * at thousands of cases the symbol pages alone are hundreds of megabytes of HTML, so only these
 * are handed to it. A site test checks that no page with `data-pagefind-body` falls outside.
 */
export const SEARCHABLE_PAGES = '{cases,symptoms,tools,checklists,diagrams}/*/index.html';

/**
 * Set by `oopsbook build` to a file path: the integration writes the built site's folder there
 * and leaves indexing to the command, which runs it after Astro has exited. A bare `astro build`
 * leaves it unset and indexes in `astro:build:done`.
 */
export const SEARCH_INDEX_HANDOFF_ENV = 'OOPSBOOK_SEARCH_INDEX_HANDOFF';

/** Indexes the built site with Pagefind into `<site>/pagefind/`; any Pagefind error fails the build. */
export async function writeSearchIndex(siteDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir, glob: SEARCHABLE_PAGES });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${siteDir.replace(/\/$/, '')}/pagefind` });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
