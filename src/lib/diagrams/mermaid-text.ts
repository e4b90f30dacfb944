/**
 * Escapes text for a Mermaid label: `;` ends a statement and `#` starts an entity there, and
 * angle brackets would be read as HTML, so they become Mermaid's `#…;` entity codes.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/#/g, '#35;')
    .replace(/;/g, '#59;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;');
}

/** A Mermaid node or participant name from a kebab-case id (a hyphen would read as an arrow). */
export function mermaidId(id: string): string {
  return id.replace(/-/g, '_');
}
