import { describe, expect, it } from 'vitest';
import { findSymbolMentions, parseLinkLine, parseStackFrames, parseTraceLine } from '../../src/lib/oops/frames.ts';
import { segmentLogLine } from '../../src/lib/oops/segment-log-line.ts';
import { stripLogPrefix } from '../../src/lib/oops/strip-log-prefix.ts';

describe('stripLogPrefix', () => {
  it.each([
    ['Apr 6 02:50:06 localhost kernel: [ 3107.388125] [] xen_mc_flush+0x177/0x190', '[] xen_mc_flush+0x177/0x190'],
    ['Apr  6 02:50:06 localhost kernel: [ 3107.388125] WARNING: at x', 'WARNING: at x'],
    ['kernel:  i40e_napi_poll+0x137f/0x1720 [i40e]', ' i40e_napi_poll+0x137f/0x1720 [i40e]'],
    ['[  123.456789][ T1234] RIP: 0010:foo+0x1/0x2', 'RIP: 0010:foo+0x1/0x2'],
    ['[  123.456789] [    C0] <IRQ>', '<IRQ>'],
    ['plain line', 'plain line'],
  ])('%s', (line, expected) => {
    expect(stripLogPrefix(line)).toBe(expected);
  });
});

describe('parseStackFrames', () => {
  const trace = [
    'kernel: Call Trace:',
    'kernel:  <IRQ>',
    'kernel:  dump_stack+0x70/0x8d',
    'kernel:  bad_page.cold+0x63/0x94',
    'kernel:  i40e_napi_poll+0x137f/0x1720 [i40e]',
    'kernel:  ? check_preempt_curr+0x84/0x90',
    'kernel:  </IRQ>',
    'kernel:  do_softirq_own_stack+0x3d/0x50',
    'kernel: RIP: 0010:native_safe_halt+0xe/0x10',
    ' [<ffffffff816606a8>] dump_stack+0x19/0x1b',
    'Apr 6 02:50:06 localhost kernel: [ 3107.388128] [] __xen_pgd_pin+0x23c/0x290',
  ].join('\n');
  const frames = parseStackFrames(trace);

  it('finds every frame with symbol, offset, size and module', () => {
    expect(frames.map((frame) => frame.symbol)).toEqual([
      'dump_stack',
      'bad_page.cold',
      'i40e_napi_poll',
      'check_preempt_curr',
      'do_softirq_own_stack',
      'native_safe_halt',
      'dump_stack',
      '__xen_pgd_pin',
    ]);
    expect(frames[2]).toEqual({
      symbol: 'i40e_napi_poll',
      normalized: 'i40e_napi_poll',
      offset: '0x137f',
      size: '0x1720',
      module: 'i40e',
      reliable: true,
      context: 'IRQ',
      isRip: false,
    });
  });

  it('marks ? frames unreliable, tracks IRQ context and the RIP line', () => {
    expect(frames[3]?.reliable).toBe(false);
    expect(frames[1]?.context).toBe('IRQ');
    expect(frames[4]?.context).toBe('task');
    expect(frames[5]?.isRip).toBe(true);
    expect(frames[1]?.normalized).toBe('bad_page');
  });

  it('ignores lines that are not frames', () => {
    expect(parseStackFrames('BUG: Bad page state in process swapper/57  pfn:7d518e\nflags: 0x57ffffc0010200(slab|head)')).toEqual([]);
  });
});

describe('symbols written inside log lines', () => {
  it('finds function+offset tokens anywhere', () => {
    expect(
      findSymbolMentions('WARNING: at arch/x86/xen/multicalls.c:129 xen_mc_flush+0x177/0x190()\n  __xsk_rcv_zc_L7: (__xsk_rcv_zc+0x9b/0x250) addr=0x16ce900'),
    ).toEqual(['xen_mc_flush', '__xsk_rcv_zc']);
  });

  it('cuts a line into text and linkable symbols', () => {
    expect(segmentLogLine('kernel:  ? bad_page.cold+0x63/0x94 [x]')).toEqual([
      { text: 'kernel:  ? ' },
      { text: 'bad_page.cold+0x63/0x94', symbol: 'bad_page' },
      { text: ' [x]' },
    ]);
    expect(segmentLogLine('')).toEqual([{ text: '' }]);
  });
});

