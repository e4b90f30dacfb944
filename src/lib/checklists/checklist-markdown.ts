import type { ExportedChecklist } from './exported-checklist.ts';

/** A fence longer than any backtick run in the code, so commands containing ``` stay intact. */
function fence(code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
  return '`'.repeat(longest + 1);
}

/**
 * GitHub task-list Markdown for a runbook: the title, the intro, one `- [ ]` item per step with
 * why it matters and its command in a fenced `sh` block indented under it, and a closing line
 * naming the source and version. Item ids travel as HTML comments, which GitHub and most wikis hide.
 */
export function checklistMarkdown(checklist: ExportedChecklist, source: { url: string; version: string }): string {
  const lines = [`# ${checklist.title}`, ''];
  if (checklist.intro) lines.push(checklist.intro, '');
  for (const item of checklist.items) {
    lines.push(`- [ ] ${item.text.replace(/\s*\n\s*/g, ' ')} <!-- ${item.id} -->`);
    lines.push('', `  Why: ${item.why.replace(/\s*\n\s*/g, ' ')}`);
    if (item.command) {
      const marker = fence(item.command);
      lines.push('', `  ${marker}sh`, ...item.command.split('\n').map((line) => (line ? `  ${line}` : '')), `  ${marker}`);
    }
    lines.push('');
  }
  lines.push(`Source: ${source.url} (version ${source.version})`);
  return `${lines.join('\n')}\n`;
}
