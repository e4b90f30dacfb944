/**
 * Removes what the logging path put in front of a kernel message, in order: a syslog or
 * journalctl header (`Apr  6 02:50:06 host kernel: `, with microseconds for `-o short-precise`),
 * an ISO-8601 journal header, a fuzzer or console tool's date (`2018/01/09 14:28:48 `), a bare
 * `kernel: `, `dmesg -x` facility and level (`kern  :warn  : `), `dmesg -T` human time
 * (`[Sat Apr  6 02:50:06 2024] `), the printk timestamp (`[ 3107.388125]`), the caller id
 * (`[ T1234]`, `[  C0]`, CONFIG_PRINTK_CALLER) and a `<4>` log level. Each step is optional.
 */
const prefixes: readonly RegExp[] = [
  /^[A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}:\d{2}(?:\.\d+)? \S+ kernel: ?/,
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})? \S+ kernel: ?/,
  /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? /,
  /^kernel: ?/,
  /^(?:kern|user|daemon|syslog|local\d)\s*:(?:emerg|alert|crit|err|warn|notice|info|debug)\s*: /,
  /^\[[A-Z][a-z]{2} [A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}:\d{2} \d{4}\] ?/,
  /^<\d+>/,
  // A login prompt the console printed just before the kernel line.
  /^\S+ login: /,
  /^\[ *\d+\.\d+\] ?/,
  /^\[ *[TC]\d+\] ?/,
  // Another writer's text can precede a console line: `syzkaller login: [   50.946624] WARNING: …`.
  /^[^[]{1,200}?\[ *\d+\.\d{6}\](?:\[ *[TC]\d+\])? ?/,
];

export function stripLogPrefix(line: string): string {
  let rest = line.replace(/\r$/, '');
  for (const prefix of prefixes) rest = rest.replace(prefix, '');
  return rest;
}

// `[  771.746713][T15335]` or `[  771.755252][    C1]`: the printk caller id (CONFIG_PRINTK_CALLER).
const CALLER = /^[^\[]{0,200}?\[ *\d+\.\d+\]\[ *([TC]\d+)\]/;

/** The task (`T1234`) or CPU (`C0`) that printed a console line, when the kernel records it. */
export function logCaller(line: string): string | undefined {
  return CALLER.exec(line)?.[1];
}
