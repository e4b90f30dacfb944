import { escapeHtml } from '../html/escape-html.ts';
import { symbolHref } from '../symbols/symbol-href.ts';
import { segmentLogLine } from './segment-log-line.ts';

/**
 * A log as the lines of a `<pre>`: each line a `<span class="line">`, each frame's function a link
 * to its symbol page, everything else escaped text. Built as one string because a case page has
 * hundreds of log lines: as template nodes, rendering them would be most of a case page's build time.
 */
export function logLinesHtml(log: string, base: string): string {
  return log
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => {
      const segments = segmentLogLine(line).map((segment) =>
        segment.symbol ? `<a href="${escapeHtml(symbolHref(segment.symbol, base))}">${escapeHtml(segment.text)}</a>` : escapeHtml(segment.text),
      );
      return `<span class="line">${segments.join('')}</span>\n`;
    })
    .join('');
}
