import { decodeTaint, decodeVerboseTaint, moduleFlagMeaning } from './taint.ts';
import type { LoadedModule, OopsReport } from './report-types.ts';

type Metadata = Pick<OopsReport, 'taint' | 'kernel' | 'hardware' | 'cpu' | 'pid' | 'comm' | 'modules'>;

// What print_tainted() (kernel/panic.c) writes: `Not tainted`, or `Tainted: ` and one column
// per flag, a letter or a blank (squeezed by some consoles), Red Hat's own flags after `-` runs.
// A garbled console can glue it to the task name (`kworker/u2:0Tainted:`). The column is bounded
// (twenty flags and Red Hat's dozen) so a hostile line of blanks cannot make the match quadratic.
const TAINT = String.raw`(?:Not tainted|Tainted: ?([A-Z \-]{0,64}?))`;
// `Kdump: loaded` (kexec_crash_loaded()) sits before the taint on some kernels and after it on others.
const KDUMP = String.raw`(?:Kdump: loaded )?`;
// The release (init_utsname()->release), in parentheses on 2.6.2x kernels, or what stands in for
// it where whoever shared the log redacted it (`<KERNEL_VERSION>`, `syzkaller`). A word in lower
// case cannot be taken for a taint letter; only a release that starts with its version is kept.
const RELEASE = String.raw` +${KDUMP}\(?(\d[^\s)]*|<[A-Z_]{1,32}>|[a-z][^\s)]{0,64})`;
const release = (text: string | undefined) => (text !== undefined && /^\d/.test(text) ? text : undefined);

