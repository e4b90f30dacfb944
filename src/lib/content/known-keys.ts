import type { z } from 'astro/zod';

interface Def {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  in?: unknown;
  schema?: unknown;
  options?: unknown[];
}

function defOf(schema: unknown): Def | undefined {
  return (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
}

/** Unwraps optional, default, pipe and refinement layers down to the schema that holds the data. */
function unwrap(schema: unknown): unknown {
  let current = schema;
  for (let depth = 0; depth < 16; depth++) {
    const def = defOf(current);
    if (!def) return current;
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined) ?? def.schema;
    if (inner === undefined || inner === current) return current;
    current = inner;
  }
  return current;
}

/** The field names an object schema accepts at `path` (array indices step into the element), if any. */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current = unwrap(schema);
  for (const key of path) {
    const def = defOf(current);
    if (!def) return [];
    if (typeof key === 'number' && def.type === 'array') current = unwrap(def.element);
    else if (def.type === 'object' && def.shape && typeof key === 'string') current = unwrap(def.shape[key]);
    else return [];
  }
  const def = defOf(current);
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}
