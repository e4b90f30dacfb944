import { describe, expect, it } from 'vitest';
import { parseOops } from '../../src/lib/oops/parse-oops.ts';

// Minimal reports in each architecture's own words (the printk formats of its fault and trap
// handlers); the golden fixtures hold the real, longer logs.
const titles = (log: string) => parseOops(log).map((report) => report.title);

describe('fault reports of every architecture', () => {
  it('sparc64: unhandled_fault, die_if_kernel banner, TPC/RPC registers, register-window callers', () => {
    const log = [
      'Unable to handle kernel NULL pointer dereference',
      'tsk->{mm,active_mm}->context = 0000000000000000',
      '              \\|/ ____ \\|/',
      '              "@\'/ .. \\`@"',
      'swapper(0): Oops [#1]',
      'CPU: 0 PID: 0 Comm: swapper Not tainted 4.1.0 #1',
      'TSTATE: 0000004480001605 TPC: 00000000004a1234 TNPC: 00000000004a1238 Y: 00000000    Not tainted',
      'TPC: <foo_lookup+0x14/0x40>',
      'RPC: <foo_open+0x30/0x60>',
      'Caller[0000000000456789]: foo_open+0x30/0x60',
      'Caller[000000000045abcd]: do_sys_open+0x10/0x20',
      'Instruction DUMP: 9de3bf40  f25e6018  80a66000 <c4066008> 02400012',
    ].join('\n');
    expect(titles(log)).toEqual(['BUG: unable to handle kernel NULL pointer dereference in foo_lookup']);
    expect(parseOops(log)[0]?.frames.map((frame) => frame.normalized)).toEqual(['foo_lookup', 'foo_open', 'do_sys_open']);
    // The banner alone, the fault line lost.
    expect(titles(log.split('\n').slice(4).join('\n'))).toEqual(['BUG: unable to handle kernel paging request in foo_lookup']);
  });

  it('powerpc: new NULL-pointer line, the die banner alone', () => {
    const log = [
      'Kernel attempted to read user page (8) - exploit attempt? (uid: 0)',
      'BUG: Kernel NULL pointer dereference on read at 0x00000008',
      'Faulting instruction address: 0xc0000000008b6a8c',
      'Oops: Kernel access of bad area, sig: 11 [#1]',
      'NIP:  c0000000008b6a8c LR: c0000000008b6a7c CTR: 0000000000000000',
      'NIP [c0000000008b6a8c] foo_read+0x2c/0x90',
      'LR [c0000000008b6a7c] foo_read+0x1c/0x90',
      'Call Trace:',
      '[c000000013a9fb50] [c0000000008b6a7c] foo_read+0x1c/0x90 (unreliable)',
      '[c000000013a9fb90] [c0000000005a1234] vfs_read+0xc4/0x1f0',
      '--- interrupt: c00 at 0x7fff9c123456',
    ].join('\n');
    expect(titles(log)).toEqual(['BUG: unable to handle kernel NULL pointer dereference in foo_read']);
    expect(titles(log.split('\n').slice(3).join('\n'))).toEqual(['BUG: unable to handle kernel paging request in foo_read']);
  });

  it('s390: any-address pointer dereference, Krnl PSW, Last Breaking-Event-Address ends the trace', () => {
    const log = [
      'Unable to handle kernel pointer dereference in virtual kernel address space',
      'Failing address: 0000000000000000 TEID: 0000000000000483',
      'Fault in home space mode while using kernel ASCE.',
      'Oops: 0004 ilc:2 [#1] SMP ',
      'Krnl PSW : 0404c00180000000 000000000042707a (refill_obj_stock+0x11a/0x1e0)',
      'Call Trace:',
      ' [<000000000042707a>] refill_obj_stock+0x11a/0x1e0 ',
      ' [<0000000000427350>] obj_cgroup_uncharge+0x20/0x30',
      'Last Breaking-Event-Address:',
      ' [<0000000000426f8c>] other_function+0x2c/0x1e0',
    ].join('\n');
    const [report] = parseOops(log);
    expect(report?.title).toBe('BUG: unable to handle kernel paging request in refill_obj_stock');
    expect(report?.frames.map((frame) => frame.normalized)).toEqual(['refill_obj_stock', 'refill_obj_stock', 'obj_cgroup_uncharge']);
    expect(titles('illegal thing\nspecification exception: 0006 ilc:2 [#1] SMP\nKrnl PSW : 0704c00180000000 000000000012a4b6 (foo_bar+0x6/0x8)\nCall Trace:\n [<000000000012a4b6>] foo_bar+0x6/0x8')).toEqual([
      'specification exception in foo_bar',
    ]);
  });

  it('OpenRISC: the fault line, its Oops#: banner, an unsymbolised PC and a symbolised trace', () => {
    const log = 'Unable to handle kernel access at virtual address 0x00000004\n\nOops#: 0000\nCPU #: 0\n   PC: c03c1694    SR: 00008a7f    SP: d89a3c90\nCall trace:\n[<c03c1694>] foo_poll+0x70/0x1bc\n[<c0004abc>] do_sys_poll+0x10/0x20';
    expect(titles(log)).toEqual(['BUG: unable to handle kernel paging request in foo_poll']);
    expect(titles(log.split('\n').slice(2).join('\n'))).toEqual(['BUG: unable to handle kernel paging request in foo_poll']);
  });

  it('other die() banners alone are titled by their message', () => {
    const ppc = 'NIP [c000000000123456] foo_ioctl+0x2c/0x90\nCall Trace:\n[c000000013a9fb50] [c0000000008b6a7c] foo_ioctl+0x1c/0x90';
    expect(titles(`Oops: Exception in kernel mode, sig: 5 [#1]\n${ppc}`)).toEqual(['kernel BUG in foo_ioctl']);
    expect(titles(`kernel BUG at drivers/foo.c:10!\nOops: Exception in kernel mode, sig: 5 [#1]\n${ppc}`)).toEqual(['kernel BUG in foo_ioctl']);
    expect(titles(`Oops: Machine check, sig: 7 [#1]\n${ppc}`)).toEqual(['Machine check in foo_ioctl']);
    expect(titles('illegal operation: 0001 ilc:1 [#1] SMP\nKrnl PSW : 0704c00180000000 000000000012a4b6 (foo_bar+0x6/0x8)\nCall Trace:\n [<000000000012a4b6>] foo_bar+0x6/0x8')).toEqual([
      'illegal operation in foo_bar',
    ]);
  });

  it('MIPS and RISC-V: BUG() banners alone, RISC-V trap banners', () => {
    const mips = 'Kernel bug detected[#1]:\nCPU: 0 PID: 1 Comm: init Not tainted 3.18.29 #6\nepc   : 8003ab3c foo_free+0x4/0xc\nra    : 80036f64 foo_release+0x14/0xbc\nCall Trace:\n[<8003ab3c>] foo_free+0x4/0xc\n[<80036f64>] foo_release+0x14/0xbc';
    expect(titles(mips)).toEqual(['kernel BUG in foo_free']);
    expect(titles(`kernel BUG at mm/foo.c:12!\n${mips}`)).toEqual(['kernel BUG in foo_free']);
    const riscv = 'Oops - illegal instruction [#1]\nCPU: 0 PID: 1 Comm: init Not tainted 6.1.0 #1\nepc : foo_probe+0x2a/0x5c\n ra : really_probe+0x8e/0x2d0\nepc : ffffffff8040a1b2 ra : ffffffff805b1c3e sp : ff2000000000bb40\nCall Trace:\n[<ffffffff8040a1b2>] foo_probe+0x2a/0x5c\n[<ffffffff805b1c3e>] really_probe+0x8e/0x2d0';
    expect(titles(riscv)).toEqual(['illegal instruction in foo_probe']);
    expect(titles(riscv.replace('illegal instruction', 'store (or AMO) access fault'))).toEqual(['store (or AMO) access fault in foo_probe']);
    expect(titles(riscv.replace('Oops - illegal instruction [#1]', 'Kernel BUG [#1]'))).toEqual(['kernel BUG in foo_probe']);
  });

  it('arm64: permission faults, the Oops - BUG banner with and without its kernel BUG line', () => {
    const body = 'pc : foo_write+0x1c/0x88\nlr : foo_ioctl+0xa4/0x118\nsp : ffff800011ce3de0\nCall trace:\n foo_write+0x1c/0x88\n foo_ioctl+0xa4/0x118';
    expect(titles(`Unable to handle kernel write to read-only memory at virtual address ffff800008e1a000\nInternal error: Oops: 9600004f [#1] PREEMPT SMP\n${body}`)).toEqual([
      'BUG: unable to handle kernel paging request in foo_write',
    ]);
    expect(titles(`Internal error: Oops - BUG: 00000000f2000800 [#1] PREEMPT SMP\n${body}`)).toEqual(['kernel BUG in foo_write']);
    expect(titles(`kernel BUG at drivers/foo.c:10!\nInternal error: Oops - BUG: 00000000f2000800 [#1] PREEMPT SMP\n${body}`)).toEqual(['kernel BUG in foo_write']);
    expect(titles(`Internal error: Oops: 0000000096000005 [#1] PREEMPT SMP\n${body}`)).toEqual(['Internal error in foo_write']);
    // Older arm64: `BRK handler` with the ESR of the BUG immediate; any other BRK is a plain internal error.
    expect(titles(`kernel BUG at drivers/foo.c:10!\nInternal error: BRK handler: f2000800 [#1] PREEMPT SMP\n${body}`)).toEqual(['kernel BUG in foo_write']);
    expect(titles(`Internal error: BRK handler: f2000100 [#1] PREEMPT SMP\n${body}`)).toEqual(['Internal error in foo_write']);
  });

  it('x86: a general protection fault with a canonical address hint', () => {
    const log = 'general protection fault, maybe for address 0x80040033: 0000 [#1] PREEMPT SMP NOPTI\nRIP: 0010:foo_init_one+0x56/0x170 [foo]\nCall Trace:\n <TASK>\n foo_init+0x10/0x20 [foo]\n </TASK>';
    expect(titles(log)).toEqual(['general protection fault in foo_init_one']);
  });

  it('a register dump alone is a report, unless a panic follows it with no trace between', () => {
    const dump = 'pc : update_cpu_capabilities+0x0/0x3c0\nlr : setup_cpu_features+0x18/0x100\nsp : ffff800011ce3de0\nx29: ffff800011ce3de0 x28: 0000000000000000';
    const panic = 'Kernel panic - not syncing: bad mode\nCall trace:\n dump_backtrace+0x0/0x1a0\n panic+0x1a0/0x3b0';
    expect(titles(`Bad mode in Synchronous Abort handler detected on CPU0, code 0x34000001 -- BTI\n${dump}\n${panic}`)).toEqual(['kernel panic: bad mode']);
    expect(titles(`${dump}\nCall trace:\n update_cpu_capabilities+0x0/0x3c0\n setup_cpu_features+0x18/0x100\nKernel panic - not syncing: Fatal exception`)).toEqual([
      'Oops in update_cpu_capabilities',
    ]);
  });

  it('a raw PC names the link register, and the report without a trace stays corrupted', () => {
    const [report] = parseOops('Bad mode in prefetch abort handler detected\nInternal error: Oops - bad mode: 0 [#1] SMP ARM\nPC is at 0x4000228\nLR is at optee_smccc_smc+0x3c/0x44');
    expect(report).toMatchObject({ title: 'Internal error in corrupted', guiltyFrame: 'optee_smccc_smc', corrupted: true });
  });

  // Register dumps printed on request (lib/nmi_backtrace.c, drivers/tty/sysrq.c, each
  // architecture's show_regs) are no crash, whatever their instruction pointer line looks like.
  it.each([
    [
      'arm64 NMI backtrace (sysrq-l)',
      'sysrq: Show backtrace of all active CPUs\nsysrq: CPU1:\nNMI backtrace for cpu 1\nCPU: 1 PID: 0 Comm: swapper/1 Not tainted 6.1.0 #1\nHardware name: Raspberry Pi 4 Model B Rev 1.4 (DT)\npstate: 60400005 (nZCv daif +PAN -UAO -TCO -DIT -SSBS BTYPE=--)\npc : cpuidle_enter_state+0x1c/0x30\nlr : cpuidle_enter+0x38/0x50\nsp : ffff80000a3b3e50\nCall trace:\n cpuidle_enter_state+0x1c/0x30\n cpuidle_enter+0x38/0x50\n do_idle+0x1f0/0x290',
    ],
    [
      '32-bit ARM sysrq-p',
      'sysrq: Show Regs\nCPU: 0 PID: 0 Comm: swapper/0 Not tainted 5.10.0 #1\nHardware name: BCM2835\nPC is at arch_cpu_idle+0x30/0x3c\nLR is at arch_cpu_idle+0x2c/0x3c\npc : [<c0108a4c>]    lr : [<c0108a48>]    psr: 60000013\nBacktrace:\n[<c0108a1c>] (arch_cpu_idle) from [<c0150b6c>] (do_idle+0x1f0/0x290)',
    ],
    [
      'powerpc NMI backtrace, GPRs before NIP',
      ['NMI backtrace for cpu 2', 'CPU: 2 PID: 0 Comm: swapper/2 Not tainted 5.15.0 #1', 'NIP:  c0000000000a1b2c LR: c0000000000a1b00 CTR: 0000000000000000', 'REGS: c000000003e7fb00 TRAP: 0500   Not tainted  (5.15.0)', 'MSR:  8000000000009033 <SF,EE,ME,IR,DR,RI,LE>  CR: 28000222  XER: 00000000', 'CFAR: c0000000000a1b00 IRQMASK: 0', ...Array.from({ length: 8 }, (_, row) => `GPR${String(row * 4).padStart(2, '0')}: 0000000000000000 0000000000000000 0000000000000000 0000000000000000`), 'NIP [c0000000000a1b2c] plpar_hcall_norets_notrace+0x18/0x2c', 'LR [c0000000000a1b00] pseries_lpar_idle+0x40/0x100', 'Call Trace:', '[c000000003e7fd90] [c000000000021e38] arch_cpu_idle+0x48/0x1b0 (unreliable)'].join('\n'),
    ],
    ['RISC-V sysrq-p', 'sysrq: Show Regs\nCPU: 0 PID: 0 Comm: swapper/0 Not tainted 6.6.0 #1\nHardware name: SiFive HiFive Unmatched A00 (DT)\nepc : default_idle_call+0x2c/0x40\n ra : default_idle_call+0x1c/0x40'],
    ['s390 sysrq-p, 4.x wording', 'SysRq : Show Regs\nCPU: 0 PID: 0 Comm: swapper/0 Not tainted 4.19.0 #1\nHardware name: IBM 3931 A01 701 (z/VM 7.3.0)\nKrnl PSW : 0706d00180000000 000000000012a4b6 (psw_idle+0x6/0x8)\n           R:0 T:1 IO:1 EX:1 Key:0 M:1 W:1 P:0 AS:3 CC:1 PM:0 RI:0 EA:3'],
    ['MIPS NMI backtrace', 'NMI backtrace for cpu 0\nCPU: 0 PID: 0 Comm: swapper/0 Not tainted 5.4.0 #1\n$ 0   : 00000000 00000001 00000000 00000000\nHi    : 00000000\nLo    : 00000000\nepc   : 80012345 r4k_wait_irqoff+0x1c/0x24\nra    : 80056789 do_idle+0x1f0/0x290'],
  ])('%s is not reported', (_name, log) => {
    expect(titles(log)).toEqual([]);
  });

  it('a crash after a requested dump is still reported', () => {
    const requested = 'NMI backtrace for cpu 1\nCPU: 1 PID: 0 Comm: swapper/1 Not tainted 6.1.0 #1\npc : cpuidle_enter_state+0x1c/0x30\nCall trace:\n cpuidle_enter_state+0x1c/0x30';
    const crash = 'Unable to handle kernel NULL pointer dereference at virtual address 0000000000000008\nInternal error: Oops: 0000000096000005 [#1] PREEMPT SMP\npc : foo_xmit+0x10/0x40 [foo]\nCall trace:\n foo_xmit+0x10/0x40 [foo]\n dev_hard_start_xmit+0x9c/0x1d0';
    expect(titles(`${requested}\n${crash}`)).toEqual(['BUG: unable to handle kernel NULL pointer dereference in foo_xmit']);
  });

  it('an excerpt starting inside a report is one, named after its top frame; a log that merely holds frames is not', () => {
    const dump = '3fe0: 00000000 00000000 00000000 00000000 00000013 00000000 00000000 00000000';
    const frames = '[<c0269b80>] (foo_wake) from [<c0269eb8>] (foo_wake_lock+0x84/0x108)\n[<c0269eb8>] (foo_wake_lock) from [<c0269f60>] (foo_teardown+0x24/0x2c [foo])';
    expect(titles(`${dump}\n${frames}`)).toEqual(['Oops in foo_wake']);
    expect(titles(frames)).toEqual(['Oops in foo_wake']);
    // One frame line alone is not a trace.
    expect(titles(' foo_wake+0x1/0x2')).toEqual([]);
    // Boot messages first: the frames are a dump_stack() of a healthy kernel, or debris.
    expect(titles(`Booting Linux on physical CPU 0x0\nMemory: 1024K available\nrandom: crng init done\n${frames}`)).toEqual([]);
    // A requested dump pasted alone.
    expect(titles(`NMI backtrace for cpu 1\n${frames}`)).toEqual([]);
    expect(titles(`${frames}\nsysrq: Show Regs`)).toEqual([]);
    // A trace that starts in dump_stack(): a WARN whose banner was cut off, or a debugging dump.
    expect(titles('Call Trace:\n [<ffffffff81662d11>] dump_stack+0x45/0x56\n [<ffffffff810691dd>] warn_slowpath_common+0x7d/0xa0\n [<ffffffffa01c435a>] foo_unbind+0xca/0xe0 [foo]')).toEqual([]);
  });
});
