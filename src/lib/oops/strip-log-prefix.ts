/**
 * Removes what the logging path put in front of a kernel message, in order: a syslog header
 * (`Apr  6 02:50:06 host kernel: `), a bare `kernel: ` (journalctl -k -o cat style exports),
 * the printk timestamp (`[ 3107.388125]`) and the caller id (`[ T1234]`, `[  C0]`,
 * CONFIG_PRINTK_CALLER). Each step is optional.
 */
const prefixes: readonly RegExp[] = [
  /^[A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}:\d{2} \S+ kernel: ?/,
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})? \S+ kernel: ?/,
  /^kernel: ?/,
  /^\[ *\d+\.\d+\] ?/,
  /^\[ *[TC]\d+\] ?/,
];

export function stripLogPrefix(line: string): string {
  let rest = line.replace(/\r$/, '');
  for (const prefix of prefixes) rest = rest.replace(prefix, '');
  return rest;
}
