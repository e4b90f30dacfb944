/**
 * Checks a value against the subset of JSON Schema the checklist schema uses: type (one or a
 * list, including null), required, properties, additionalProperties: false, items, minItems,
 * minLength and pattern. Any other keyword is refused rather than ignored, so the schema cannot
 * grow a rule this check would silently skip. Returns one message per violation.
 */
type Schema = Record<string, unknown>;

const annotations = new Set(['$schema', '$id', 'title', 'description']);
const understood = new Set(['type', 'required', 'properties', 'additionalProperties', 'items', 'minItems', 'minLength', 'pattern']);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

export function checkJsonSchema(schema: Schema, value: unknown, at = '$'): string[] {
  const errors: string[] = [];
  for (const keyword of Object.keys(schema)) {
    if (!annotations.has(keyword) && !understood.has(keyword)) throw new Error(`${at}: schema keyword "${keyword}" is not supported by this check`);
  }
  if (schema.type !== undefined) {
    const allowed = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    const actual = typeOf(value);
    if (!allowed.includes(actual) && !(actual === 'integer' && allowed.includes('number'))) {
      errors.push(`${at}: expected ${allowed.join(' or ')}, got ${actual}`);
      return errors;
    }
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) errors.push(`${at}: shorter than ${schema.minLength}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${at}: does not match ${schema.pattern}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${at}: fewer than ${schema.minItems} items`);
    if (schema.items && typeof schema.items === 'object') value.forEach((item, index) => errors.push(...checkJsonSchema(schema.items as Schema, item, `${at}[${index}]`)));
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in object)) errors.push(`${at}: missing ${key}`);
    for (const [key, member] of Object.entries(object)) {
      const property = properties[key];
      if (property) errors.push(...checkJsonSchema(property, member, `${at}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${at}: unexpected property ${key}`);
    }
  }
  return errors;
}
