/**
 * What an author writes in place of each `FILL IN:` marker of a case `oopsbook new` scaffolded:
 * values the schema accepts for the fields that take one of a few (severity, architecture,
 * subsystems), a sentence for the rest.
 */
export function fillInMarkers(markdown: string): string {
  return markdown
    .replace(/^severity: .*FILL IN:.*$/m, 'severity: high')
    .replace(/^(\s+- )"FILL IN: CPU architecture[^"]*"$/m, '$1x86_64')
    .replace(/^(\s+- )"FILL IN: kernel subsystems[^"]*"$/m, '$1networking')
    .replace(/"FILL IN: [^"]*"/g, '"Written by the author."')
    .replace(/^FILL IN: .*$/gm, 'Written by the author.');
}
