import { describe, expect, it } from 'vitest';
import { alwaysSkipped, frameGroups, makeFrameFilter, sourcesOf, type FrameGroup } from '../../src/lib/oops/frame-filters.ts';
import { collectStack } from '../../src/lib/oops/collect-stack.ts';
import { isSwitchedOut } from '../../src/lib/oops/guilty-frame.ts';
import { hasDumpBeforeLockdepBacktrace, hasInterleavedDump } from '../../src/lib/oops/interleaved-stack.ts';
import { toLogLines } from '../../src/lib/oops/log-lines.ts';
import { demangleRust } from '../../src/lib/oops/rust-demangle.ts';
import { titleSymbol } from '../../src/lib/oops/title-symbol.ts';

const groups = Object.keys(frameGroups) as FrameGroup[];

describe('frame groups come from kernel source files', () => {
  it.each(groups)('%s is made of source entries, each with a reason', (group) => {
    const sources = sourcesOf(group);
    expect(sources.length).toBeGreaterThan(0);
    for (const { source, why } of sources) {
      expect(source).toMatch(/\S/);
      expect(why.length).toBeGreaterThan(10);
    }
    expect(frameGroups[group].length).toBeGreaterThan(0);
  });

  // Function, the group it belongs to, and why (the file it lives in).
  it.each([
    ['kmem_cache_alloc_node_trace', 'allocator'], // mm/slub.c API family
    ['__kmalloc_node_track_caller', 'allocator'], // mm/slab_common.c
    ['free_large_kmalloc', 'allocator'], // mm/slab_common.c
    ['kvmalloc_node', 'allocator'], // mm/util.c
    ['_raw_spin_lock_irqsave', 'locking'], // kernel/locking/spinlock.c
    ['osq_lock', 'locking'], // kernel/locking/osq_lock.c
    ['rtlock_slowlock_locked', 'locking'], // kernel/locking/rtmutex.c
    ['refcount_warn_saturate', 'locking'], // lib/refcount.c
    ['unwind_backtrace', 'reporting'], // arch/arm/kernel/unwind.c
    ['dump_stack_lvl', 'reporting'], // lib/dump_stack.c
    ['stack_trace_save', 'reporting'], // kernel/stacktrace.c
    ['rep_movs_alternative', 'memoryHelpers'], // arch/x86/lib/copy_user_64.S
    ['copy_from_kernel_nofault', 'memoryHelpers'], // mm/maccess.c
    ['xts_encrypt', 'memoryHelpers'], // crypto/xts.c
    ['strscpy', 'memoryHelpers'], // lib/string.c
    ['__list_del_entry_valid', 'debugChecks'], // lib/list_debug.c
    ['schedule_timeout', 'waiting'], // kernel/time/timer.c, a sleep
    ['handle_softirqs', 'interrupts'], // kernel/softirq.c
    ['do_syscall_64', 'entry'], // arch/x86/entry/common.c
  ] as const)('%s is %s', (symbol, group) => {
    expect(makeFrameFilter([group])(symbol)).toBe(true);
  });

  it.each([
    // A freshly forked task starts in schedule_tail: it is not waiting (kernel/sched/core.c).
    ['schedule_tail', 'waiting'],
    // The unwinder proper is blamed when it faults itself; only its helpers are skipped.
    ['__unwind_start', 'reporting'],
    // deactivate_slab is where SLUB's own locking goes wrong; reference titles name it.
    ['deactivate_slab', 'allocator'],
  ] as const)('%s is not %s', (symbol, group) => {
    expect(makeFrameFilter([group])(symbol)).toBe(false);
  });

  it('skips the allocators in every report', () => {
    expect(alwaysSkipped).toContain('allocator');
    expect(makeFrameFilter(alwaysSkipped)('kmem_cache_alloc')).toBe(true);
    expect(makeFrameFilter(alwaysSkipped)('bfs_fill_super')).toBe(false);
  });
});

const header = 'WARNING: CPU: 1 PID: 10275 at mm/slab_common.c:1012 kmalloc_slab+0x5d/0x70';

describe('hasInterleavedDump', () => {
  const stack = (between: string) =>
    toLogLines([header, 'Call Trace:', ' dump_stack+0x1a7/0x27d', ' panic+0x1f8/0x42c', between, ' __warn+0x1dc/0x200', ' bfs_fill_super+0x3d3/0xea0', ' mount_bdev+0x2b7/0x370'].join('\n'));

  it('finds another dump starting between two frames', () => {
    const lines = stack('FAULT_INJECTION: forcing a failure.');
    expect(hasInterleavedDump(lines, collectStack(lines))).toBe(true);
    const other = stack('CPU: 0 PID: 20543 Comm: syz-executor3 Not tainted 4.16.0-rc5+ #264');
    expect(hasInterleavedDump(other, collectStack(other))).toBe(true);
  });

  it('tolerates an ordinary message between frames', () => {
    const lines = stack('binder: 3817:3819 transaction failed 29189/-3, size 0-0 line 3128');
    expect(hasInterleavedDump(lines, collectStack(lines))).toBe(false);
  });

  it('looks only above the frames it is given', () => {
    const lines = stack('FAULT_INJECTION: forcing a failure.');
    expect(hasInterleavedDump(lines, collectStack(lines).slice(0, 2))).toBe(false);
  });
});

