import { compile } from './patterns.ts';

/*
 * The ways kernels of each architecture print a stack frame, the faulting instruction and the
 * link register, as small named shapes. Every shape uses the same named groups: `fn` the
 * function, `off` and `size` the offset into it and its size, `mod` its module, `src` a
 * symbolised source location, `inline` for `[inline]`, `unsure` (x86 `?`) and `stale` (powerpc
 * `(unreliable)`) for markers saying the unwinder could not vouch for the frame, and `caller`
 * for the frame 32-bit ARM prints on the same line.
 */

/**
 * A module name as `%pS` prints it inside brackets, optionally followed by flags: `i40e`, `wl(PO)`.
 * Kernels from 5.19 with CONFIG_STACKTRACE_BUILD_ID print frames with `%pSb` (lib/vsprintf.c,
 * kernel/kallsyms.c sprint_backtrace_build_id), adding the module's build id in hex after a space:
 * `[bcachefs 5c3d…]`.
 */
const MOD = String.raw`(?<mod>[A-Za-z0-9_-]+)(?:\([A-Z]+\))?(?: [0-9a-fA-F]{8,64})?`;
const OFF = String.raw`\+0x(?<off>[0-9a-fA-F]+)(?:/0x(?<size>[0-9a-fA-F]+))?`;
// powerpc64 ELFv1 kernels print function descriptors' dot symbols: `.eeh_report_error+0x98/0x110`.
const DOT = String.raw`\.?`;

/** A demangled Rust path: `kernel::foo::bar`, `<T as Trait>::method`, `…::{{closure}}`. */
const RUST_PATH = String.raw`(?:<[^()\n]{1,200}?>|[A-Za-z_]\w*)(?:::(?:[A-Za-z_]\w*|\{\{closure\}\}))+`;

/** One way a frame line is printed. */
export interface FrameShape {
  name: string;
  /** A literal the line must contain for the shape to be tried; keeps the per-line cost low. */
  needs?: string;
  /** The first non-blank character of every line of this shape, a cheaper test than `needs`. */
  opens?: string;
  pattern: RegExp;
  /** Every frame of this shape is one the unwinder could not vouch for. */
  unsure?: boolean;
}

/** Frame lines of a call trace, tried in order; the first that matches reads the line. */
export const traceShapes: readonly FrameShape[] = [
  {
    // Most architectures, tried first as the commonest: up to two bracketed addresses (powerpc
    // prints the stack pointer and the return address, sparc64 one address without `<>`, x86
    // with `<>`, `[]` when a paste ate them), an optional `?` (x86: not vouched for), the symbol, a module, a source location
    // from symbolisation, `[inline]`; some vendor kernels add `[sp+ size]` before the address.
    // Trailing markers: powerpc `(unreliable)` for a first return address that may be stale,
    // arm64 `(P)` for the interrupted PC (arch/arm64/kernel/stacktrace.c), `()` from old WARNs.
    name: 'address-columns',
    pattern: compile(
      String.raw`^\s*(?:\[[0-9a-fA-F]+\+\s*\d+\])?(?:\[<?[0-9a-fA-F]*>?\]\s*){0,2}(?<unsure>\?\s+)?${DOT}(?<fn>{FUNC})(?:${OFF})?(?:\s+\[${MOD}\])?(?:\s+(?<src>{SRC}))?(?<inline>\s+\[inline\])?\s*(?:(?:\(\)|(?<stale>\(unreliable\))|\(P\))\s*)?$`,
    ),
  },
  {
    // A trace run through scripts/decode_stacktrace.sh, as users paste it: the address columns
    // are dropped and `+0x…/0x…` becomes the addr2line location(s), innermost inline first, with
    // the module's name after them, no brackets: `? __schedule (kernel/sched/core.c:5382)`,
    // `dump_stack_lvl (lib/dump_stack.c:107 (discriminator 1))`, `foo_rx (drivers/x/foo.c:12) foo`.
    // The script demangles Rust symbols (llvm-cxxfilt) into paths:
    // `<kernel::sync::arc::Arc<T> as core::ops::drop::Drop>::drop (rust/kernel/sync/arc.rs:190)`.
    name: 'decoded-source',
    needs: ' (',
    pattern: compile(
      String.raw`^\s*(?:\[<?[0-9a-fA-F]*>?\]\s*){0,2}(?<unsure>\?\s+)?(?<fn>{FUNC}|${RUST_PATH}) \((?<src>{SRC})(?: \(discriminator \d+\))?(?: {SRC}(?: \(discriminator \d+\))?){0,16}\)(?:\s+\[?(?<mod>[A-Za-z0-9_-]+)\]?)?\s*$`,
    ),
  },
  {
    // 32-bit ARM, arch/arm/kernel/traps.c dump_backtrace_entry with CONFIG_BACKTRACE_VERBOSE:
    // `[<c0269b80>] (__wake_up_common) from [<c0269eb8>] (__wake_up_common_lock+0x84/0x108)`;
    // 3.x kernels printed the function's own offset and no space:
    // `[<c00151e8>](unwind_backtrace+0x0/0xf8) from`.
    name: 'arm-verbose-unwind',
    opens: '[',
    pattern: compile(
      String.raw`^\s*\[<[0-9a-fA-F]+>\] ?\((?<fn>{FUNC})(?:${OFF})?(?: \[${MOD}\])?\) from \[<[0-9a-fA-F]+>\] ?\((?<caller>[^()]{1,200})\)`,
    ),
  },
  {
    // 32-bit ARM without CONFIG_BACKTRACE_VERBOSE prints `%ps from %pS`: `__schedule from schedule+0x20/0xac`.
    name: 'arm-terse-unwind',
    needs: ' from ',
    pattern: compile(
      String.raw`^\s*(?<fn>{FUNC})(?: \[${MOD}\])? from (?<caller>{FUNC}\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+(?: \[[A-Za-z0-9_-]+\])?)\s*$`,
    ),
  },
  {
    // sparc arch/sparc/kernel/traps_64.c (and traps_32.c) die_if_kernel walks the register
    // windows itself: `Caller[000000000042ba5c]: do_sys_open+0x13c/0x200`.
    name: 'sparc-register-window',
    opens: 'C',
    pattern: compile(String.raw`^\s*Caller\[[0-9a-fA-F]+\]: (?<fn>{FUNC})${OFF}(?: \[${MOD}\])?\s*$`),
  },
  {
    // s390 before 4.x, arch/s390/kernel/dumpstack.c: the return address found in a register
    // rather than in a stack frame is printed in parentheses and may be stale:
    // `([<0000000000112c1a>] show_trace+0x62/0x78)`.
    name: 's390-register-return',
    opens: '(',
    unsure: true,
    pattern: compile(String.raw`^\s*\(\[<[0-9a-fA-F]+>\] (?<fn>{FUNC})${OFF}(?: \[${MOD}\])?\)\s*$`),
  },
];

