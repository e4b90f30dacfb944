import type { ReportFormat } from './report-format.ts';
import { ARM_UNWINDER, FAULT_SKIP } from './skip-sets.ts';

/** Memory faults and traps: the fault handlers of each architecture and the x86 trap handlers. */
export const faultFormats: readonly ReportFormat[] = [
  {
    // x86 arch/x86/mm/fault.c; arm and arm64 mm/fault.c, RISC-V mm/fault.c, MIPS mm/fault.c
    // (`CPU 0 Unable to handle …`); sparc64 mm/fault_64.c unhandled_fault prints the bare line;
    // powerpc mm/fault.c __bad_page_fault: `BUG: Kernel NULL pointer dereference on read at 0x00000000`;
    // x86-64 before 2.6.18 (arch/x86_64/mm/fault.c) `… dereference at 0000000000000008 RIP: `, the
    // faulting `<address>{function+offset}` on the next line.
    name: 'null-deref',
    hint: 'NULL pointer dereference',
    header: /^BUG: (?:unable to handle kernel NULL pointer dereference|kernel NULL pointer dereference, address|Kernel NULL pointer dereference (?:on (?:read|write) )?at 0x)|^(?:CPU \d+ )?Unable to handle kernel NULL pointer dereference(?: at virtual address| at [0-9a-f]{8,16} RIP:|\s*$)/,
    title: 'BUG: unable to handle kernel NULL pointer dereference in {frame}',
    crashClass: 'NULL-POINTER-DEREFERENCE',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  {
    // arm64 mm/fault.c `… access to user memory outside uaccess routines`, RISC-V `… without uaccess routines`.
    name: 'user-access',
    hint: 'access to user memory',
    header: /^Unable to handle kernel access to user memory/,
    title: 'BUG: unable to handle kernel access to user memory in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  {
    // Every architecture's "the kernel touched a bad address" line: x86 and arm/arm64/RISC-V
    // `… paging request at virtual address`, MIPS with a `CPU n ` prefix; arm64 die_kernel_fault's
    // permission faults (`read from unreadable memory`, `execute from non-executable memory`,
    // `write to read-only memory`); powerpc mm/fault.c, old `… paging request for data at address`
    // and new `BUG: Unable to handle kernel data access on read at`; s390 mm/fault.c
    // `… pointer dereference in virtual kernel address space` (any address, not only NULL);
    // OpenRISC arch/openrisc/mm/fault.c `Unable to handle kernel access at virtual address 0x…`.
    name: 'paging-request',
    hint: 'nable to handle',
    header: /^(?:BUG: unable to handle (?:kernel paging request|page fault for address)|(?:CPU \d+ )?Unable to handle kernel (?:paging request (?:at virtual address|at [0-9a-f]{8,16} RIP:|for (?:data|instruction fetch|unaligned access|unknown fault)|in virtual (?:kernel|user) address space)|access at virtual address|pointer dereference in virtual|read from unreadable memory|execute from non-executable memory|write to read-only memory)|BUG: Unable to handle (?:kernel data access|kernel instruction fetch|kernel unaligned access|unknown paging fault))/,
    title: 'BUG: unable to handle kernel paging request in {frame}',
    crashClass: 'MEMORY_SAFETY_BUG',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  {
    name: 'unable-to-handle',
    hint: 'unable to handle kernel',
    header: /^BUG: unable to handle kernel(?:\s*$|\s+\[)/,
    title: 'BUG: unable to handle kernel',
    crashClass: 'MEMORY_SAFETY_BUG',
    frame: { from: 'none' },
    skip: FAULT_SKIP,
  },
  {
    name: 'general-protection-fault',
    hint: 'general protection fault',
    // arch/x86/kernel/traps.c: the hint is `probably for non-canonical address` or, for a
    // canonical one, `maybe for address`.
    header: /^(?:Oops: )?general protection fault(?:, probably for non-canonical address|, maybe for address| for non-canonical address|:)/,
    title: 'general protection fault in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  {
    name: 'double-fault',
    hint: 'double fault',
    header: /^PANIC: double fault/,
    title: 'PANIC: double fault in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  {
    name: 'divide-error',
    hint: 'divide',
    header: /^(?:Oops: )?divide(?: |_)error: /,
    title: 'divide error in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  {
    name: 'stack-segment',
    hint: 'stack segment',
    header: /^(?:Oops: )?stack segment: /,
    title: 'stack segment fault in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  {
    name: 'int3',
    hint: 'int3',
    header: /^(?:Oops: )?int3: /,
    title: 'int3 in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: [...FAULT_SKIP, 'allocator'],
  },
  {
    name: 'stack-guard',
    hint: 'stack guard page was hit',
    header: /^BUG: (?:TASK |IRQ )?stack guard page was hit at/,
    title: 'BUG: stack guard page was hit in {frame}',
    crashClass: 'DoS',
    // A runaway recursion: blame the entry point that started it, as for a stall.
    frame: { from: 'lockup' },
    skip: [...FAULT_SKIP, 'interrupts', 'locking'],
  },
  {
    name: 'stack-overflow',
    hint: 'kernel stack overflow',
    header: /^(?:BUG|Oops|Insufficient stack space).*kernel stack overflow/,
    title: 'kernel stack overflow in {frame}',
    crashClass: 'DoS',
    frame: { from: 'stack' },
    skip: FAULT_SKIP,
  },
  {
    name: 'arm-unhandled-fault',
    hint: 'Unhandled fault',
    header: /^Unhandled fault: /,
    title: 'Unhandled fault in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  {
    name: 'arm-alignment-trap',
    hint: 'Alignment trap',
    header: /^Alignment trap: /,
    title: 'Alignment trap in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  {
    // s390 arch/s390/kernel/traps.c do_report_trap → dumpstack.c die: a program check in kernel
    // mode, `Unknown program exception: 0028 ilc:2 [#1]` (3.x kernels without `ilc:`).
    name: 's390-program-check',
    hint: 'exception: ',
    header: /^(Unknown program exception|[a-z]+(?: [a-z]+)* exception): [0-9a-f]{4} (?:ilc:\d )?\[#\d+\]/,
    title: '{1} in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  // The die_if_kernel() and terminate messages of architectures without a `[#n]` counter.
  ...[
    // parisc arch/parisc/kernel/traps.c parisc_terminate, for kernel faults (mm/fault.c no_context)
    // and machine checks: `Bad Address (null pointer deref?): Code=15 (Data TLB miss fault) at addr
    // 00000010`, printed after a first backtrace and before show_regs' ` IAOQ[0]:` line.
    { hint: 'Bad Address (null pointer deref?): Code=', header: /^Bad Address \(null pointer deref\?\): Code=\d+ \([^)]*\) at addr [0-9a-fA-F]+/, title: 'BUG: unable to handle kernel paging request in {frame}', crashClass: 'MEMORY_SAFETY_BUG' },
    { hint: ': Code=', header: /^([A-Z][A-Za-z ()]{2,60}?): Code=\d+ \(.{1,80}?\) at addr [0-9a-fA-F]+/, title: '{1} in {frame}', crashClass: 'DoS' },
    // alpha arch/alpha/kernel/traps.c die_if_kernel: `%s(%d): %s %ld`, with `CPU n ` before it on
    // SMP kernels: `modprobe(123): Oops 1` (mm/fault.c), `Kernel Bug 1` (a BUG(), do_entIF).
    { hint: '): Oops ', header: /^(?:CPU \d+ )?\S{1,64}\(\d+\): Oops -?\d+\s*$/, title: 'BUG: unable to handle kernel paging request in {frame}', crashClass: 'MEMORY_SAFETY_BUG', consequence: true },
    { hint: '): Kernel Bug ', header: /^(?:CPU \d+ )?\S{1,64}\(\d+\): Kernel Bug -?\d+\s*$/, title: 'kernel BUG in {frame}', crashClass: 'BUG', consequence: true },
    { hint: ' fault ', header: /^(?:CPU \d+ )?\S{1,64}\(\d+\): (Instruction fault|Arithmetic fault) -?\d+\s*$/, title: '{1} in {frame}', crashClass: 'DoS', consequence: true },
    // parisc die_if_kernel: `swapper (pid 1): Illegal instruction (code 8)` after its ASCII art.
    { hint: ' (code ', header: /^\S.{0,63} \(pid \d+\): ([A-Z][A-Za-z ]{2,60}?) \(code \d+\)\s*$/, title: '{1} in {frame}', crashClass: 'DoS' },
  ].map(
    ({ hint, header, title, crashClass, consequence }: { hint: string; header: RegExp; title: string; crashClass: string; consequence?: boolean }): ReportFormat => ({
      name: 'die-if-kernel',
      hint,
      header,
      title,
      crashClass,
      frame: { from: 'rip' },
      skip: FAULT_SKIP,
      // alpha prints its die line after the fault line that names the report.
      ...(consequence ? { consequence } : {}),
    }),
  ),
  {
    // RISC-V arch/riscv/kernel/traps.c do_trap_error → die: `Oops - illegal instruction [#1]`.
    name: 'riscv-trap',
    hint: 'Oops',
    header: /^Oops - ([a-z][A-Za-z ()-]*?) \[#\d+\]/,
    title: '{1} in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  /*
   * The die() banners that follow a fault line. Alone (the lines before them lost), each still
   * says what happened, so they start a report only when none is open.
   */
  {
    // arm64 arch/arm64/kernel/traps.c bug_brk_handler → die("Oops - BUG"), 32-bit ARM
    // arch/arm/kernel/traps.c the same: a BUG() whose `kernel BUG at` line is missing. Older
    // arm64 kernels said `BRK handler` with the ESR of `brk #0x800`, the BUG immediate
    // (arch/arm64/include/asm/brk-imm.h BUG_BRK_IMM).
    name: 'arm-bug-banner',
    hint: 'Internal error:',
    header: /^Internal error: (?:Oops - BUG: |BRK handler: (?:00000000)?f2000800 )/,
    title: 'kernel BUG in {frame}',
    crashClass: 'BUG',
    frame: { from: 'rip' },
    skip: [...FAULT_SKIP, 'allocator'],
    consequence: true,
  },
  {
    // arm64 traps.c __die `Internal error: Oops: 0000000096000005 [#1] PREEMPT SMP` after a
    // kernel fault (mm/fault.c die_kernel_fault), 32-bit ARM `Internal error: Oops: 805 [#1]`,
    // `Oops - bad mode`, `Oops - undefined instruction`. Titled as syzbot titles the banner with
    // other messages (`Internal error: synchronous external abort:` → `Internal error in clear_page`).
    name: 'arm-oops-banner',
    hint: 'Oops',
    header: /^Internal error: Oops\b/,
    title: 'Internal error in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
    consequence: true,
  },
  {
    // die("Oops") is printed only by the page-fault path on these architectures, so the banner
    // alone still means a kernel paging request: x86 `Oops: 0002 [#1] SMP` (arch/x86/mm/fault.c),
    // s390 `Oops: 0004 ilc:3 [#1]` (arch/s390/mm/fault.c), powerpc `Oops: Kernel access of bad
    // area, sig: 11 [#1]` (arch/powerpc/mm/fault.c), MIPS `Oops[#1]:` (arch/mips/mm/fault.c),
    // RISC-V `Oops [#1]` (arch/riscv/mm/fault.c), OpenRISC `Oops#: 0001` (arch/openrisc/kernel/traps.c die);
    // x86-64 before 2.6.18 printed the count without `#`: `Oops: 0000 [1] SMP`; m68k
    // arch/m68k/kernel/traps.c die_if_kernel prints `%s: %08x`: `Oops: 00000000` (mm/fault.c).
    name: 'fault-oops-banner',
    hint: 'Oops',
    header: /^(?:Oops: (?:[0-9a-f]{4} (?:ilc:\d )?\[#?\d+\]|Kernel access of bad area, sig: \d+ \[#\d+\])|Oops ?\[#\d+\]:?\s*$|Oops#: [0-9a-f]{4}\s*$|Oops: [0-9a-f]{8}\s*$)/,
    title: 'BUG: unable to handle kernel paging request in {frame}',
    crashClass: 'MEMORY_SAFETY_BUG',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
    consequence: true,
  },
  {
    // sparc64 arch/sparc/kernel/traps_64.c die_if_kernel, after its ASCII-art banner:
    // `swapper(0): Oops [#1]`, printed for kernel faults by mm/fault_64.c unhandled_fault.
    name: 'sparc-oops-banner',
    hint: 'Oops',
    header: /^\S+\(\d+\): Oops \[#\d+\]/,
    title: 'BUG: unable to handle kernel paging request in {frame}',
    crashClass: 'MEMORY_SAFETY_BUG',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
    consequence: true,
  },
  ...[
    // MIPS arch/mips/kernel/traps.c do_bp → die_if_kernel("Kernel bug detected"): BUG() whose
    // `kernel BUG at` line is missing; RISC-V arch/riscv/kernel/traps.c prints `Kernel BUG [#1]`.
    { hint: 'Kernel bug detected', header: /^Kernel bug detected\[#\d+\]:/ },
    { hint: 'Kernel BUG [', header: /^Kernel BUG \[#\d+\]/ },
    // LoongArch arch/loongarch/kernel/traps.c bug_handler → die_if_kernel("Oops - BUG"), printed
    // by die() as `%s[#%d]:`.
    { hint: 'Oops - BUG[', header: /^Oops - BUG\[#\d+\]:/ },
  ].map(
    ({ hint, header }): ReportFormat => ({
      name: 'bug-banner',
      hint,
      header,
      title: 'kernel BUG in {frame}',
      crashClass: 'BUG',
      frame: { from: 'rip' },
      skip: [...FAULT_SKIP, 'allocator'],
      consequence: true,
    }),
  ),
  {
    // powerpc arch/powerpc/kernel/traps.c: a trap instruction in kernel mode (BUG()) ends in
    // _exception → die("Exception in kernel mode", regs, SIGTRAP).
    name: 'powerpc-trap-banner',
    hint: 'Oops',
    header: /^Oops: Exception in kernel mode, sig: 5 \[#\d+\]/,
    title: 'kernel BUG in {frame}',
    crashClass: 'BUG',
    frame: { from: 'rip' },
    skip: [...FAULT_SKIP, 'allocator'],
    consequence: true,
  },
  // Every other die() banner, titled by its message: powerpc `Oops: Machine check, sig: 7 [#1]`
  // (traps.c die), s390 `illegal operation: 0001 ilc:1 [#1]` (dumpstack.c die).
  ...[
    { hint: 'Oops', header: /^Oops: ([A-Z][A-Za-z ]+?), sig: \d+ \[#\d+\]/ },
    { hint: 'ilc:', header: /^([a-z]+(?: [a-z]+)*): [0-9a-f]{4} ilc:\d \[#\d+\]/ },
    // MIPS arch/mips/kernel/traps.c and LoongArch arch/loongarch/kernel/traps.c die() print
    // `%s[#%d]:` alone on a line: `Reserved instruction in kernel code[#1]:`, `Kernel ade access[#1]:`.
    { hint: '[#', header: /^([A-Z][A-Za-z ]{2,60}?)\[#\d+\]:\s*$/ },
    // m68k die_if_kernel for a trap in supervisor mode (bad_super_trap): `BAD KERNEL TRAP: 00000000`.
    { hint: 'BAD KERNEL TRAP', header: /^(BAD KERNEL TRAP): [0-9a-f]{8}\s*$/ },
  ].map(
    ({ hint, header }): ReportFormat => ({
      name: 'die-banner',
      hint,
      header,
      title: '{1} in {frame}',
      crashClass: 'DoS',
      frame: { from: 'rip' },
      skip: FAULT_SKIP,
      consequence: true,
    }),
  ),
  /*
   * A register dump with every header line before it lost (a pasted excerpt): the faulting
   * instruction's line is printed by each architecture's die() path (see frame-shapes.ts), so a
   * report starts there when none is open, named after the function it shows (LoongArch's
   * `  ERA:` line, arch/loongarch/kernel/traps.c __show_regs, among them).
   */
  ...['pc : ', 'PC is at ', 'NIP [', 'Krnl PSW : ', 'epc   : ', 'epc : ', 'TPC: <', 'ERA: '].map(
    (hint): ReportFormat => ({
      name: 'register-dump',
      hint,
      ...(hint === 'ERA: ' ? { indentedHeader: true as const } : {}),
      header: /^(?:pc : |PC is at |NIP \[[0-9a-fA-F]+\] |Krnl PSW : [0-9a-fA-F]+ [0-9a-fA-F]+ \(|epc {1,3}: (?:[0-9a-fA-F]+ )?|TPC: <|\s*ERA: [0-9a-fA-F]+ )\.?[A-Za-z_]\w*\+0x/,
      title: 'Oops in {frame}',
      crashClass: 'DoS',
      frame: { from: 'rip' },
      skip: FAULT_SKIP,
      consequence: true,
      givesWay: true,
    }),
  ),
];

/*
 * A pasted excerpt that starts inside a report, every header line cut off: its first lines are a
 * stack memory dump (`3fe0: 00000000 00000000 …`, printed by arch/arm/kernel/traps.c dump_mem and
 * arch/arm64 4.x show_stack only on the die() and exception paths) or the frames themselves.
 * Not in the header table: parse-oops.ts tries it only when a log holds no other report.
 */
export const stackExcerptFormat: ReportFormat = {
  name: 'stack-excerpt',
  hint: ':',
  header: /^\s*[0-9a-fA-F]{4}:?(?: +[0-9a-fA-F]{8}(?:[0-9a-fA-F]{8})?){2,8}\s*$/,
  title: 'Oops in {frame}',
  crashClass: 'DoS',
  frame: { from: 'stack' },
  // With the header lost nothing says which helpers this kind of report looks past (a lock or
  // allocator helper is innocent of a WARN about its caller, not of every fault): the excerpt is
  // named after its top frame outside the reporting and unwinding machinery.
  skip: ['reporting', 'sanitizers', 'entry'],
  skipOnly: true,
  skipAlso: ARM_UNWINDER,
};