describe('isSwitchedOut', () => {
  const frames = (text: string) => collectStack(toLogLines(`INFO: rcu_preempt detected stalls on CPUs/tasks:\n${text}`));

  it('is true for a preempted task', () => {
    expect(isSwitchedOut(frames('Call Trace:\n __schedule+0x817/0x1cc0\n preempt_schedule_common+0x4f/0xe0\n __x64_sys_sched_setattr+0x184/0x2b0'))).toBe(true);
  });

  it('is false for a CPU the tick caught, with or without context markers', () => {
    expect(isSwitchedOut(frames('Call Trace:\n <IRQ>\n sched_show_task+0x1/0x2\n </IRQ>\n foo_ioctl+0x1/0x2'))).toBe(false);
    expect(isSwitchedOut(frames('Call Trace:\n sched_show_task+0x1/0x2\n update_process_times+0x3f/0x70\n foo_ioctl+0x1/0x2'))).toBe(false);
  });

  it('is false for a running task', () => {
    expect(isSwitchedOut(frames('Call Trace:\n foo_loop+0x1/0x2\n foo_ioctl+0x1/0x2'))).toBe(false);
  });
});

describe('hasDumpBeforeLockdepBacktrace', () => {
  const report = (middle: string[]) =>
    toLogLines(
      [
        '[ BUG: bad unlock balance detected! ]',
        ...middle,
        'syz-executor2/14420 is trying to release lock (mrt_lock) at:',
        '[<ffffffff834dea24>] ipmr_mfc_seq_stop+0xe4/0x140',
        'but there are no more locks to release!',
        'stack backtrace:',
        'CPU: 1 PID: 14420 Comm: syz-executor2 Not tainted 4.9.65 #98',
        'Call Trace:',
        ' dump_stack+0xc1/0x128',
      ].join('\n'),
    );

  it('finds another task\'s dump inside the lock report', () => {
    expect(hasDumpBeforeLockdepBacktrace(report(['CPU: 0 PID: 14413 Comm: syz-executor0 Not tainted 4.9.65 #98', 'Call Trace:', ' dump_stack+0xc1/0x128']))).toBe(true);
  });

  it('accepts the validator\'s own dump after `stack backtrace:`', () => {
    expect(hasDumpBeforeLockdepBacktrace(report(['binder: undelivered TRANSACTION_ERROR: 29189']))).toBe(false);
  });
});

describe('demangleRust (v0 mangling)', () => {
  it.each([
    ['_RNvXs1_CscPPBqWtAqum_11ashmem_rustNtB5_6AshmemNtNtCs43vyB533jt3_6kernel10miscdevice10MiscDevice4mmap', '<ashmem_rust::Ashmem as kernel::miscdevice::MiscDevice>::mmap'],
    ['_RNvNtNtCs9jEwPDbx20M_4core9panicking11panic_const24panic_const_add_overflow', 'core::panicking::panic_const::panic_const_add_overflow'],
    ['_RNvXs1b_NtCs9jEwPDbx20M_4core3fmtRNtNtNtB8_5panic10panic_info9PanicInfoNtB6_7Display3fmtCs43vyB533jt3_6kernel', '<&core::panic::panic_info::PanicInfo as core::fmt::Display>::fmt'],
    ['_RNvMs_NtCs1234_4core3fmtNtB4_9Formatter3pad', '<core::fmt::Formatter>::pad'],
  ])('%s', (mangled, readable) => {
    expect(demangleRust(mangled)).toBe(readable);
    expect(titleSymbol(mangled)).toBe(readable);
  });

  it('gives up on what it cannot read, cheaply', () => {
    expect(demangleRust('_RBBBBBBBBB')).toBeUndefined();
    expect(demangleRust('_RNvB_3foo')).toBeUndefined();
    expect(demangleRust('kmalloc')).toBeUndefined();
    const hostile = `_R${'XMB_'.repeat(200)}`;
    const started = performance.now();
    expect(demangleRust(hostile)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('skips the Rust panic path', () => {
    expect(makeFrameFilter(['reporting'])('_RNvCscSpY9Juk0HT_7___rustc17rust_begin_unwind')).toBe(true);
    expect(makeFrameFilter(['reporting'])('_RNvNtCs9jEwPDbx20M_4core9panicking9panic_fmt')).toBe(true);
  });
});
