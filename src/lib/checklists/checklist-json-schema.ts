/**
 * JSON Schema (draft 2020-12) of the checklist JSON export, published at
 * /checklists/checklist.schema.json. Written by hand to match `checklistJson`; the site tests
 * validate every export against it.
 */
export function checklistJsonSchema(schemaUrl: string) {
  const kebab = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaUrl,
    title: 'Oopsbook checklist',
    description: 'A Linux kernel debugging checklist exported by Oopsbook, for runbooks and incident tools.',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'title', 'version', 'source', 'items'],
    properties: {
      id: { type: 'string', pattern: kebab, description: 'Stable checklist id.' },
      title: { type: 'string', minLength: 1, description: 'What the checklist is for.' },
      version: { type: 'string', pattern: '^[0-9a-f]{12}$', description: 'First 12 hex digits of a SHA-256 over the content; changes exactly when the content changes.' },
      source: { type: 'string', pattern: '^https?://', description: 'Absolute URL of the checklist page.' },
      items: {
        type: 'array',
        minItems: 1,
        description: 'The steps, in order.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'text', 'command', 'tool', 'why'],
          properties: {
            id: { type: 'string', pattern: kebab, description: 'Stable step id, also the anchor on the checklist page.' },
            text: { type: 'string', minLength: 1, description: 'What to do.' },
            command: { type: ['string', 'null'], minLength: 1, description: 'Shell command or boot parameters, or null.' },
            tool: { type: ['string', 'null'], pattern: kebab, description: 'Oopsbook tool id, or null.' },
            why: { type: 'string', minLength: 1, description: 'Why the step matters.' },
          },
        },
      },
    },
  } as const;
}
