import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alwaysSkipped, combinePatterns, frameGroups, makeFrameFilter, sourcesOf, type FrameGroup } from '../../src/lib/oops/frame-filters.ts';
import { collectStack } from '../../src/lib/oops/collect-stack.ts';
import { chooseGuiltyFrame, isSwitchedOut, unwinderAtFault } from '../../src/lib/oops/guilty-frame.ts';
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
    ['__pi_memcpy', 'memoryHelpers'], // arch/arm64/lib/memcpy.S alias
    ['__arch_copy_from_user', 'memoryHelpers'], // arch/arm64/lib/copy_from_user.S
    ['copy_mc_enhanced_fast_string', 'memoryHelpers'], // arch/x86/lib/copy_mc_64.S
    ['iterate_ubuf', 'memoryHelpers'], // include/linux/iov_iter.h copy step
    ['rb_insert_color', 'memoryHelpers'], // lib/rbtree.c
    ['_find_last_bit', 'memoryHelpers'], // lib/find_bit.c
    ['cache_alloc_refill', 'allocator'], // mm/slab.c (SLAB)
    ['__memcg_slab_post_alloc_hook', 'allocator'], // mm/memcontrol.c
    ['pcpu_alloc_noprof', 'allocator'], // mm/percpu.c with allocation profiling
    ['vfree_atomic', 'allocator'], // mm/vmalloc.c
    ['kmalloc_reserve', 'allocator'], // net/core/skbuff.c
    ['stack_depot_save_flags', 'reporting'], // lib/stackdepot.c
    ['usercopy_warn', 'sanitizers'], // mm/usercopy.c
    ['handle_overflow', 'sanitizers'], // lib/ubsan.c
    ['sk_skb_reason_drop', 'socketBuffers'], // net/core/skbuff.c
    ['__run_timer_base', 'interrupts'], // kernel/time/timer.c
    ['__run_hrtimer', 'interrupts'], // kernel/time/hrtimer.c
    ['handle_level_irq', 'interrupts'], // kernel/irq/chip.c
    ['kthread_worker_fn', 'entry'], // kernel/kthread.c
    ['kthread_flush_work', 'deferredWork'], // kernel/kthread.c
    ['format_decode', 'memoryHelpers'], // lib/vsprintf.c
    ['kstrtouint', 'memoryHelpers'], // lib/kstrtox.c
    ['system_call_exception', 'entry'], // arch/powerpc/kernel/interrupt.c
    ['__do_pgm_check', 'reporting'], // arch/s390/kernel/traps.c
    ['arch_local_irq_restore', 'locking'], // arch/x86/include/asm/irqflags.h
    ['__probe_kernel_read', 'memoryHelpers'], // mm/maccess.c before 5.8
    ['__pfx_kthread', 'reporting'], // objtool padding symbol
    ['devm_kzalloc', 'allocator'], // drivers/base/devres.c
    ['kunwind_next', 'reporting'], // arch/arm64/kernel/stacktrace.c
    ['netdev_warn', 'memoryHelpers'], // net/core/dev.c printing
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
    // kernel/trace/ring_buffer.c names its own functions rb_*; only lib/rbtree.c's are helpers.
    ['rb_insert_pages', 'memoryHelpers'],
    ['rb_commit', 'memoryHelpers'],
    // iov_iter_advance checks the iterator it is given; reference titles name it.
    ['iov_iter_advance', 'memoryHelpers'],
    // A fault inside kcov's own recording is kcov's bug (arch fault titles name write_comp_data).
    ['write_comp_data', 'sanitizers'],
    // The hypervisor's paravirt wait has WARNs of its own.
    ['kvm_wait', 'locking'],
    // A WARN inside the page allocator's free-list code names it.
    ['rmqueue', 'allocator'],
    // A RISC-V stack that ends in the exception return is titled after it.
    ['ret_from_exception', 'reporting'],
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

describe('a filter answers as its patterns do', () => {
  // Symbols made of the pieces the patterns are made of, so that near misses are common.
  const pieces = [...new Set(Object.values(frameGroups).flatMap((patterns) => patterns.flatMap((pattern) => pattern.source.match(/[A-Za-z0-9]+/g) ?? [])))];
  const symbol = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom('_', '__', '.', 'x')), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''));

  it.each(groups)('%s, one regex with its anchors shared, as each pattern alone', (group) => {
    const combined = combinePatterns(frameGroups[group]);
    fc.assert(fc.property(symbol, (name) => combined.test(name) === frameGroups[group].some((pattern) => pattern.test(name))), { numRuns: 3000 });
  });

  it('keeps a pattern whose anchor holds one branch only apart', () => {
    expect(combinePatterns([/^foo$/, /^a|b/]).test('xb')).toBe(true);
    expect(combinePatterns([/^foo$/, /^a|b/]).test('xfoo')).toBe(false);
  });

  it('gives each combination of groups and extra patterns the answers of its parts', () => {
    const extra = [/_fn$/];
    const filter = makeFrameFilter(['locking', 'entry'], extra);
    fc.assert(
      fc.property(symbol, (name) => filter(name) === [...frameGroups.locking, ...frameGroups.entry, ...extra].some((pattern) => pattern.test(name))),
      { numRuns: 3000 },
    );
  });
});