// lib/dump_stack.c dump_stack_print_info():
// `CPU: 57 PID: 0 Comm: swapper/57 Tainted: G    B D    OE     5.8.0-33-generic #36-Ubuntu`
// `CPU: 1 UID: 0 PID: 21961 Comm: syz-executor4 Not tainted 6.10.0-rc4 #49`
// `CPU: 21 PID: 0 Comm: swapper/21 Kdump: loaded Tainted: P           OE  ------------   3.10.0-1062.el7.x86_64 #1`
const CPU_LINE = new RegExp(String.raw`^CPU: (\d+) (?:UID: \d+ )?PID: (-?\d+) Comm: (.{1,64}?) ?${KDUMP}${TAINT}${RELEASE}`);
// Kernels before 3.10 (x86 __show_regs(), show_regs_print_info()):
// `Pid: 912, comm: X Tainted: P           O 3.1.0-0.rc9.git0.0.fc16.x86_64 #1 Dell Inc. OptiPlex 755`
const PID_LINE = new RegExp(String.raw`^Pid: (\d+), comm: (.{1,64}?) ?${TAINT}${RELEASE}`);
// 32-bit ARM before 3.10 (arch/arm/kernel/process.c __show_regs()): `CPU: 0    Not tainted  (2.6.32-17-ridgerun #22)`,
// after `Pid: 1, comm:              swapper`.
const ARM_CPU_LINE = new RegExp(String.raw`^CPU: (\d+) +${TAINT} +\((\d[^\s)]*)`);
// powerpc's register dump (arch/powerpc/kernel/process.c __show_regs()) prints the taint after
// the trap: `REGS: c000000fffdc7d60 TRAP: 0e60   Tainted: G   M                (6.0.0-dirty)`.
const PPC_REGS = new RegExp(String.raw`^REGS: [0-9a-fA-F]{1,16} TRAP: [0-9a-fA-F]{1,8} +${TAINT} *\((\d[^\s)]*)\)`);
// A `CPU:` line a console garbled before its taint (`PID: p`, a task name glued on): the taint and
// the release after it are still what print_tainted() and the release wrote.
const GARBLED_CPU_LINE = new RegExp(String.raw`^CPU: (\d+) .{1,120}?${TAINT}${RELEASE}`);
const PID_ONLY = /^Pid: (\d+), comm: {0,20}(\S.{0,63}?)\s*$/;
// The lock validator's print_kernel_ident() (kernel/locking/lockdep.c): `5.15.0-rc2-syzkaller #0 Not tainted`.
const IDENT_LINE = new RegExp(String.raw`^(\d+\.\d+[^\s]*) #\S+ ${TAINT}\s*$`);
// A taint with the release after it, the rest of the `CPU:` line lost or on the line before.
const TAINTED_ONLY = new RegExp(String.raw`^\s*${TAINT}${RELEASE}(?: #|$| )`);
// The old WARNING line ends in the taint alone: `WARNING: at kernel/x.c:1 f+0x1/0x2() (Not tainted)`.
const TAINT_IN_PARENS = /\((?:Not tainted|Tainted: ([A-Z \-]{0,64}))\)\s*$/;
// The slab allocator's banner (mm/slub.c slab_bug()): `BUG kmalloc-8 (Tainted: G    B         ): Object already free`.
const SLAB_BANNER_TAINT = /^BUG [^\s()]{1,64} \((?:Not tainted|Tainted: ([A-Z \-]{0,64}))\): /;
// Kernels since 6.9 spell the flags out on the line after `CPU:`: `Tainted: [W]=WARN, [O]=OOT_MODULE`.
const VERBOSE_TAINT = /^Tainted: ((?:\[[A-Z]\]=[A-Z_]+(?:, )?)+)/;
// x86-64 kernels before 3.x print the CPU on a line of its own before `Pid:` (`CPU 1 `), i386 ones
// before 2.6.25 with a colon (`CPU:    0`, arch/i386/kernel/traps.c show_registers()).
const OLD_CPU = /^CPU:? +(\d+)\s*$/;
// The same i386 dump puts the taint after the instruction pointer and the release after the flags:
// `EIP:    0060:[<c022a7b5>]    Not tainted VLI`, `EFLAGS: 00010202   (2.6.18-8.el5 #1)`.
const EIP_TAINT = new RegExp(String.raw`^EIP: +[0-9a-fA-F]{4}:\[<[0-9a-fA-F]{8}>\] +${TAINT}(?: VLI)?\s*$`);
const EFLAGS_RELEASE = /^EFLAGS: [0-9a-fA-F]{8} +\((\d[^\s)]*)/;
// `Process modprobe (pid: 4467, ti=c7878000 …)` (i386, ARM, arm64 before 4.x): the task, when no
// `CPU:` or `Pid:` line named it.
const PROCESS = /^Process (\S.{0,63}?) \(pid: (\d+),/;
// kernel/panic.c __warn() names the CPU and the task: `WARNING: CPU: 0 PID: 6688 at net/x.c:1 f+0x1/0x2`.
const WARNING_LINE = /^WARNING: CPU: (\d+) PID: (\d+) at /;
const HARDWARE = /^Hardware name: (.+)$/;
const MODULES = /^Modules linked in:(.*)$/;
const LAST_UNLOADED = /\[last unloaded: [^\]]*\]?/;
// A module as module_flags() prints it (kernel/module/main.c): `i40e`, `nvidia(POE)`, `radeon(+)(U)`.
const MODULE = /^([A-Za-z0-9_-]{1,64})((?:\([A-Z+-]{1,8}\)){0,3})$/;
// A module name has a lower-case letter or an underscore; a word in capitals or a number
// (`CPU 0`, `RIP`, `Pid`) starts the next line of the report instead.
const MODULE_NAME = /[a-z_]/;

const MAX_TASK_LINE = 1000;

