/**
 * Escapes text for a Mermaid label: `;` ends a statement and `#` starts an entity there, and
 * angle brackets would be read as HTML, so they become Mermaid's `#…;` entity codes.
 */
const ENTITIES: Record<string, string> = { '#': '#35;', ';': '#59;', '"': '#quot;', '<': '#lt;', '>': '#gt;' };

export function mermaidText(text: string): string {
  // One pass, so the `;` of an entity just written is not escaped again.
  return text.replace(/\s*\n\s*/g, ' ').replace(/[#;"<>]/g, (character) => ENTITIES[character]!);
}

/** A Mermaid node or participant name from a kebab-case id (a hyphen would read as an arrow). */
export function mermaidId(id: string): string {
  return id.replace(/-/g, '_');
}
