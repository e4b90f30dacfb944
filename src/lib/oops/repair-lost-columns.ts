/*
 * A console that drops the first characters of a line (a serial line losing bytes after an idle
 * gap, a pasted screen cut at its left edge) turns `WARNING: possible circular locking dependency
 * detected` into `ARNING: possible…` and `Modules linked in:` into `odules linked in:`, and the
 * report or its metadata is lost. A few long banners that no other text ends like are restored
 * when one to three of their first characters are missing. Nothing else is guessed: a line that
 * merely resembles a banner stays as it is.
 */
const BANNERS: readonly string[] = [
  // kernel/locking/lockdep.c
  'WARNING: possible circular locking dependency detected',
  'WARNING: possible recursive locking detected',
  'WARNING: inconsistent lock state',
  'WARNING: suspicious RCU usage',
  // kernel/module/main.c print_modules(), lib/dump_stack.c
  'Modules linked in:',
  'Hardware name:',
  // kernel/panic.c
  'Kernel panic - not syncing:',
  // arch/x86/mm/fault.c, arch/arm64/mm/fault.c
  'BUG: unable to handle kernel',
  'Unable to handle kernel',
  // arch/x86/kernel/traps.c
  'general protection fault',
];

const MAX_LOST = 3;
// The shortest remainder worth restoring: shorter pieces are too likely to be ordinary words.
const MIN_KEPT = 12;
const KEY = 6;

// The damaged forms, indexed by their first characters so a line costs one lookup.
const damaged = new Map<string, Array<{ banner: string; rest: string }>>();
for (const banner of BANNERS) {
  for (let lost = 1; lost <= MAX_LOST; lost++) {
    const rest = banner.slice(lost);
    if (rest.length < MIN_KEPT) continue;
    const key = rest.slice(0, KEY);
    damaged.set(key, [...(damaged.get(key) ?? []), { banner, rest }]);
  }
}

// The same consoles drop a character inside a line too. The blank between `WARNING: at` and the
// source file (`WARNING: at %s:%d %pS()`, kernel/panic.c warn_slowpath_common() before 3.x) is the
// one whose loss hides a report: `WARNING: atarch/x86/xen/mmu.c:475 xen_make_pte+0x32/0x8e()`.
// Only a word that is a source path with a line number is taken for the file.
const WARNING_AT_GLUED = /^WARNING: at(?=[A-Za-z0-9_][\w.-]{0,64}\/[\w./-]{1,200}\.[chS]:\d{1,6} )/;

/** The line with a banner's lost first characters put back, or the line unchanged. */
export function repairLostColumns(text: string): string {
  if (text.startsWith('WARNING: at') && WARNING_AT_GLUED.test(text)) return `WARNING: at ${text.slice(11)}`;
  const candidates = damaged.get(text.slice(0, KEY));
  if (!candidates) return text;
  const found = candidates.find((candidate) => text.startsWith(candidate.rest));
  return found ? found.banner + text.slice(found.rest.length) : text;
}
