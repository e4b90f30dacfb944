import { compile } from '../patterns.ts';
import type { ReportFormat } from './report-format.ts';
import { SANITIZER_SKIP } from './skip-sets.ts';

// Frames only a KASAN report's own stack has.
const KASAN_STACK = /^(?:__)?kasan_report|^__asan_report|^print_address_description|^kasan_check_range$|^check_memory_region/;

/** Sanitizer reports (KASAN, KMSAN, KFENCE, KCSAN, UBSAN): each names the bad access in its header. */
export const sanitizerFormats: readonly ReportFormat[] = [
  {
    // Kernels before 4.11 put the address in the header and the title keeps the symbol as printed.
    name: 'kasan-at-addr',
    hint: 'KASAN:',
    header: compile(String.raw`^BUG: KASAN: ([a-z0-9-]+) in ({FUNC})\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+(?: {SRC})? at addr `),
    title: 'KASAN: {1} in {2} at addr ADDR',
    titleWithAccess: 'KASAN: {1} {Access} in {frame}',
    frameWithAccess: { from: 'header', group: 2 },
    crashClass: (groups, access) => sanitizerClass('KASAN', groups[1] ?? '', access),
    frame: { from: 'none' },
    skip: SANITIZER_SKIP,
    scrubNumbers: true,
    noStackNeeded: true,
  },
  {
    name: 'kasan-double-free',
    hint: 'KASAN: double-free or invalid-free',
    header: compile(String.raw`^BUG: KASAN: double-free or invalid-free in ({FUNC})?`),
    title: 'KASAN: invalid-free in {frame}',
    crashClass: 'KASAN-INVALID-FREE',
    frame: { from: 'header', group: 1 },
    skip: SANITIZER_SKIP,
  },
  {
    name: 'kasan-on-address',
    hint: 'KASAN:',
    header: /^BUG: KASAN: ([a-z0-9-]+) on address/,
    title: 'KASAN: {1} {Access}',
    crashClass: (groups, access) => sanitizerClass('KASAN', groups[1] ?? '', access),
    frame: { from: 'none' },
    skip: SANITIZER_SKIP,
    noStackNeeded: true,
  },
  {
    name: 'kasan',
    hint: 'KASAN:',
    header: compile(String.raw`^BUG: KASAN: ([a-z0-9-]+) in ({FUNC})?`),
    title: 'KASAN: {1}{ Access} in {frame}',
    crashClass: (groups, access) => sanitizerClass('KASAN', groups[1] ?? '', access),
    frame: { from: 'header', group: 2 },
    skip: SANITIZER_SKIP,
    ownStack: KASAN_STACK,
  },
  {
    name: 'kmsan',
    hint: 'KMSAN:',
    header: compile(String.raw`^BUG: KMSAN: ([a-z0-9-]+) in ({FUNC})`),
    title: 'KMSAN: {1} in {frame}',
    crashClass: (groups) => kmsanClass(groups[1] ?? ''),
    frame: { from: 'header', group: 2 },
    skip: [...SANITIZER_SKIP, 'socketBuffers'],
    skipAlso: [/^usb_submit_urb$/, /_copy_to_iter$/, /^simple_copy_to_iter$/, /^copyout/, /^instrument_copy/],
  },
  {
    name: 'kfence',
    hint: 'KFENCE:',
    header: compile(String.raw`^BUG: KFENCE: ([a-z -]+?)(?: (read|write))? in ({FUNC})`),
    title: 'KFENCE: {1}{ 2} in {frame}',
    crashClass: (groups) => sanitizerClass('KFENCE', groups[1] ?? '', groups[2] ?? ''),
    frame: { from: 'header', group: 3 },
    skip: SANITIZER_SKIP,
  },
  {
    // kernel/kcsan/report.c print_report(): a race both sides of which were seen names the two
    // functions, ordered by name and without offsets (`BUG: KCSAN: data-race in f / g`); the kind
    // is `data-race`, or `assert: race` when an ASSERT_EXCLUSIVE_*() annotation caught it.
    name: 'kcsan',
    hint: 'KCSAN:',
    header: compile(String.raw`^BUG: KCSAN: ((?:assert: )?[a-z-]+) in ({FUNC}) / ({FUNC})`),
    title: 'KCSAN: {1} in {2} / {3}',
    crashClass: (groups) => kcsanClass(groups[1] ?? ''),
    frame: { from: 'header', group: 2 },
    skip: SANITIZER_SKIP,
    noStackNeeded: true,
  },
  {
    // A race whose other side was not caught (KCSAN_REPORT_RACE_UNKNOWN_ORIGIN: the value changed
    // under a watchpoint) names one function, with its offset: `BUG: KCSAN: data-race in
    // f+0x1c/0x40`, then `race at unknown origin, with read to 0x… of 8 bytes by task 1 on cpu 0:`.
    name: 'kcsan-one-side',
    hint: 'KCSAN:',
    // (The row above takes the two-sided form; a symbolised log may add the source line here.)
    header: compile(String.raw`^BUG: KCSAN: ((?:assert: )?[a-z-]+) in ({FUNC})`),
    title: 'KCSAN: {1} in {frame}',
    crashClass: (groups) => kcsanClass(groups[1] ?? ''),
    frame: { from: 'header', group: 2 },
    skip: SANITIZER_SKIP,
  },
  {
    // CONFIG_UBSAN_TRAP: the compiler emits a trap instead of a call, and the trap handler names
    // the check (lib/ubsan.c report_ubsan_failure(): `UBSAN: array index out of bounds`,
    // `UBSAN: divide/remainder overflow`, …). x86 (arch/x86/kernel/traps.c handle_bug) prints
    // `<check> at func+0x12/0x30`; the title spells the check as the reporting runtime does.
    name: 'ubsan-trap',
    hint: 'UBSAN: ',
    header: compile(String.raw`^UBSAN: ([A-Za-z][A-Za-z /-]*?) at ({FUNC})\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+`),
    title: 'UBSAN: {1|slug} in {frame}',
    crashClass: 'UBSAN',
    frame: { from: 'header', group: 2 },
    skip: SANITIZER_SKIP,
    noStackNeeded: true,
  },
  {
    // arm64 (arch/arm64/kernel/traps.c ubsan_handler) dies with the check as the oops message:
    // `Internal error: UBSAN: array index out of bounds: 00000000f2005512 [#1] PREEMPT SMP`.
    name: 'ubsan-trap-arm64',
    hint: 'Internal error: UBSAN: ',
    header: /^Internal error: UBSAN: ([A-Za-z][A-Za-z /-]*?): [0-9a-f]+ \[#\d+\]/,
    title: 'UBSAN: {1|slug} in {frame}',
    crashClass: 'UBSAN',
    frame: { from: 'rip' },
    skip: SANITIZER_SKIP,
  },
  {
    name: 'ubsan',
    hint: 'UBSAN:',
    header: /^(?:=+)?UBSAN: ([A-Za-z -]+?) in /,
    title: 'UBSAN: {1|slug} in {frame}',
    crashClass: 'UBSAN',
    frame: { from: 'stack' },
    skip: SANITIZER_SKIP,
    skipAlso: [/^handle_overflow$/, /^handle_(?:null|shift|divrem|out_of_bounds|load_invalid)/],
  },
];

/**
 * Sanitizer classes keep the kind for use-after-free, invalid frees, null dereferences and
 * memory corruption; every other bad access (out-of-bounds, wild, user memory) reduces to the
 * direction of the access, a read when the report does not say.
 */
function sanitizerClass(tool: string, kind: string, access: string): string {
  const parts = [tool];
  const normalized = kind.replace(/^slab-use-after-free$/, 'use-after-free').replace(/ /g, '-');
  if (/use-after-free|null-ptr-deref|invalid-free|double-free|memory-corruption/.test(normalized)) {
    parts.push(normalized.replace(/null-ptr-deref/, 'null-pointer-dereference').replace(/^double-free$/, 'invalid-free'));
  }
  if (!/invalid-free|double-free|corruption/.test(normalized)) parts.push(access || 'read');
  return parts.join('-').toUpperCase();
}

/** KMSAN's classes: uninitialised values, and infoleaks of every flavour. */
function kmsanClass(kind: string): string {
  return /infoleak/.test(kind) ? 'KMSAN-INFO-LEAK' : `KMSAN-${kind}`.toUpperCase();
}

/** KCSAN's classes: assertion failures apart from plain data races. */
function kcsanClass(kind: string): string {
  return kind.startsWith('assert') ? 'KCSAN-ASSERT' : 'KCSAN-DATARACE';
}
