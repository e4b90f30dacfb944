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
    // Pasted from the trace's first line on.
    expect(titles('Call Trace:\n foo_xmit+0x10/0x40 [foo]\n dev_hard_start_xmit+0x9c/0x1d0')).toEqual(['Oops in foo_xmit']);
    // A task that was switched out (a hung-task or sysrq-t dump without its header).
    expect(titles('Call Trace:\n __schedule+0x2e4/0x880\n schedule+0x48/0xd0\n io_schedule+0x12/0x40\n foo_wait+0x1c/0x30 [foo]')).toEqual([]);
    // A trace that starts in dump_stack(): a WARN whose banner was cut off, or a debugging dump.
    expect(titles('Call Trace:\n [<ffffffff81662d11>] dump_stack+0x45/0x56\n [<ffffffff810691dd>] warn_slowpath_common+0x7d/0xa0\n [<ffffffffa01c435a>] foo_unbind+0xca/0xe0 [foo]')).toEqual([]);
    // Allocation records start in the allocator: SLUB's alloc_traces (mm/slub.c), kmemleak's backtrace.
    expect(titles('12 foo_alloc+0x2c/0xa0 age=2908/2918/2935 pid=1 cpus=0\n    __kmem_cache_alloc_node+0x11f/0x4e0\n    kmalloc_trace+0x26/0xa0\n    foo_alloc+0x2c/0xa0 [foo]\n    foo_probe+0xd2/0x150 [foo]')).toEqual([]);
    expect(titles('  backtrace:\n    [<ffffffff8123abcd>] kmemleak_alloc+0x4e/0xb0\n    [<ffffffff8123bcde>] __kmalloc+0x1c2/0x2e0\n    [<ffffffffa0012345>] foo_init+0x45/0x90 [foo]')).toEqual([]);
    // A crash excerpt whose top frame is a lookup in mm/vmalloc.c is still one.
    expect(titles('Call trace:\n vmalloc_to_page+0x38/0xd0\n foo_map+0x5c/0x120 [foo]\n foo_mmap+0x40/0x80 [foo]')).toEqual(['Oops in vmalloc_to_page']);
  });

  it('LoongArch: the fault line, die() banners, ERA over the ra printed before it, the register dump alone', () => {
    // arch/loongarch/kernel/traps.c __show_regs, show_registers and die; mm/fault.c no_context.
    const regs = ["CPU: 2 PID: 1234 Comm: modprobe Tainted: G           O       6.6.0 #1", "Hardware name: Loongson Loongson-3A5000-7A1000-1w-A2101/Loongson-LS3A5000-7A1000-1w-A2101, BIOS vUDK2018-LoongArch-V2.0.pre-beta8 06/15/2022", "pc 9000000000231abc ra 9000000000231a80 tp 900000010a3c0000 sp 900000010a3c3c40", "a0 0000000000000000 a1 0000000000000001 a2 0000000000000000 a3 0000000000000000", "   ra: 9000000000231a80 foo_probe+0x40/0x120 [foo]", "  ERA: 9000000000231abc foo_setup+0x1c/0x60 [foo]", " CRMD: 000000b0 (PLV0 -IE -DA +PG DACF=CC DACM=CC -WE)", " PRMD: 00000004 (PPLV0 +PIE -PWE)", " EUEN: 00000000 (-FPE -SXE -ASXE -BTE)", " ECFG: 00071c1c (LIE=2-4,10-12 VS=7)", "ESTAT: 00010000 [PIL] (IS= ECode=1 EsubCode=0)", " BADV: 0000000000000010", " PRID: 0014c010 (Loongson-64bit, Loongson-3A5000)", "Modules linked in: foo(O)", "Process modprobe (pid: 1234, threadinfo=00000000a1b2c3d4, task=00000000d4c3b2a1)", "Stack : 0000000000000000 900000010a3c3c80 9000000000231a80 0000000000000001", "        ...", "Call Trace:", "[<9000000000231abc>] foo_setup+0x1c/0x60 [foo]", "[<9000000000231a80>] foo_probe+0x40/0x120 [foo]", "[<9000000000a1b2c4>] platform_probe+0x6c/0xe0", "[<90000000002e0f00>] do_init_module+0x60/0x220", "", "Code: 02c00084  2880008c  0015008d <29c0018d> 03400000  4c000020  02ffc063"].join('\n');
    const frames = (log: string) => parseOops(log)[0]?.frames.map((frame) => frame.normalized);
    const fault = `CPU 2 Unable to handle kernel paging request at virtual address 0000000000000010, era == 9000000000231abc, ra == 9000000000231a80\nOops[#1]:\n${regs}`;
    expect(titles(fault)).toEqual(['BUG: unable to handle kernel paging request in foo_setup']);
    expect(frames(fault)).toEqual(['foo_setup', 'foo_setup', 'foo_probe', 'platform_probe', 'do_init_module']);
    expect(titles(`Oops - BUG[#1]:\n${regs}`)).toEqual(['kernel BUG in foo_setup']);
    expect(titles(`Reserved instruction in kernel code[#1]:\n${regs}`)).toEqual(['Reserved instruction in kernel code in foo_setup']);
    expect(titles(`Kernel ade access[#1]:\n${regs}`)).toEqual(['Kernel ade access in foo_setup']);
    expect(titles(regs.split('\n').slice(4).join('\n'))).toEqual(['Oops in foo_setup']);
  });

  it.each([
    ['i386 with %pS (EIP: foo+0x…)', "BUG: kernel NULL pointer dereference, address: 00000008\n#PF: supervisor read access in kernel mode\n#PF: error_code(0x0000) - not-present page\n*pde = 00000000\nOops: 0000 [#1] PREEMPT SMP\nCPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.1.0 #1\nEIP: foo_open+0x12/0x40\nCode: 89 e5 56 53 8b 58 08 <8b> 43 08 85 c0 74 0a\nEAX: 00000000 EBX: 00000000 ECX: c1234567 EDX: 00000000\nCall Trace:\n do_dentry_open+0x1a2/0x3a0\n vfs_open+0x2a/0x30\n path_openat+0x2b1/0xd40"],
    ['i386 2.6 (EIP is at, EIP: [<…>] … SS:ESP, Code: lines)', "BUG: unable to handle kernel NULL pointer dereference at 00000008\nIP: [<c0123456>] foo_open+0x12/0x40\n*pde = 00000000\nOops: 0000 [#1] SMP\nPid: 1, comm: swapper Not tainted 2.6.32 #1\nEIP: 0060:[<c0123456>] EFLAGS: 00010246 CPU: 0\nEIP is at foo_open+0x12/0x40\nEAX: 00000000 EBX: 00000000 ECX: c1234567 EDX: 00000000\nCall Trace:\n [<c0234567>] ? do_dentry_open+0x1a2/0x3a0\n [<c0234568>] vfs_open+0x2a/0x30\nCode: 89 e5 56 53 8b 58 08 <8b> 43 08 85 c0 74 0a\nEIP: [<c0123456>] foo_open+0x12/0x40 SS:ESP 0068:f0123456"],
    ['x86-64 with Code: after RIP', "general protection fault, probably for non-canonical address 0xdffffc0000000001: 0000 [#1] PREEMPT SMP KASAN\nCPU: 0 PID: 1 Comm: syz Not tainted 6.1.0 #1\nRIP: 0010:foo_ioctl+0x1c/0x30 [foo]\nCode: 48 89 e5 41 54 53 48 89 fb <48> 8b 47 08 48 85 c0 74 0a\nRSP: 0018:ffffc90000a1fd10 EFLAGS: 00010246\nCall Trace:\n <TASK>\n __x64_sys_ioctl+0x1a2/0x3a0\n do_syscall_64+0x2a/0x30\n </TASK>"],
    ['x86-64 3.x address columns', "BUG: unable to handle kernel paging request at 0000000000001000\nIP: [<ffffffffa0123456>] foo_ioctl+0x1c/0x30 [foo]\nOops: 0000 [#1] SMP\nRIP: 0010:[<ffffffffa0123456>]  [<ffffffffa0123456>] foo_ioctl+0x1c/0x30 [foo]\nCall Trace:\n [<ffffffff81234567>] do_vfs_ioctl+0x1a2/0x3a0\nCode: 48 89 e5 41 54 53 48 89 fb <48> 8b 47 08 48 85 c0 74 0a\nRIP  [<ffffffffa0123456>] foo_ioctl+0x1c/0x30 [foo]"],
  ])('x86: %s', (_name, log) => {
    expect(parseOops(log)[0]?.guiltyFrame).toMatch(/^foo_(?:open|ioctl)$/);
    expect(parseOops(log).length).toBe(1);
  });

  it('x86-64 before 2.6.18: RIP: on the fault line, `Oops: 0000 [1]`, <address>{function+offset} frames', () => {
    const log = "Unable to handle kernel NULL pointer dereference at 0000000000000008 RIP:\n<ffffffffa0123456>{:foo:foo_ioctl+28}\nPGD 1234 PUD 0\nOops: 0000 [1] SMP\nCPU 0\nPid: 1, comm: swapper Not tainted 2.6.9-42.ELsmp\nRIP: 0010:[<ffffffffa0123456>] <ffffffffa0123456>{:foo:foo_ioctl+28}\nRSP: 0018:000001003fe2bdf8  EFLAGS: 00010246\nCall Trace:<ffffffff80178ad1>{do_ioctl+24} <ffffffff80178d5c>{vfs_ioctl+658}\n       <ffffffff80178da3>{sys_ioctl+69} <ffffffff801102f6>{system_call+126}\nCode: 48 8b 47 08 48 85 c0 74 0a";
    const [report] = parseOops(log);
    expect(report?.title).toBe('BUG: unable to handle kernel NULL pointer dereference in foo_ioctl');
    expect(report?.frames.map((frame) => `${frame.normalized}${frame.module ? ` [${frame.module}]` : ''}`)).toEqual(['foo_ioctl [foo]', 'do_ioctl', 'vfs_ioctl', 'sys_ioctl', 'system_call']);
  });

  it('parisc: parisc_terminate and die_if_kernel headers, IAOQ[0] as the faulting instruction', () => {
    // arch/parisc/kernel/traps.c: parisc_terminate prints a backtrace, its `msg: Code=…` line and
    // show_regs; die_if_kernel its ASCII art and `comm (pid n): message (code n)`.
    const regs = ["CPU: 0 PID: 1 Comm: swapper Not tainted 6.1.0 #1", "Hardware name: 9000/785/C8000", "", "     YZrvWESTHLNXBCVMcbcbcbcbOGFRQPDI", "PSW: 00001000000001101111111100001111 Not tainted", "r00-03  000000ff0806ff0f 0000000040a1b2c4 0000000040123456 0000000040abcdef", "", "IASQ: 0000000000000000 0000000000000000 IAOQ: 0000000040123456 000000004012345a", " IIR: 0f401096    ISR: 0000000000000000  IOR: 0000000000000010", " CPU:        0   CR30: 0000000041234000 CR31: ffffffffffffffff", " ORIG_R28: 0000000000000000", " IAOQ[0]: foo_probe+0x1c/0x60 [foo]", " IAOQ[1]: foo_probe+0x20/0x60 [foo]", " RP(r2): foo_init+0x40/0x100 [foo]", "Backtrace:", " [<0000000040a1b2c4>] foo_init+0x40/0x100 [foo]", " [<0000000040234567>] do_one_initcall+0x6c/0x2a0", " [<0000000040345678>] do_init_module+0x5c/0x230", ""].join('\n');
    const terminate = `Backtrace:\n [<0000000040a1b2c4>] foo_init+0x40/0x100 [foo]\n\nBad Address (null pointer deref?): Code=15 (Data TLB miss fault) at addr 0000000000000010\n${regs}`;
    expect(titles(terminate)).toEqual(['BUG: unable to handle kernel paging request in foo_probe']);
    expect(parseOops(terminate)[0]?.frames.map((frame) => frame.normalized)).toEqual(['foo_probe', 'foo_init', 'do_one_initcall', 'do_init_module']);
    expect(titles(`     < Your System ate a SPARC! Gah! >\nswapper (pid 1): Illegal instruction (code 8)\n${regs}`)).toEqual(['Illegal instruction in foo_probe']);
    expect(titles(`High Priority Machine Check (HPMC): Code=1 (High-priority machine check (HPMC)) at addr 0000000000000000\n${regs}`)).toEqual([
      'High Priority Machine Check (HPMC) in foo_probe',
    ]);
  });

  it('m68k: die_if_kernel `Oops: %08x` and BAD KERNEL TRAP, PC: line, the first frame on the Call Trace: line', () => {
    // arch/m68k/kernel/traps.c die_if_kernel, show_registers, show_stack and show_trace; mm/fault.c.
    const regs = ["Modules linked in: foo", "PC: [<0012abcd>] foo_ioctl+0x1c/0x30 [foo]", "SR: 2700  SP: 00a1b2c3  a2: 00c0ffee", "d0: 00000000    d1: 00000001    d2: 00000000    d3: 00000000", "d4: 00000000    d5: 00000000    a0: 00000000    a1: 00000010", "Process foo (pid: 42, task=00c1d2e3)", "Frame format=7 eff addr=00000010 ssw=0505 faddr=00000010", "wb 1 stat/addr/data: 0000 00000000 00000000", "Stack from 00a1bd80:", "        00000000 00c0ffee 0012abcd 00000000 00000000 00000000 00000000 00000000", "Call Trace: [<00234567>] vfs_ioctl+0x1a/0x30", " [<00234678>] sys_ioctl+0x44/0x90", " [<00002a3c>] syscall+0x8/0xc", "Code: 206e 0008 2028 0010 <2210> 4e5e 4e75 4e56"].join('\n');
    const fault = `Unable to handle kernel NULL pointer dereference at virtual address 00000010\nOops: 00000000\n${regs}`;
    expect(titles(fault)).toEqual(['BUG: unable to handle kernel NULL pointer dereference in foo_ioctl']);
    expect(parseOops(fault)[0]?.frames.map((frame) => frame.normalized)).toEqual(['foo_ioctl', 'vfs_ioctl', 'sys_ioctl', 'syscall']);
    expect(titles(`Oops: 00000000\n${regs}`)).toEqual(['BUG: unable to handle kernel paging request in foo_ioctl']);
    expect(titles(`*** ADDRESS ERROR ***   FORMAT=B\nCurrent process id is 42\nBAD KERNEL TRAP: 00000000\n${regs}`)).toEqual(['BAD KERNEL TRAP in foo_ioctl']);
  });

  it('alpha: die_if_kernel `comm(pid): Oops n` after the fault line, Kernel Bug, pc is at, a bare Trace:', () => {
    // arch/alpha/kernel/traps.c die_if_kernel, dik_show_regs, dik_show_trace; mm/fault.c.
    const regs = ["pc = [<fffffc0000312abc>]  ra = [<fffffc0000312a80>]  ps = 0000    Not tainted", "pc is at foo_read+0x1c/0x60 [foo]", "ra is at foo_fill+0x40/0x100 [foo]", "v0 = 0000000000000000  t0 = 0000000000000001  t1 = 0000000000000000", "gp = fffffc0000a1b2c3  sp = 00000000deadbeef", "Trace:", "[<fffffc0000312a80>] foo_fill+0x40/0x100 [foo]", "[<fffffc0000412345>] vfs_read+0xa4/0x1a0", "[<fffffc0000412456>] sys_read+0x5c/0xb0", "[<fffffc0000311234>] entSys+0xa4/0xc0", "", "Code: 47ff041f  2ffe0000  a4300010 <a0210008> 47e10400  6bfa8001"].join('\n');
    const oops = `Unable to handle kernel paging request at virtual address 0000000000000008\nCPU 0 cat(1234): Oops 1\n${regs}`;
    expect(titles(oops)).toEqual(['BUG: unable to handle kernel paging request in foo_read']);
    expect(parseOops(oops)[0]?.frames.map((frame) => frame.normalized)).toEqual(['foo_read', 'foo_fill', 'vfs_read', 'sys_read', 'entSys']);
    expect(titles(`swapper(0): Kernel Bug 1\n${regs}`)).toEqual(['kernel BUG in foo_read']);
    expect(titles(`cat(1234): Arithmetic fault 0\n${regs}`)).toEqual(['Arithmetic fault in foo_read']);
  });
});
