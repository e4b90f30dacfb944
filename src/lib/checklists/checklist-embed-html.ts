import { escapeHtml } from '../html/escape-html.ts';
import { inlineMarkdownToHtml, markdownToHtml } from '../html/markdown-to-html.ts';
import type { ExportedChecklist } from './exported-checklist.ts';

/**
 * The only policy the page needs: it loads nothing and runs nothing, so a runbook tool can frame
 * it without trusting Oopsbook. Inline styles are the one exception.
 */
export const EMBED_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

// Light by default, dark when the reader's system is; print is black on white with boxes to tick.
const styles = `
:root { color-scheme: light dark; --fg: #1d2329; --muted: #56606b; --bg: #ffffff; --line: #d5dbe1; --code-bg: #f3f5f7; --accent: #0b5cad; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e9ec; --muted: #a3adb8; --bg: #14181c; --line: #333b44; --code-bg: #1f252b; --accent: #7db7f0; }
}
* { box-sizing: border-box; }
body { margin: 0; padding: 1rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.25rem; margin: 0 0 0.5rem; }
.intro { color: var(--muted); margin-bottom: 1rem; }
.intro p { margin: 0 0 0.5rem; }
ol { list-style: none; margin: 0; padding: 0; }
li { border-top: 1px solid var(--line); padding: 0.6rem 0; }
label { display: flex; gap: 0.5rem; align-items: baseline; font-weight: 600; cursor: pointer; }
input[type="checkbox"] { width: 1rem; height: 1rem; flex: none; }
input[type="checkbox"]:checked + span { text-decoration: line-through; color: var(--muted); }
.why { margin: 0.25rem 0 0 1.5rem; color: var(--muted); }
pre { margin: 0.4rem 0 0 1.5rem; padding: 0.5rem 0.6rem; background: var(--code-bg); border-radius: 4px; overflow-x: auto; }
code { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
pre code { white-space: pre-wrap; overflow-wrap: anywhere; }
footer { border-top: 1px solid var(--line); margin-top: 0.5rem; padding-top: 0.5rem; font-size: 0.85rem; color: var(--muted); }
a { color: var(--accent); }
@media print {
  :root { --fg: #000; --muted: #333; --bg: #fff; --line: #999; --code-bg: #fff; --accent: #000; }
  body { padding: 0; font-size: 11pt; }
  li { break-inside: avoid; }
  pre { border: 1px solid #999; white-space: pre-wrap; }
  pre code { white-space: pre-wrap; }
  input[type="checkbox"]:checked + span { text-decoration: none; color: #000; }
  footer a::after { content: " (" attr(href) ")"; }
}
`;

/**
 * A complete HTML page for an iframe: no site chrome, no script, no external request, one inline
 * stylesheet. Checkboxes work without JavaScript; each item keeps its id as anchor.
 */
export function checklistEmbedHtml(checklist: ExportedChecklist, source: { url: string; version: string }): string {
  const items = checklist.items
    .map((item) => {
      const command = item.command ? `\n    <pre><code>${escapeHtml(item.command)}</code></pre>` : '';
      return `  <li id="${escapeHtml(item.id)}">
    <label><input type="checkbox" name="${escapeHtml(item.id)}"> <span>${inlineMarkdownToHtml(item.text)}</span></label>
    <p class="why">${inlineMarkdownToHtml(item.why)}</p>${command}
  </li>`;
    })
    .join('\n');
  const intro = checklist.intro ? `<div class="intro">${markdownToHtml(checklist.intro)}</div>\n` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${EMBED_CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${escapeHtml(checklist.title)}</title>
<style>${styles}</style>
</head>
<body>
<main>
<h1>${escapeHtml(checklist.title)}</h1>
${intro}<ol class="checklist">
${items}
</ol>
</main>
<footer><p>Source: <a href="${escapeHtml(source.url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(source.url)}</a> · version <code>${escapeHtml(source.version)}</code></p></footer>
</body>
</html>
`;
}