describe('chooseGuiltyFrame', () => {
  const frames = (text: string) => collectStack(toLogLines(`BUG: KASAN: invalid-access in __run_timers+0xc0/0x224\n${text}`));
  const skip = makeFrameFilter([...alwaysSkipped, 'interrupts']);
  const core = makeFrameFilter(alwaysSkipped);

  it('blames the interrupt\'s own code, not the code it interrupted (no markers, arm64 vector)', () => {
    const stack = frames('Call trace:\n dump_stack+0xd0/0x12c\n kasan_report+0x104/0x200\n __run_timers+0xc0/0x224\n run_timer_softirq+0x40/0x7c\n irq_exit+0xe0/0x100\n gic_handle_irq+0x54/0xdc\n el1_irq+0xb4/0x180\n mutex_unlock+0x40/0x60\n __rtnl_unlock+0x2c/0x5c');
    expect(chooseGuiltyFrame(stack, skip, core)?.normalized).toBe('__run_timers');
  });

  it('blames the interrupt\'s own code with <IRQ> markers too', () => {
    const stack = frames('Call Trace:\n <IRQ>\n kasan_report+0x1/0x2\n expire_timers+0x1/0x2\n __do_softirq+0x1/0x2\n </IRQ>\n foo_ioctl+0x1/0x2');
    expect(chooseGuiltyFrame(stack, skip, core)?.normalized).toBe('expire_timers');
  });

  it('does not take the register dump\'s instruction pointer for the interrupt\'s code', () => {
    const stack = frames('RIP: 0010:__list_del_entry_valid+0x59/0x8e\nCall Trace:\n <IRQ>\n ? hrtimer_interrupt+0x1/0x2\n </IRQ>\n ? foo_ioctl+0x1/0x2');
    expect(stack.some((frame) => frame.isRip)).toBe(true);
    const checks = makeFrameFilter([...alwaysSkipped, 'interrupts', 'debugChecks']);
    expect(chooseGuiltyFrame(stack, checks, core)).toBeUndefined();
  });

  it('keeps a handler the interrupt called, and stacks without an interrupt', () => {
    const handler = frames('Call Trace:\n <IRQ>\n kasan_report+0x1/0x2\n foo_timer_fn+0x1/0x2\n call_timer_fn+0x1/0x2\n </IRQ>\n foo_ioctl+0x1/0x2');
    expect(chooseGuiltyFrame(handler, skip, core)?.normalized).toBe('foo_timer_fn');
    const plain = frames('Call Trace:\n kasan_report+0x1/0x2\n run_timer_softirq+0x1/0x2\n foo_ioctl+0x1/0x2');
    expect(chooseGuiltyFrame(plain, skip, core)?.normalized).toBe('foo_ioctl');
  });
});

describe('unwinderAtFault', () => {
  const skip = makeFrameFilter(alwaysSkipped);
  const frames = (text: string) => collectStack(toLogLines(`BUG: KASAN: stack-out-of-bounds in unwind_next_frame+0x1a2/0x1b0\nCall Trace:\n${text}`));
  const pick = (text: string) => {
    const stack = frames(text);
    return unwinderAtFault(stack, stack.find((frame) => frame.reliable && !skip(frame.normalized)))?.normalized;
  };

  it('names the unwinder when ordinary code asked for the trace', () => {
    expect(pick(' dump_stack+0x1/0x2\n kasan_report+0x1/0x2\n unwind_next_frame+0x1/0x2\n __save_stack_trace+0x1/0x2\n save_stack_trace_tsk+0x1/0x2\n proc_pid_stack+0x1/0x2')).toBe('unwind_next_frame');
  });

  it('looks past it when a sanitizer or a report was saving the trace', () => {
    expect(pick(' kasan_report+0x1/0x2\n unwind_next_frame+0x1/0x2\n arch_stack_walk+0x1/0x2\n stack_trace_save+0x1/0x2\n kasan_save_stack+0x1/0x2\n __kmalloc+0x1/0x2\n foo_probe+0x1/0x2')).toBe('foo_probe');
    expect(pick(' unwind_next_frame+0x1/0x2\n show_trace_log_lvl+0x1/0x2\n dump_stack+0x1/0x2\n foo_probe+0x1/0x2')).toBe('foo_probe');
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
