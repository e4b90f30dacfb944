import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDiagrams } from '../../../data/diagrams.ts';
import { DIAGRAM_THEMES } from '../../../lib/diagrams/mermaid-config.ts';

/** Each diagram as a standalone SVG file per theme, for pages that show it as an image. */
export const getStaticPaths = (async () => {
  const diagrams = await loadDiagrams();
  return diagrams.flatMap((diagram) => DIAGRAM_THEMES.map((theme) => ({ params: { id: diagram.id, theme }, props: { svg: diagram.svg[theme] } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { svg: string }).svg, { headers: { 'content-type': 'image/svg+xml' } });
