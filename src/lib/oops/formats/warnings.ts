import { compile } from '../patterns.ts';
import type { ReportFormat } from './report-format.ts';
import { WARN_SKIP } from './skip-sets.ts';

/** Warnings: WARN() banners and messages; the source file decides the subkind, see warning-kinds.ts. */
export const warningFormats: readonly ReportFormat[] = [
  {
    // kernel/panic.c __warn(): `WARNING: CPU: 0 PID: 1 at kernel/x.c:12 func+0x1/0x2` (3.x to
    // 6.18), `WARNING: at kernel/x.c:12 func()` before, `WARNING: kernel/x.c:12 at func+0x1/0x2,
    // CPU#0: comm/1` from 6.19. A log that lost the space after `at` (`WARNING: atarch/x86/…`)
    // still has the path's slash to tell it from a word that starts with `at`. Since 6.19 the
    // file may follow the WARN_ON condition in brackets (`WARNING: [time_after(jiffies, t)]
    // io_uring/io_uring.c:3026 at …`); the function may carry its module (`[nf_tables]`) or,
    // in a symbolised log, its source line before `, CPU#`.
    name: 'warning',
    hint: 'WARNING:',
    header: compile(
      String.raw`^WARNING: (?:CPU: \d+ (?:UID: \d+ )?PID: -?\d+ at ({SRC}) ?({FUNC})?|at(?: |(?=[a-z0-9_]+/))({SRC})(?: ({FUNC}))?|(?:\[(?:[^[\]]|\[[^[\]]*\])*\] )?({SRC}) at (?:0x0|({FUNC})\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+)(?: \[[\w-]+\])?(?: {SRC})?, CPU#)`,
    ),
    title: 'WARNING in {frame}',
    crashClass: 'WARNING',
    frame: { from: 'header', group: 2 },
    skip: WARN_SKIP,
  },
  {
    // __warn() (kernel/panic.c) when the WARN site has no file and line (CONFIG_DEBUG_BUGVERBOSE
    // off, or __WARN_printf from assembly): `WARNING: CPU: 3 PID: 1 at func+0x12/0x34 [mod]`;
    // since 6.19 `WARNING: at func+0x12/0x34, CPU#3: comm/1` (with a file the banner is
    // `WARNING: kernel/x.c:12 at func+0x12/0x34, CPU#3: comm/1`, the row above).
    name: 'warning-at-function',
    hint: 'WARNING: ',
    header: compile(String.raw`^WARNING: (?:CPU: \d+ (?:UID: \d+ )?PID: -?\d+ |(?=at [^,]{1,200}, CPU#\d))at ({FUNC})\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+`),
    title: 'WARNING in {frame}',
    crashClass: 'WARNING',
    frame: { from: 'header', group: 1 },
    skip: WARN_SKIP,
  },
  {
    // WARN_ON() of 2.6.18 to 2.6.25 (include/asm-generic/bug.h): `BUG: warning at
    // kernel/softirq.c:141/local_bh_enable()`; before that `Badness in local_bh_enable at
    // kernel/softirq.c:140`.
    name: 'warning-old-bug-at',
    hint: 'warning at ',
    header: compile(String.raw`^BUG: warning at {SRC}/({FUNC})\(\)`),
    title: 'WARNING in {frame}',
    crashClass: 'WARNING',
    frame: { from: 'header', group: 1 },
    skip: WARN_SKIP,
  },
  {
    name: 'warning-badness',
    hint: 'Badness in ',
    header: compile(String.raw`^Badness in ({FUNC}) at {SRC}`),
    title: 'WARNING in {frame}',
    crashClass: 'WARNING',
    frame: { from: 'header', group: 1 },
    skip: WARN_SKIP,
  },
  {
    // kmemcheck (arch/x86/mm/kmemcheck, 2.6.31 to 4.14): `WARNING: kmemcheck: Caught 32-bit read
    // from uninitialized memory (ffff88003e4a2024)`, the shadow bytes, then the registers and
    // the stack of the read. The state (uninitialized, freed, unallocated) names the bug.
    name: 'kmemcheck',
    hint: 'kmemcheck: Caught',
    header: /^WARNING: kmemcheck: Caught \d+-bit read from (\w+) memory/,
    title: 'WARNING: kmemcheck: read from {1} memory in {frame}',
    crashClass: 'WARNING',
    frame: { from: 'rip' },
    skip: WARN_SKIP,
  },
  {
    // arch/x86/mm/extable.c ex_handler_rdmsr_unsafe / ex_handler_wrmsr_unsafe: an RDMSR or WRMSR
    // that faulted (the CPU or the hypervisor does not have that model-specific register) and
    // was fixed up, printed once with the stack (show_stack_regs): `unchecked MSR access error:
    // WRMSR to 0xd51 (tried to write 0x0000000000000064) at rIP: 0xffffffffae059994
    // (native_write_msr+0x4/0x20)`. The instruction is in an accessor (arch/x86/include/asm/msr.h,
    // the x2APIC register helpers of asm/apic.h, arch/x86/lib/msr*.c); its caller chose the
    // register, so it is the one to name (6.16 renamed the accessors `rdmsrq`/`wrmsrq`).
    name: 'unchecked-msr-access',
    hint: 'unchecked MSR access error',
    // A mail or a commit message may wrap the line before `at rIP:`; the stack still names the caller.
    header: compile(String.raw`^unchecked MSR access error: (RDMSR from|WRMSR to) 0x[0-9a-fA-F]+(?: \(tried to write 0x[0-9a-fA-F]+\))?(?: at rIP: 0x[0-9a-fA-F]+ \(({FUNC})(?:\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+)?(?: \[[\w-]+\])?\))?`),
    title: 'unchecked MSR access error in {frame}',
    crashClass: 'WARNING',
    frame: { from: 'header', group: 2 },
    skip: WARN_SKIP,
    // The fault was fixed up (the read returns 0, the write is dropped) and the kernel carries
    // on: a crash later in the log is what the log is about.
    minor: true,
    skipAlso: [/^(?:native_|paravirt_|xen_)?(?:read|write)_msr(?:_safe)?$/, /^(?:native_)?(?:rd|wr)msr[lq]?(?:_safe)?(?:_on_cpu)?$/, /^__(?:rd|wr)msr/, /^native_apic_msr_(?:read|write|eoi)/, /^msr_(?:read|write)$/],
  },
  {
    name: 'warning-message',
    consequence: true,
    hint: 'WARNING: ',
    header: /^(?:[a-z0-9_-]+ [0-9.:-]+: )?WARNING: ([A-Za-z][^:]*?)\s*$/,
    title: 'WARNING: {1}',
    crashClass: 'WARNING',
    frame: { from: 'none' },
    skip: WARN_SKIP,
    noStackNeeded: true,
  },
  {
    // The frame-pointer unwinder's complaint about a stack it cannot walk.
    name: 'unwinder-bad-stack',
    hint: 'WARNING: kernel stack',
    header: /^WARNING: kernel stack (?:regs|frame pointer) at .* has bad/,
    title: 'WARNING: kernel stack regs has bad value',
    crashClass: 'WARNING',
    frame: { from: 'none' },
    skip: [],
    noStackNeeded: true,
  },
  {
    // SLUB debugging's object history, when the report it belongs to was lost (`** N printk
    // messages dropped **`): the allocation or free site and its age.
    name: 'slub-object-history',
    hint: 'INFO: ',
    header: compile(String.raw`^INFO: (Allocated|Freed) in ({FUNC})\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+ (age=\d+ cpu=\d+ pid=\d+)`),
    title: 'INFO: {1} in {2} {3}',
    crashClass: 'DoS',
    frame: { from: 'none' },
    skip: [],
    consequence: true,
    scrubNumbers: true,
    noStackNeeded: true,
  },
];
