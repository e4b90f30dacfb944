import { renderedDiagramsDir } from '../lib/content/content-paths.ts';
import { generateDiagram, type GeneratedDiagram } from '../lib/diagrams/generate-diagram.ts';
import { checkDiagramSpecs, readDiagramSources } from '../lib/diagrams/read-diagram-specs.ts';
import { createMermaidRenderer, type RenderedDiagram } from '../lib/diagrams/render-mermaid.ts';
import type { ValidDiagramSpec } from '../lib/diagrams/validate-diagram-spec.ts';

/** A diagram ready for its page: the spec, its Mermaid source and verdict, and both SVGs. */
export type SiteDiagram = ValidDiagramSpec & GeneratedDiagram & { svg: RenderedDiagram };

let diagrams: Promise<SiteDiagram[]> | undefined;

/**
 * Every valid diagram spec with its SVGs, loaded once per build. The integration has already
 * rendered them all into the cache, so this reads files and starts no browser.
 */
export function loadDiagrams(): Promise<SiteDiagram[]> {
  diagrams ??= (async () => {
    const { diagrams: specs } = checkDiagramSpecs(readDiagramSources());
    const renderer = createMermaidRenderer({ cacheDir: renderedDiagramsDir() });
    try {
      const out: SiteDiagram[] = [];
      for (const spec of specs) {
        const generated = generateDiagram(spec.spec);
        out.push({ ...spec, ...generated, svg: await renderer.render(generated.mermaid, spec.displayPath) });
      }
      return out.sort((a, b) => a.spec.title.localeCompare(b.spec.title));
    } finally {
      await renderer.close();
    }
  })();
  return diagrams;
}
