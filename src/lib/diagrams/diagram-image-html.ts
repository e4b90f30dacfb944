import { escapeHtml } from '../html/escape-html.ts';
import { DIAGRAM_THEMES } from './mermaid-config.ts';
import type { RenderedDiagram } from './render-mermaid.ts';

/** The natural size of a rendered SVG, from its viewBox. */
function svgSize(svg: string): { width: number; height: number } | undefined {
  const box = /\sviewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  return box ? { width: Math.round(Number(box[1])), height: Math.round(Number(box[2])) } : undefined;
}

/**
 * A diagram as two lazily loaded images, one per theme, of which CSS shows the one matching the
 * site theme. Pages that only point at a diagram (a case page) stay light this way: the hidden
 * theme's image is never fetched, and the SVG is not part of the page's own bytes.
 */
export function diagramImageHtml(rendered: RenderedDiagram, href: (theme: string) => string, alt: string): string {
  const images = DIAGRAM_THEMES.map((theme) => {
    const size = svgSize(rendered[theme]);
    const dimensions = size ? ` width="${size.width}" height="${size.height}"` : '';
    return `<img class="diagram-img diagram-svg--${theme}" src="${escapeHtml(href(theme))}" alt="${escapeHtml(alt)}"${dimensions} loading="lazy" decoding="async">`;
  });
  return `<div class="diagram"><div class="diagram-scroll">${images.join('')}</div></div>`;
}