/** Reads the CPU line, taint, hardware and loaded modules from a report's lines. */
export function readMetadata(lines: readonly string[]): Metadata {
  const metadata: Metadata = { modules: [] };
  let inModules = false;
  let verboseTaint: string | undefined;
  let parenthesisedTaint: string | undefined;
  let slabTaint: RegExpExecArray | undefined;
  let warning: RegExpExecArray | undefined;
  let process: RegExpExecArray | undefined;
  for (const line of lines) {
    if (inModules) {
      // print_modules() goes on with pr_cont(); a logger or a terminal can break that line, and
      // its continuations hold nothing but module names (indented or not, `[last unloaded: x]` last).
      const more = moduleContinuation(line);
      if (more) {
        for (const module of more.modules) metadata.modules.push(module);
        inModules = !more.ended;
        continue;
      }
      inModules = false;
    }
    // Each line is tried against the patterns its first characters allow: most lines of a report
    // are frames and dumps that none of them fits.
    const modules = line.startsWith('Modules') ? MODULES.exec(line) : null;
    if (modules && metadata.modules.length === 0) {
      const list = modules[1] ?? '';
      for (const module of parseModules(list.replace(LAST_UNLOADED, ''))) metadata.modules.push(module);
      inModules = !LAST_UNLOADED.test(list);
      continue;
    }
    // The task and taint lines are short; a longer line is something else (and not worth the regexes).
    if (line.length > MAX_TASK_LINE) continue;
    if (metadata.cpu === undefined && metadata.pid === undefined) {
      const cpu = line.startsWith('CPU: ') ? CPU_LINE.exec(line) : null;
      if (cpu) {
        metadata.cpu = Number(cpu[1]);
        metadata.pid = Number(cpu[2]);
        metadata.comm = cpu[3] ?? '';
        metadata.taint = decodeTaint(cpu[4] ?? '');
        const kernel = release(cpu[5]);
        if (kernel) metadata.kernel = kernel;
        continue;
      }
    }
    if (metadata.cpu === undefined && line.startsWith('CPU: ')) {
      const arm = ARM_CPU_LINE.exec(line);
      if (arm) {
        metadata.cpu = Number(arm[1]);
        metadata.taint = decodeTaint(arm[2] ?? '');
        metadata.kernel = arm[3] ?? '';
        continue;
      }
      const garbled = line.includes('ainted') ? GARBLED_CPU_LINE.exec(line) : null;
      if (garbled) {
        metadata.cpu = Number(garbled[1]);
        metadata.taint = decodeTaint(garbled[2] ?? '');
        const kernel = release(garbled[3]);
        if (kernel) metadata.kernel = kernel;
        continue;
      }
    }
    if (metadata.taint === undefined && line.startsWith('REGS: ')) {
      const regs = PPC_REGS.exec(line);
      if (regs) {
        metadata.taint = decodeTaint(regs[1] ?? '');
        if (regs[2] && metadata.kernel === undefined) metadata.kernel = regs[2];
        continue;
      }
    }
    if (metadata.pid === undefined && line.startsWith('Pid: ')) {
      const only = PID_LINE.test(line) ? undefined : PID_ONLY.exec(line);
      if (only) {
        metadata.pid = Number(only[1]);
        metadata.comm = only[2] ?? '';
        continue;
      }
    }
    if (metadata.pid === undefined) {
      const pid = line.startsWith('Pid: ') ? PID_LINE.exec(line) : null;
      if (pid) {
        metadata.pid = Number(pid[1]);
        metadata.comm = pid[2] ?? '';
        metadata.taint = decodeTaint(pid[3] ?? '');
        const kernel = release(pid[4]);
        if (kernel) metadata.kernel = kernel;
        continue;
      }
    }
    // Old x86-64 kernels name the CPU on a line of its own next to the `Pid:` line.
    if (metadata.cpu === undefined) {
      const oldCpu = line.startsWith('CPU') ? OLD_CPU.exec(line) : null;
      if (oldCpu) {
        metadata.cpu = Number(oldCpu[1]);
        continue;
      }
    }
    if (metadata.kernel === undefined && line.includes('ainted')) {
      const ident = IDENT_LINE.exec(line);
      const tainted = ident ? undefined : TAINTED_ONLY.exec(line);
      if (ident || tainted) {
        metadata.taint = decodeTaint((ident ? ident[2] : tainted?.[1]) ?? '');
        const kernel = release(ident ? ident[1] : tainted?.[2]);
        if (kernel) metadata.kernel = kernel;
        continue;
      }
    }
    if (line.startsWith('WARNING: CPU')) warning ??= WARNING_LINE.exec(line) ?? undefined;
    if (line.startsWith('Process ')) process ??= PROCESS.exec(line) ?? undefined;
    if (metadata.taint === undefined && line.startsWith('EIP: ')) {
      const eip = EIP_TAINT.exec(line);
      if (eip) metadata.taint = decodeTaint(eip[1] ?? '');
    }
    if (metadata.kernel === undefined && line.startsWith('EFLAGS: ')) {
      const eflags = EFLAGS_RELEASE.exec(line);
      if (eflags?.[1]) metadata.kernel = eflags[1];
    }
    if (line.startsWith('BUG ') && line.includes('ainted')) slabTaint ??= SLAB_BANNER_TAINT.exec(line) ?? undefined;
    if (line.startsWith('Tainted: [')) verboseTaint ??= VERBOSE_TAINT.exec(line)?.[1];
    if (line.includes('ainted') && /\)\s*$/.test(line)) parenthesisedTaint ??= TAINT_IN_PARENS.exec(line)?.[0];
    if (metadata.hardware === undefined && line.startsWith('Hardware')) {
      const hardware = HARDWARE.exec(line);
      if (hardware?.[1]) metadata.hardware = hardware[1].trim();
    }
  }
  // With the `CPU:` line lost (a syslog excerpt), the WARNING line still names the CPU and task.
  if (warning && metadata.cpu === undefined && metadata.pid === undefined) {
    metadata.cpu = Number(warning[1]);
    metadata.pid = Number(warning[2]);
  }
  if (process && metadata.pid === undefined) {
    metadata.pid = Number(process[2]);
    metadata.comm = process[1] ?? '';
  }
  // The spelled-out flags are the same as the `CPU:` line's letters; they stand in when that line
  // is missing or lost its taint column.
  if (verboseTaint !== undefined && !metadata.taint?.letters) metadata.taint = decodeVerboseTaint(verboseTaint);
  if (parenthesisedTaint !== undefined && metadata.taint === undefined) metadata.taint = decodeTaint(TAINT_IN_PARENS.exec(parenthesisedTaint)?.[1] ?? '');
  if (slabTaint && metadata.taint === undefined) metadata.taint = decodeTaint(slabTaint[1] ?? '');
  return metadata;
}

/** The modules on a continuation line of `Modules linked in:`, or undefined when it is not one. */
function moduleContinuation(line: string): { modules: LoadedModule[]; ended: boolean } | undefined {
  const ended = LAST_UNLOADED.test(line);
  const words = line.replace(LAST_UNLOADED, '').trim();
  if (words === '') return ended ? { modules: [], ended } : undefined;
  const list = words.split(/\s+/);
  if (!list.every((word) => MODULE.test(word) && MODULE_NAME.test(word.replace(/\(.*$/, '')))) return undefined;
  return { modules: parseModules(words), ended };
}

function parseModules(list: string): LoadedModule[] {
  const modules: LoadedModule[] = [];
  for (const word of list.trim().split(/\s+/)) {
    const match = MODULE.exec(word);
    if (!match?.[1]) continue;
    const flags = (match[2] ?? '').replace(/[()]/g, '');
    modules.push({ name: match[1], flags, meanings: [...flags].map((flag) => moduleFlagMeaning[flag] ?? flag) });
  }
  return modules;
}

/** Module flags that make a module a suspect: out-of-tree, unsigned, proprietary, forced, staging. */
export function isSuspectModule(module: LoadedModule): boolean {
  return /[POEFC]/.test(module.flags);
}