describe('log lines as HTML', () => {
  it('links each frame to its symbol page and escapes the rest', async () => {
    const { logLinesHtml } = await import('../../src/lib/oops/log-lines-html.ts');
    const html = logLinesHtml(' <TASK>\n i40e_napi_poll+0x137f/0x1720 [i40e]\n', '/');
    expect(html).toBe('<span class="line"> &lt;TASK&gt;</span>\n<span class="line"> <a href="/symbols/i40e_napi_poll/">i40e_napi_poll+0x137f/0x1720</a> [i40e]</span>\n');
  });
});

describe('frame lines of every architecture', () => {
  const read = (line: string) => {
    const parsed = parseTraceLine(line);
    return parsed && { name: parsed.frame.normalized, module: parsed.frame.module, reliable: parsed.frame.reliable, rip: parsed.frame.isRip, caller: parsed.caller };
  };

  it.each([
    // arm64: plain frames, `(P)` for the interrupted PC, a vendor kernel's `[sp+ size]` column.
    [' module_emit_plt_entry+0x17c/0x190', 'module_emit_plt_entry', true],
    [' handle_softirqs+0x9c/0x310 (P)', 'handle_softirqs', true],
    ['[ffffff80201c7800+  32][<ffffff80091f0e2c>] vmalloc_to_page+0xd8/0xe4', 'vmalloc_to_page', true],
    // powerpc: stack pointer and return address columns, ELFv1 dot symbols, `(unreliable)`.
    ['[c000000010ff3ad0] [c00000000806b258] .eeh_report_error+0x98/0x110', 'eeh_report_error', true],
    ['[c000000fffdc7b30] [c0000000001db7d0] rcu_read_lock_sched_held+0x10/0xe0 (unreliable)', 'rcu_read_lock_sched_held', false],
    // s390: bracketed frames, the parenthesised register return address that may be stale.
    [' [<000003ff7fc3d47e>] gcm_walk_start+0x16/0x28 [aes_s390]', 'gcm_walk_start', true],
    ['([<0000000000112c1a>] show_trace+0x62/0x78)', 'show_trace', false],
    // sparc64: one address without angle brackets.
    [' [00000000004a1b2c] sys_ioctl+0x4c/0x80', 'sys_ioctl', true],
    ['Caller[000000000042ba5c]: do_sys_open+0x13c/0x200', 'do_sys_open', true],
    // MIPS, RISC-V, OpenRISC.
    ['[<80016084>] show_stack+0x48/0x70', 'show_stack', true],
  ])('%s', (line, name, reliable) => {
    expect(read(line)).toMatchObject({ name, reliable, rip: false });
  });

  it('reads both 32-bit ARM unwinder formats and the caller they name', () => {
    expect(read('[<c0269b80>] (__wake_up_common) from [<c0269eb8>] (__wake_up_common_lock+0x84/0x108)')).toMatchObject({
      name: '__wake_up_common',
      caller: '__wake_up_common_lock+0x84/0x108',
    });
    expect(read('[<bfa0e748>] (l2cap_sock_teardown_cb [bluetooth]) from [<bfa01e9c>] (l2cap_chan_del+0x40/0x21c [bluetooth])')).toMatchObject({
      name: 'l2cap_sock_teardown_cb',
      module: 'bluetooth',
      caller: 'l2cap_chan_del+0x40/0x21c [bluetooth]',
    });
    expect(read('[<bf049f28>](ftdi_open+0x80/0xe8 [ftdi_sio]) from [<bf00d660>](serial_activate+0x58/0x6c [usbserial])')).toMatchObject({
      name: 'ftdi_open',
      module: 'ftdi_sio',
    });
    expect(read(' schedule_timeout from rcu_gp_fqs_loop+0x124/0x3fc')).toMatchObject({ name: 'schedule_timeout', caller: 'rcu_gp_fqs_loop+0x124/0x3fc' });
    expect(read('Unable to handle kernel paging request from user space')).toBeUndefined();
  });

  it.each([
    ['pc : sysctr_set_next_event+0x1c/0x88', 'sysctr_set_next_event'],
    ['PC is at update_vsyscall+0x44/0x1b4', 'update_vsyscall'],
    ['NIP [d0000000008cb4dc] .ipr_pci_error_detected+0x18c/0x220 [ipr]', 'ipr_pci_error_detected'],
    ['Krnl PSW : 0704f00180000000 00000000001067ae (cpu_relax+0x1e/0x20)', 'cpu_relax'],
    ['Krnl PSW : 0704e00180000000 000003ff8001ce88 (qdio_do_sqbs+0x310/0x318 [qdio])', 'qdio_do_sqbs'],
    ['epc   : 8003ab3c kthread_data+0x4/0xc', 'kthread_data'],
    [' epc : xas_create+0x ra : xas_tore+0xepc :4c054f91', 'xas_create'],
    ['TPC: <sun4v_data_access_exception+0x1c/0x80>', 'sun4v_data_access_exception'],
    ['--- interrupt: 901 at arch_local_irq_restore+0x1c/0x30', 'arch_local_irq_restore'],
    ['--- Exception: 901 at .raw_local_irq_restore+0x1c/0x30', 'raw_local_irq_restore'],
    ['EIP: [<c0123456>] ext3_get_inode_loc+0x6f/0x2b0 SS:ESP 0068:f5e2dc5c', 'ext3_get_inode_loc'],
  ])('reads the faulting instruction in %s', (line, name) => {
    expect(read(line)).toMatchObject({ name, rip: true });
  });

  it('does not take an unsymbolised address for a function', () => {
    expect(read('epc: ffffffe00022affe ra : ffffffe00022afea sp : ffffffe086d3fe30')).toBeUndefined();
    expect(read('PC is at 0x4000228')).toBeUndefined();
  });

  it.each([
    ['lr : clockevents_program_event+0xa4/0x118', 'clockevents_program_event'],
    ['LR is at optee_probe+0xb0/0x49c [optee]', 'optee_probe'],
    ['LR [d0000000008cb4d8] .ipr_pci_error_detected+0x188/0x220 [ipr]', 'ipr_pci_error_detected'],
    ['ra    : 80036f64 wq_worker_sleeping+0x14/0xbc', 'wq_worker_sleeping'],
    [' ra : __kernel_text_address+0x2a/0x3c', '__kernel_text_address'],
    ['RPC: <do_sys_open+0x44/0x1a0>', 'do_sys_open'],
  ])('reads the link register in %s', (line, name) => {
    expect(parseLinkLine(line)).toMatchObject({ normalized: name, isRip: true, link: true });
  });
});

