import type { Loader, LoaderContext } from 'astro/loaders';

/**
 * Astro's glob loader, storing less per entry. The Markdown renderer keeps the raw frontmatter a
 * second time in `rendered.metadata.frontmatter` (the `remarkPluginFrontmatter` of `render()`),
 * which the site never reads; at ten thousand cases that copy, logs included, would be a third of
 * the content store the build bundles and parses again. With `retainBody: false` the raw Markdown,
 * already rendered, is left out too.
 */
export function leanGlobLoader(inner: Loader): Loader {
  return {
    name: `lean-${inner.name}`,
    load: (context: LoaderContext) => {
      const store = context.store;
      const lean: LoaderContext['store'] = new Proxy(store, {
        get(target, property, receiver) {
          if (property !== 'set') return Reflect.get(target, property, receiver);
          return (entry: Parameters<typeof store.set>[0]) =>
            target.set(
              entry.rendered ? { ...entry, rendered: { ...entry.rendered, metadata: { ...entry.rendered.metadata, frontmatter: {} } } } : entry,
            );
        },
      });
      return inner.load({ ...context, store: lean });
    },
  };
}
