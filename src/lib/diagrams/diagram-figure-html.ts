import { escapeHtml } from '../html/escape-html.ts';
import type { RenderedDiagram } from './render-mermaid.ts';

/**
 * The markup of a rendered diagram: both theme renders, of which CSS shows the one matching the
 * site theme, in a box that scrolls sideways instead of shrinking text below reading size (each
 * SVG publishes its natural width as `--diagram-width`, see hoist-svg-styles.ts).
 */
export function diagramFigureHtml(rendered: RenderedDiagram, label: string): string {
  return [
    `<div class="diagram" role="group" aria-label="${escapeHtml(label)}">`,
    '<div class="diagram-scroll">',
    `<div class="diagram-svg diagram-svg--light">${rendered.light}</div>`,
    `<div class="diagram-svg diagram-svg--dark">${rendered.dark}</div>`,
    '</div>',
    '</div>',
  ].join('');
}