/*
 * Lines naming the faulting instruction, one prefix per architecture's register dump; after
 * the prefix come optional bracketed addresses, then `function+0xoff/0xsize [module]`.
 */
const faultPrefixes: readonly string[] = [
  // x86-64 arch/x86/kernel/dumpstack.c show_ip: `RIP: 0010:foo+0x1/0x2`, before 4.x
  // `RIP: 0010:[<…>]  [<…>] foo+0x…`.
  String.raw`RIP: [0-9a-fA-F]{4}:`,
  // x86 before 4.x printed `IP: [<…>] foo+0x…` in the page-fault header.
  String.raw`IP: `,
  // i386 arch/x86/kernel/dumpstack_32.c: `EIP: [<c0123456>] foo+0x…/0x… SS:ESP`,
  // `EIP: 0060:[<…>]`, `EIP is at foo+0x…`.
  String.raw`EIP: (?:[0-9a-fA-F]{4}:)?`,
  String.raw`EIP is at `,
  // arm64 arch/arm64/kernel/process.c __show_regs: `pc : foo+0x1c/0x30 [mod]`.
  String.raw`pc : `,
  // 32-bit ARM arch/arm/kernel/process.c __show_regs: `PC is at foo+0x…`.
  String.raw`PC is at `,
  // powerpc arch/powerpc/kernel/process.c show_regs: `NIP [c000000000123456] foo+0x…`.
  String.raw`NIP \[[0-9a-fA-F]+\] ${DOT}`,
  // powerpc arch/powerpc/kernel/process.c show_stack marks where an exception interrupted the
  // code below it: `--- interrupt: 901 at arch_local_irq_restore+0x1c/0x30`, the interrupted
  // instruction inside a trace, as x86 prints a `RIP:` line there; 2.6 kernels said
  // `--- Exception: 901 at .raw_local_irq_restore+0x…`.
  String.raw`--- (?:interrupt|Exception): [0-9a-fA-F]+ at ${DOT}`,
  // MIPS arch/mips/kernel/traps.c __show_regs `epc   : 80123456 foo+0x…`, RISC-V
  // arch/riscv/kernel/process.c `epc : foo+0x…`.
  String.raw`epc\s*: (?:[0-9a-fA-F]+ )?`,
  // s390 arch/s390/kernel/dumpstack.c show_registers:
  // `Krnl PSW : 0704c00180000000 000000000012a4b6 (cpu_relax+0x6/0x8)`.
  String.raw`Krnl PSW : [0-9a-fA-F]+ [0-9a-fA-F]+ \(`,
  // sparc64 arch/sparc/kernel/process_64.c show_regs: `TPC: <foo+0x…/0x…>`.
  String.raw`TPC: <`,
  // LoongArch arch/loongarch/kernel/traps.c __show_regs: `  ERA: 9000000000231abc foo+0x1c/0x60`,
  // the exception return address, printed after the `   ra: …` line.
  String.raw`ERA: [0-9a-fA-F]+ `,
  // parisc arch/parisc/kernel/traps.c show_regs: ` IAOQ[0]: foo+0x…/0x…`, the instruction address
  // queue's front.
  String.raw`IAOQ\[0\]: `,
  // m68k arch/m68k/kernel/traps.c show_registers: `PC: [<0012abcd>] foo+0x1c/0x30`.
  String.raw`PC: `,
  // alpha arch/alpha/kernel/traps.c dik_show_regs: `pc is at foo+0x1c/0x30`.
  String.raw`pc is at `,
];

