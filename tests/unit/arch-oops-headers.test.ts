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
});
