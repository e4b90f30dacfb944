import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a bare Astro project that renders the same case Markdown with nothing of Oopsbook: one
 * content collection (glob loader, no schema), one page per case showing its title and body, no
 * integrations, and a search page with Pagefind's own default UI (see pagefindUiSearchPage). It
 * uses the project's installed Astro through a `node_modules` symlink, with Astro and Vite cache
 * folders of its own so it starts cold and leaves the project's cache alone.
 */
export function writeBaselineProject(dir: string, casesDir: string, projectNodeModules: string): void {
  mkdirSync(path.join(dir, 'src/pages/cases'), { recursive: true });
  symlinkSync(projectNodeModules, path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'oopsbook-baseline', private: true, type: 'module' }, null, 2));
  writeFileSync(path.join(dir, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';\n\nexport default defineConfig({ site: 'http://localhost:4321', trailingSlash: 'always', cacheDir: './.astro-cache', vite: { cacheDir: './.vite-cache' } });\n`);
  writeFileSync(
    path.join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\n\nexport const collections = {\n  cases: defineCollection({ loader: glob({ pattern: '*.md', base: ${JSON.stringify(casesDir)} }) }),\n};\n`,
  );
  writeFileSync(
    path.join(dir, 'src/pages/cases/[slug].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\n\nexport async function getStaticPaths() {\n  return (await getCollection('cases')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));\n}\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang="en"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head><body><main data-pagefind-body><h1>{entry.data.title}</h1><Content /></main></body></html>\n`,
  );
  writeFileSync(path.join(dir, 'src/pages/search.astro'), pagefindUiSearchPage());
}

/**
 * The baseline's `/search/` page: Pagefind's default UI as its documentation mounts it (the
 * `pagefind-ui.css` and `pagefind-ui.js` that the Pagefind CLI writes into `pagefind/`, then
 * `new PagefindUI({ element })` once the DOM is ready), with the `?q=` query handed to
 * `triggerSearch`. The UI has no URL reading of its own. `debounceTimeoutMs: 0`: the UI waits
 * 300 ms after the last keystroke before it searches, and a query read from the address is not
 * typed, so the UI searches as soon as its Pagefind is ready. Every other option is the UI's
 * default (Pagefind in a web worker, five results, no sub-results). `is:inline` keeps Astro from
 * bundling files that exist only once Pagefind has indexed the build.
 */
export function pagefindUiSearchPage(): string {
  return `---
---
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Search</title>
    <link href="/pagefind/pagefind-ui.css" rel="stylesheet" />
    <script is:inline src="/pagefind/pagefind-ui.js"></script>
  </head>
  <body>
    <h1>Search</h1>
    <div id="search"></div>
    <script is:inline>
      window.addEventListener('DOMContentLoaded', () => {
        const ui = new PagefindUI({ element: '#search', debounceTimeoutMs: 0 });
        const query = new URLSearchParams(location.search).get('q');
        if (query) ui.triggerSearch(query);
      });
    </script>
  </body>
</html>
`;
}
