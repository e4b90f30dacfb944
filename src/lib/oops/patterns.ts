/**
 * Named pieces of the kernel's report grammar, composed into the format table's patterns.
 * Each is a regex source string; `compile` turns a template with `{NAME}` slots into a RegExp.
 */
export const pieces = {
  /** A C function name, with GCC clone suffixes (`.isra.0`, `.cold`, `.constprop.3`). */
  FUNC: String.raw`[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*`,
  /** Offset into a function and optionally its size: `+0x1f/0x80`. */
  OFFSET: String.raw`\+0x[0-9a-fA-F]+(?:/0x[0-9a-fA-F]+)?`,
  /** A kernel address as printed: `ffffffff816606a8`, `0xffff88801d2c4000`, `00000000deadbeef`. */
  ADDR: String.raw`(?:0x)?[0-9a-fA-F]{8,16}`,
  /** A source location: `mm/page_alloc.c:1042`, `./include/linux/skbuff.h:2069`. */
  SRC: String.raw`[A-Za-z0-9_./-]+\.(?:c|h|S|rs):\d+`,
  /** A task name as printed in reports, which may contain spaces and brackets. */
  COMM: String.raw`[^\n]{1,64}?`,
} as const;

export type PieceName = keyof typeof pieces;

/** Compiles `{FUNC}` style templates into a RegExp; unknown names are left as written. */
export function compile(template: string, flags = ''): RegExp {
  return new RegExp(template.replace(/\{([A-Z]+)\}/g, (whole, name: string) => (name in pieces ? pieces[name as PieceName] : whole)), flags);
}