describe('frame lines of every era and tool', () => {
  const read = (line: string) => {
    const parsed = parseTraceLine(line);
    return parsed && { fn: parsed.frame.normalized, module: parsed.frame.module, source: parsed.frame.source, reliable: parsed.frame.reliable, rip: parsed.frame.isRip };
  };

  it('reads a module build id (%pSb, CONFIG_STACKTRACE_BUILD_ID) as the module alone', () => {
    expect(read(' ? bch2_trans_begin+0x1c/0x30 [bcachefs 5c3d1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f]')).toEqual({ fn: 'bch2_trans_begin', module: 'bcachefs', source: undefined, reliable: false, rip: false });
  });

  it('reads traces decoded by scripts/decode_stacktrace.sh', () => {
    expect(read(' ? __schedule (kernel/sched/core.c:5382) ')).toMatchObject({ fn: '__schedule', source: 'kernel/sched/core.c:5382', reliable: false });
    expect(read(' dump_stack_lvl (lib/dump_stack.c:107 (discriminator 1)) ')).toMatchObject({ fn: 'dump_stack_lvl', source: 'lib/dump_stack.c:107' });
    // Inlined calls: addr2line -i locations on one line, innermost first; the module follows bare.
    expect(read(' foo_rx (include/linux/skbuff.h:2069 drivers/net/foo.c:812) foo')).toMatchObject({ fn: 'foo_rx', module: 'foo', source: 'include/linux/skbuff.h:2069' });
    expect(read('RIP: 0010:native_safe_halt (arch/x86/include/asm/irqflags.h:48)')).toMatchObject({ fn: 'native_safe_halt', rip: true });
    // Rust symbols the script demangled into paths.
    expect(read(' ? rust_binder::thread::Thread::write (drivers/android/binder/thread.rs:1234) rust_binder')).toMatchObject({ fn: 'rust_binder::thread::Thread::write', module: 'rust_binder', reliable: false });
    expect(read(' <kernel::sync::arc::Arc<T> as core::ops::drop::Drop>::drop (rust/kernel/sync/arc.rs:190)')?.fn).toBe('<kernel::sync::arc::Arc<T> as core::ops::drop::Drop>::drop');
    expect(read('RIP: 0010:kernel::init::foo::{{closure}} (rust/kernel/init.rs:12)')).toMatchObject({ fn: 'kernel::init::foo::{{closure}}', rip: true });
    // faddr2line's `(inlined by)` lines are not frames of a trace.
    expect(read(' (inlined by) ip_local_deliver at net/ipv4/ip_input.c:250')).toBeUndefined();
  });

  it('reads the x86-64 frames of kernels before 2.6.18, several per line', () => {
    const parsed = parseTraceLine('Call Trace:<ffffffff80110d4c>{die+57} <ffffffffa00b33b4>{:dm_mod:dm_table_unplug_all+51}');
    expect(parsed?.opensTrace).toBe(true);
    expect([parsed?.frame, ...(parsed?.more ?? [])].map((frame) => `${frame?.normalized}+${frame?.offset} ${frame?.module ?? ''}`)).toEqual(['die+0x39 ', 'dm_table_unplug_all+0x33 dm_mod']);
    expect(read('RIP: 0010:[<ffffffff8013f0f4>] <ffffffff8013f0f4>{__wake_up+56}')).toMatchObject({ fn: '__wake_up', rip: true });
  });

  it('keeps compiler suffixes and Rust symbols readable', () => {
    expect(read(' foo_poll.llvm.12345678901234567+0x12/0x40')?.fn).toBe('foo_poll');
    expect(read(' bad_page.cold+0x63/0x94')?.fn).toBe('bad_page');
    expect(read(' _RNvMs_NtCs1234_6kernel3fooNtB4_3Bar3baz+0x1c/0x30')?.fn).toBe('_RNvMs_NtCs1234_6kernel3fooNtB4_3Bar3baz');
  });

  it('does not read code bytes or unsymbolised addresses as frames', () => {
    expect(read('Code: 48 89 e5 <0f> 0b 48 8b 45 f8')).toBeUndefined();
    expect(read('Code: Unable to access opcode bytes at 0xffffffffc0a1b299.')).toBeUndefined();
    expect(read(' ? 0xffffffffc0a1b2c3')).toBeUndefined();
  });

  it('reads the frame after old x86-64 context markers on its line; markers on their own line set the context', () => {
    const frames = parseStackFrames(
      [
        'Call Trace:',
        '  <NMI>  [<ffffffff810eb800>] ? watchdog_overflow_callback+0x60/0xd0',
        '  [<ffffffff81645c41>] end_repeat_nmi+0x1e/0x2e',
        '  <<EOE>>  <IRQ>  [<ffffffff810944f0>] account_idle_ticks+0x90/0xa0',
        '  <EOI>  [<ffffffff81013ac7>] ? cpu_idle+0xb7/0x110',
        '  <IRQ>',
        '  [<ffffffff81013ad0>] handle_irq+0x1/0x2',
        '  <EOI>',
        '  [<ffffffff81013ae0>] rest_init+0x1/0x2',
      ].join('\n'),
    );
    expect(frames.map((frame) => `${frame.normalized} ${frame.context}`)).toEqual([
      'watchdog_overflow_callback task',
      'end_repeat_nmi task',
      'account_idle_ticks task',
      'cpu_idle task',
      'handle_irq IRQ',
      'rest_init task',
    ]);
  });
});