/*
 * Lines naming the return address register: the caller of the faulting function, which names
 * the culprit when the faulting instruction has no symbol (firmware, secure world, a wild jump).
 */
const linkPrefixes: readonly string[] = [
  // arm64 __show_regs `lr : foo+0x…`; 32-bit ARM `LR is at foo+0x…`.
  String.raw`lr : `,
  String.raw`LR is at `,
  // powerpc show_regs: `LR [c000000000123400] foo+0x…`.
  String.raw`LR \[[0-9a-fA-F]+\] ${DOT}`,
  // MIPS `ra    : 80123400 foo+0x…`; RISC-V ` ra : foo+0x…`; LoongArch `   ra: 9000… foo+0x…`.
  String.raw`ra\s*: (?:[0-9a-fA-F]+ )?`,
  // sparc64 `RPC: <foo+0x…>`.
  String.raw`RPC: <`,
  // alpha `ra is at foo+0x…`; parisc ` RP(r2): foo+0x…`.
  String.raw`ra is at `,
  String.raw`RP\(r2\): `,
];

// A garbled console can drop the offset digits (`epc : xas_create+0x ra : …`); the `+0x` still
// marks a symbol, where a bare hex word after `epc:` is an unsymbolised address.
const REGISTER_TAIL = String.raw`(?:\[<[0-9a-fA-F]+>\]\s*){0,2}(?<fn>{FUNC})\+0x(?<off>[0-9a-fA-F]*)(?:/0x(?<size>[0-9a-fA-F]+))?(?:\s+\[${MOD}\])?(?:\s+(?<src>{SRC}))?`;

/** The faulting-instruction line of any architecture's register dump. */
export const faultLine = compile(String.raw`^\s*(?:${faultPrefixes.join('|')})${REGISTER_TAIL}`);

/** The faulting-instruction line after scripts/decode_stacktrace.sh: `RIP: 0010:foo (arch/x86/foo.c:12)`. */
export const decodedFaultLine = compile(String.raw`^\s*(?:${faultPrefixes.join('|')})(?<fn>{FUNC}|${RUST_PATH}) \((?<src>{SRC})`);

/** The link-register line of any architecture's register dump. */
export const linkLine = compile(String.raw`^\s*(?:${linkPrefixes.join('|')})${REGISTER_TAIL}`);

/*
 * x86-64 kernels before 2.6.18 (arch/x86_64/kernel/traps.c printk_address) printed several frames
 * per line, `<address>{function+decimal offset}`, a module's as `{:module:function+offset}`,
 * starting on the `Call Trace:` line itself: `Call Trace:<ffffffff80110d4c>{die+57} <…>{…}`;
 * the register dump said `RIP: 0010:[<ffffffff8013f0f4>] <ffffffff8013f0f4>{__wake_up+56}`.
 */
export const braceFrame = compile(String.raw`<[0-9a-fA-F]{8,16}>\{(?::(?<mod>[A-Za-z0-9_-]+):)?(?<fn>{FUNC})\+(?<dec>\d+)\}`, 'g');

/** A line of such frames, optionally opened by `Call Trace:` or the `RIP:` of the register dump. */
export const braceFrameLine = compile(String.raw`^\s*(?<lead>Call Trace:|RIP: [0-9a-fA-F]{4}:\[<[0-9a-fA-F]+>\])?\s*(?:<[0-9a-fA-F]{8,16}>\{[^{}<>]{1,200}\}\s*){1,8}$`);
