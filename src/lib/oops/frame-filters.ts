/**
 * Frames that are never the guilty one: the machinery that detects, reports, schedules, locks,
 * allocates or enters the kernel. Which frames those are follows from where the functions live
 * in the kernel tree, so the table below is organised by source file or subsystem, each entry
 * with the reason its functions are not to blame and the group it belongs to. A report format
 * adds the groups that apply to it on top of `alwaysSkipped` (helpers so widely shared that
 * blaming them names no bug).
 *
 * Names are matched against normalised symbols (`.isra.0`, `.cold` and the like removed).
 * Where the kernel's naming makes a family real (`_raw_spin_*` is all of
 * kernel/locking/spinlock.c, `kmem_cache_*` the slab API) a prefix stands for the family;
 * otherwise the functions are listed.
 */

const GROUP_NAMES = [
  /** Printing the report itself, and the trap and fault handlers that led to it. */
  'reporting',
  /** Sanitizer runtimes, hardened-usercopy checks, coverage instrumentation and fault injection. */
  'sanitizers',
  /** Lock primitives and the lock validator: a bad access in them belongs to the lock's user. */
  'locking',
  /** Debugging checks that detect someone else's bug (list, debug objects, page sanity). */
  'debugChecks',
  /** Copy, string, bit, print-formatting and checksum helpers, and container data structures. */
  'memoryHelpers',
  /** The allocators: the caller that asked is the one to blame. */
  'allocator',
  /** Socket buffer helpers and their assertions. */
  'socketBuffers',
  /** Device model, kobject and sysfs plumbing shared by every driver. */
  'deviceCore',
  /** Inode, dentry and buffer reference helpers that warn about their caller's misuse. */
  'fsHelpers',
  /** Workqueues, timers and deferred work: the flush names who waited, not who broke it. */
  'deferredWork',
  /** Sleeping and waiting, for hangs and lock reports. */
  'waiting',
  /** Interrupt, softirq, timer-tick and idle plumbing that interrupted the guilty code. */
  'interrupts',
  /** Kernel entry and thread start: the bottom of every stack. */
  'entry',
] as const;

export type FrameGroup = (typeof GROUP_NAMES)[number];

/** Functions of one kernel source file or subsystem that are never the culprit, and why. */
interface KernelSource {
  /** Where the functions live in the kernel tree. */
  source: string;
  group: FrameGroup;
  /** Why a frame here is not the one to blame. */
  why: string;
  names: readonly RegExp[];
}

const kernelSources: readonly KernelSource[] = [
  // ---- reporting: printing stacks, registers and banners -------------------------------------
  {
    source: 'lib/dump_stack.c',
    group: 'reporting',
    why: 'prints the current stack for whoever called it',
    names: [/^(?:__)?dump_stack(?:_lvl|_print_info)?$/, /^show_regs_print_info$/],
  },
  {
    source: 'arch/*/kernel/dumpstack*.c, arch/*/kernel/traps.c, arch/*/kernel/process.c (stack and register printing)',
    group: 'reporting',
    why: 'walks and prints the stack being reported',
    names: [
      /^show_stack$/, /^show_regs$/, /^__show_regs$/, /^show_trace_log_lvl$/, /^show_trace$/, /^dump_backtrace$/,
      /^print_trace_address$/, /^dump_trace$/, /^walk_stackframe$/, /^bust_spinlocks$/,
    ],
  },
  {
    source: 'arch/arm/kernel/unwind.c, arch/arm/kernel/traps.c, arch/arm/lib/backtrace.S, arch/mips/kernel/traps.c, arch/x86/kernel/dumpstack*.c (older kernels)',
    group: 'reporting',
    why: 'per-architecture stack printers that dump_stack and show_stack call',
    names: [
      /^unwind_backtrace$/, /^unwind_frame$/, /^dump_backtrace_entry$/, /^c_backtrace$/, /^show_stacktrace$/, /^show_backtrace$/,
      /^show_raw_backtrace$/, /^show_stack_log_lvl$/, /^show_registers$/, /^printk_(?:stack_)?address$/, /^print_context_stack/,
    ],
  },
  {
    source: 'kernel/stacktrace.c, arch/*/kernel/stacktrace.c (arm64 kunwind_*), arch/x86/kernel/unwind_*.c, lib/stackdepot.c',
    group: 'reporting',
    why: 'saves a stack trace for a report or a debug record; the unwinder itself is only blamed when it faults first',
    names: [
      /^arch_stack_walk/, /^stack_trace_/, /^save_stack/, /^__save_stack_trace$/, /^unwind_(?:next|get|find)/, /^deref_stack_reg$/,
      /^orc_find$/, /^update_stack_state$/, /^_*kunwind_/, /^do_kunwind$/, /^_*stack_depot_save/, /^depot_(?:alloc|fetch)_stack$/, /^get_stack_info/, /^in_(?:task|irq|exception|entry)_stack/, /^stack_access_ok$/,
    ],
  },
  {
    source: 'kernel/extable.c',
    group: 'reporting',
    why: 'the unwinder asks whether a stack word is a text address',
    names: [/^_*kernel_text_address$/, /^is_(?:module|ftrace|bpf)_text_address$/],
  },
  {
    source: 'kernel/printk/*, lib/hexdump.c',
    group: 'reporting',
    why: 'writes the report to the console',
    names: [
      /^_?printk$/, /^vprintk/, /^_?printk_deferred$/, /^_*printk_safe_/, /^printk_nmi_/, /^_*printk_cpu_sync/, /^is_printk_cpu_sync_owner$/,
      /^log_store$/, /^print_hex_dump/, /^hex_dump_to_buffer$/,
    ],
  },
  {
    source: 'kernel/panic.c',
    group: 'reporting',
    why: 'WARN and panic: the code that warned is below them',
    names: [
      /^(?:__)?panic$/, /^vpanic$/, /^nmi_panic$/, /^__warn(?:_printk)?$/, /^warn_slowpath/, /^check_panic_on_warn$/,
      /^__stack_chk_fail$/, /^print_tainted$/, /^add_taint$/,
    ],
  },
  {
    source: 'rust/kernel/lib.rs, rust/helpers/bug.c, library/core/src/panicking.rs (v0-mangled)',
    group: 'reporting',
    why: 'a Rust panic unwinds into BUG(): the function that panicked is below them',
    names: [/^_RNv\w*rust_begin_unwind$/, /^_RNv\w*4core9panicking/, /^rust_helper_BUG$/],
  },
  {
    source: 'lib/bug.c',
    group: 'reporting',
    why: 'decodes the BUG/WARN trap for the report',
    names: [/^_*report_bug$/, /^fixup_bug$/, /^__bug$/, /^bug_handler$/],
  },
  {
    source: 'arch/x86/kernel/traps.c, arch/x86/entry/entry_*.S (exception entry)',
    group: 'reporting',
    why: 'the trap that stopped the faulting instruction, not the instruction',
    names: [
      /^handle_bug$/, /^do_error_trap$/, /^do_trap/, /^do_invalid_op$/, /^invalid_op$/, /^exc_invalid_op$/, /^asm_exc_/,
      /^do_general_protection$/, /^exc_general_protection$/, /^general_protection$/, /^die_addr$/, /^do_int3/,
      /^exc_int3$/, /^int3$/, /^poke_int3_handler$/, /^do_divide_error$/, /^exc_divide_error$/, /^divide_error$/,
      /^do_stack_segment$/, /^exc_stack_segment$/, /^do_double_fault$/, /^exc_double_fault$/, /^handle_stack_overflow$/,
    ],
  },
  {
    source: 'arch/*/kernel/dumpstack.c, arch/*/kernel/traps.c (die)',
    group: 'reporting',
    why: 'ends an oops',
    names: [/^die$/, /^__die$/, /^__die_body$/, /^die_body$/, /^oops_end$/],
  },
  {
    source: 'arch/x86/mm/fault.c, arch/x86/mm/extable.c',
    group: 'reporting',
    why: 'the page-fault handler and exception fixups run after the bad access',
    names: [
      /^no_context$/, /^__bad_area_nosemaphore$/, /^bad_area/, /^page_fault_oops$/, /^kernelmode_fixup_or_oops$/,
      /^do_user_addr_fault$/, /^exc_page_fault$/, /^__do_page_fault$/, /^do_page_fault$/, /^page_fault$/, /^async_page_fault$/,
      /^do_kern_addr_fault$/, /^spurious_kernel_fault$/, /^fixup_exception$/, /^ex_handler_/, /^__ex_handler/, /^kernel_fault/,
    ],
  },
  {
    source: 'arch/arm64/mm/fault.c, arch/arm64/kernel/entry-common.c, arch/arm64/kernel/traps.c, arch/arm64/kernel/debug-monitors.c',
    group: 'reporting',
    why: 'arm64 fault, abort, BRK and SError handling after the bad access',
    names: [
      /^__do_kernel_fault$/, /^do_bad_area$/, /^do_mem_abort$/, /^do_translation_fault$/, /^die_kernel_fault$/, /^__do_user_fault$/,
      /^do_sea$/, /^do_tag_check_fault$/, /^do_tag_recovery$/, /^report_tag_fault$/, /^el1_abort$/, /^el1h_64_sync/, /^el1_da$/,
      /^el1_sync/, /^el1_dbg$/, /^brk_handler$/, /^do_debug_exception$/, /^call_break_hook$/, /^arm64_serror_panic$/, /^do_serror$/,
    ],
  },
  {
    source: 'arch/arm/mm/fault.c',
    group: 'reporting',
    why: '32-bit ARM abort handlers',
    names: [/^do_DataAbort$/, /^do_PrefetchAbort$/],
  },
  {
    source: 'arch/powerpc/mm/fault.c, arch/powerpc/kernel/interrupt*.c, arch/riscv/mm/fault.c, arch/s390/kernel/entry.S, arch/s390/mm/fault.c',
    group: 'reporting',
    // RISC-V's ret_from_exception is left out: a stack that ends there ends in the exception
    // return itself, and reference titles name it.
    why: 'powerpc, RISC-V and s390 fault handling and exception entry after the bad access',
    names: [
      /^_*bad_page_fault$/, /^_*do_page_fault$/, /^interrupt_return/, /^ret_from_except_/, /^pgm_check_handler$/,
      /^__do_pgm_check$/, /^do_(?:no_context|dat_exception|protection_exception)$/,
    ],
  },
  {
    source: 'mm/kasan/report.c (report printing)',
    group: 'reporting',
    why: 'prints the sanitizer report and the bad address\'s description',
    names: [
      /^print_address_description$/, /^print_report$/, /^describe_object(?:_addr|_stack)?$/, /^print_memory_metadata$/, /^print_track$/,
      /^(?:start|end)_report$/, /^print_error_description$/, /^print_address_stack_frame$/,
    ],
  },
  {
    source: 'lib/nmi_backtrace.c, arch/x86/kernel/apic/hw_nmi.c',
    group: 'reporting',
    why: 'prints another CPU\'s stack on request',
    names: [/^nmi_cpu_backtrace/, /^nmi_trigger_cpumask_backtrace$/, /^arch_trigger_cpumask_backtrace$/],
  },
  {
    source: 'kernel/sched/core.c (debug printing and might_sleep checks), mm/memory.c (might_fault)',
    group: 'reporting',
    why: 'checks and dumps that report the caller\'s sleeping-in-atomic bug',
    names: [
      /^_?sched_show_task$/, /^show_state_filter$/, /^dump_cpu_task$/, /^__schedule_bug$/, /^_*might_sleep/, /^__might_resched$/,
      /^_*might_fault$/,
    ],
  },
  {
    source: 'kernel/hung_task.c',
    group: 'reporting',
    why: 'the hung-task watchdog thread that reports the blocked task',
    names: [/^hung_task_/, /^check_hung_/, /^watchdog$/],
  },
  {
    source: 'kernel/trace/*, include/trace/*',
    group: 'reporting',
    why: "tracepoint calls and their dispatch observe the code, they do not run it (the per-event perf_trace_ and trace_event_raw_event_ handlers run the event's TP_fast_assign, which can fault on its own)",
    names: [/^trace_/, /^__trace_/, /^__traceiter_/],
  },
  {
    source: 'kernel/locking/spinlock_debug.c (reports)',
    group: 'reporting',
    why: 'prints a spinlock debugging report',
    names: [/^spin_dump$/, /^spin_bug$/, /^rwlock_bug$/],
  },
  {
    source: 'vmlinux.lds.S section markers',
    group: 'reporting',
    why: 'an address resolved to the start or end of the text section is not a function',
    names: [/^_stext$/, /^_etext$/],
  },
  {
    source: 'tools/objtool (CONFIG_CALL_PADDING): __pfx_ symbols',
    group: 'reporting',
    why: 'the padding objtool names before each function holds no code of its own: an address there is a stale word',
    names: [/^__pfx_/],
  },

  // ---- sanitizers and checkers --------------------------------------------------------------
  {
    source: 'mm/kasan/*',
    group: 'sanitizers',
    why: 'KASAN\'s shadow checks, reports, quarantine and allocation tracking',
    names: [/^(?:__)?asan_/, /^(?:__)?kasan_/, /^check_memory_region/, /^check_region_inline$/, /^report_(?:free|alloc|bug|access)?/, /^qlist_/, /^quarantine_/, /^qlink_/, /^set_track/, /^save_stack_trace/],
  },
  {
    source: 'mm/kmsan/*',
    group: 'sanitizers',
    why: 'KMSAN\'s instrumentation hooks',
    names: [/^(?:__)?kmsan_/, /^__msan_/, /^msan_/],
  },
  {
    source: 'mm/kfence/*',
    group: 'sanitizers',
    why: 'KFENCE\'s guarded allocator and reports',
    names: [/^(?:__)?kfence_/],
  },
  {
    source: 'kernel/kcsan/*',
    group: 'sanitizers',
    why: 'KCSAN\'s watchpoints and reports',
    names: [/^(?:__)?kcsan_/, /^__tsan_/],
  },
  {
    source: 'lib/ubsan.c',
    group: 'sanitizers',
    why: 'UBSAN\'s handlers report the instrumented code below them',
    names: [/^(?:__)?ubsan_/, /^handle_(?:overflow|null_ptr_deref|misaligned_access|object_size_mismatch)$/],
  },
  {
    source: 'include/linux/instrumented.h',
    group: 'sanitizers',
    why: 'the sanitizer hooks wrapped around atomics, bit operations and user copies, inlined into their caller',
    names: [/^instrument_/],
  },
  {
    source: 'kernel/kcov.c, mm/kasan/sw_tags.c (compiler instrumentation entry points)',
    group: 'sanitizers',
    why: 'coverage and tag-checking calls the compiler inserted',
    names: [/^__sanitizer_/, /^__hwasan_/, /^write_comp_data_nop$/],
  },
  {
    source: 'mm/usercopy.c, mm/slub.c (__check_heap_object)',
    group: 'sanitizers',
    why: 'hardened usercopy checks the caller\'s copy',
    names: [
      /^_*check_heap_object$/, /^_*check_object_size/, /^usercopy_(?:abort|warn)$/, /^check_stack_object$/, /^check_kernel_text_object$/,
      /^check_bogus_address$/, /^check_page_span$/,
    ],
  },
  {
    source: 'lib/fault-inject.c, mm/failslab.c',
    group: 'sanitizers',
    why: 'fault injection decides to fail the caller\'s request',
    names: [/^should_fail/, /^fail_dump$/, /^_*should_failslab$/, /^fault_create_debugfs_attr/],
  },
  {
    source: 'mm/kmemleak.c, mm/kmemcheck.c',
    group: 'sanitizers',
    why: 'leak and access tracking hooks on every allocation',
    names: [/^kmemleak_/, /^kmemcheck_/],
  },
  {
    source: 'lib/debugobjects.c, kernel/locking/lockdep.c (free-time checks), mm/slub.c (metadata access)',
    group: 'sanitizers',
    why: 'checks run on memory being freed or debug metadata being read',
    names: [/^debug_check_/, /^metadata_access_/],
  },

  // ---- locking ------------------------------------------------------------------------------
  {
    source: 'kernel/locking/lockdep.c',
    group: 'locking',
    why: 'the lock validator runs on every lock operation',
    names: [
      /^(?:__)?lock_acquire/, /^_*lock_release$/, /^__lock_is_held$/, /^print_lock(?:_name)?$/, /^print_irqtrace_events$/, /^lock_acquired$/, /^lock_contended$/, /^(?:__)?lockdep_/, /^lock_is_held/,
      /^lock_downgrade$/, /^lock_sync$/, /^reacquire_held_locks$/, /^validate_chain$/, /^check_prevs?_add$/, /^check_noncircular$/,
      /^print_\w*_bug$/, /^print_circular_bug/, /^mark_lock/, /^mark_usage$/, /^mark_held_locks$/, /^register_lock_class$/,
      /^look_up_lock_class$/, /^__bfs/, /^check_irq_usage$/, /^valid_state$/, /^hlock_class$/, /^check_flags$/,
      /^find_held_lock$/, /^print_bad_irq_dependency$/, /^debug_lockdep/, /^save_trace$/, /^debug_show_(?:all|held)_locks$/,
      /^assign_lock_key$/,
    ],
  },
  {
    source: 'include/linux/local_lock_internal.h',
    group: 'locking',
    why: 'the per-CPU local_lock wrappers, which only tell lockdep about the lock',
    names: [/^local_(?:try)?lock_(?:acquire|release)$/, /^__local_(?:try)?lock/, /^local_lock_debug_init$/],
  },
  {
    source: 'kernel/trace/trace_preemptirq.c, kernel/locking/irqflag-debug.c',
    group: 'locking',
    why: 'irq-state tracking for lockdep on every irq enable and disable',
    names: [/^_*trace_hardirqs/, /^warn_bogus_irq_restore$/],
  },
  {
    source: 'arch/x86/include/asm/irqflags.h, arch/x86/include/asm/paravirt.h (out of line under paravirt and sanitizer builds)',
    group: 'locking',
    why: 'saving and restoring the interrupt flag brackets the caller\'s critical section',
    names: [/^arch_local_(?:irq_(?:restore|save|enable|disable)|save_flags)$/, /^native_(?:save|restore)_fl$/, /^native_irq_(?:enable|disable)$/],
  },
  {
    source: 'kernel/locking/spinlock.c, include/linux/spinlock*.h, include/linux/rwlock*.h, include/linux/bit_spinlock.h',
    group: 'locking',
    why: 'spinlock and rwlock entry points and their inline wrappers',
    names: [
      /^_raw_/, /^__raw_/, /^spin_lock/, /^spin_unlock/, /^spin_trylock/, /^_spin_/, /^__spin_/, /^read_lock/, /^write_lock/,
      /^read_unlock/, /^write_unlock/, /^bit_spin_(?:un)?lock$/,
    ],
  },
  {
    source: 'kernel/locking/spinlock_debug.c, kernel/locking/qspinlock*.c, kernel/locking/qrwlock.c, arch/*/include/asm/spinlock*.h',
    group: 'locking',
    why: 'the lock implementations under the spinlock API',
    names: [
      /^do_raw_/, /^queued_/, /^native_queued_/, /^_*pv_queued_/, /^arch_spin_/, /^arch_read_/, /^arch_write_/,
      // paravirt spinning (kernel/locking/qspinlock_paravirt.h, arch/x86/include/asm/qspinlock.h); the
      // hypervisor hooks under it (kvm_wait) are not here: their own WARNs are titled after them.
      /^pv_(?:wait|kick)_(?:node|head_or_lock)$/, /^pv_(?:un)?hash$/, /^virt_spin_lock$/,
    ],
  },
  {
    source: 'kernel/locking/mutex.c, kernel/locking/ww_mutex.h, kernel/locking/rtmutex*.c, kernel/locking/spinlock_rt.c',
    group: 'locking',
    why: 'sleeping-lock implementations',
    names: [/^(?:__)?mutex_/, /^_*ww_mutex/, /rt_mutex/, /^rt_spin_/, /^rt_(?:read|write)_(?:un)?lock/, /^rtlock_/],
  },
  {
    source: 'kernel/locking/semaphore.c, kernel/locking/rwsem.c, kernel/locking/percpu-rwsem.c',
    group: 'locking',
    why: 'semaphores and reader-writer semaphores',
    names: [/^down$/, /^down_/, /^__down/, /^up$/, /^up_/, /^__up/, /^(?:__)?rwsem_/, /^percpu_down/, /^percpu_up/, /^percpu_rwsem/, /^__percpu_/],
  },
  {
    source: 'kernel/locking/osq_lock.c, lib/lockref.c, the .spinlock.text section start',
    group: 'locking',
    why: 'optimistic spinning for a sleeping lock, lock-protected reference counts, and the section marker lock functions resolve to',
    names: [/^osq_(?:un)?lock$/, /^lockref_/, /^__lock_text_start$/],
  },
  {
    source: 'include/linux/seqlock.h',
    group: 'locking',
    why: 'sequence-counter read and write sides',
    names: [/^(?:__)?seqcount_/, /^__seqprop/, /^(?:raw_)?(?:read|write)_seq(?:begin|retry|lock|unlock)/],
  },
  {
    source: 'lib/refcount.c, lib/dec_and_lock.c, include/linux/refcount.h, include/linux/kref.h',
    group: 'locking',
    why: 'reference counting warns about, or frees for, the caller that got the count wrong',
    names: [/^(?:__)?refcount_/, /^kref_/, /^_*atomic_dec_and/],
  },
  {
    source: 'kernel/softirq.c (bottom-half disabling)',
    group: 'locking',
    why: 'local_bh_disable/enable bracket the caller\'s critical section',
    names: [/^(?:__)?local_bh_/],
  },
  {
    source: 'include/linux/rcupdate.h, kernel/rcu/update.c, include/linux/srcu.h',
    group: 'locking',
    why: 'RCU read-side markers and their lockdep checks',
    names: [/^(?:__)?rcu_read_(?:lock|unlock)/, /^s?rcu_lock_(?:acquire|release)$/, /^_*srcu_read_/, /^rcu_lockdep_/, /^lockdep_rcu_suspicious$/],
  },
  {
    source: 'kernel/sched/core.c (preempt count, run-queue locks), lib/smp_processor_id.c',
    group: 'locking',
    why: 'preemption bookkeeping, run-queue locking and the check that the caller may use this CPU',
    names: [/^raw_spin_rq_/, /^preempt_count_/, /^(?:__)?preempt_(?:disable|enable)/, /^check_preemption_disabled$/, /^debug_smp_processor_id$/, /^__this_cpu_preempt_check$/, /^__cond_resched_lock$/],
  },
  {
    source: 'kernel/sched/wait.c, kernel/sched/completion.c',
    group: 'locking',
    why: 'waking waiters and completing completions for the caller',
    names: [/^(?:__)?wake_up/, /^__wake_up_common/, /^complete(?:_all)?$/, /^(?:__)?wait_for_common/, /^do_wait_for_common$/],
  },
  {
    source: 'kernel/time/timer.c, kernel/time/posix-timers.c (timer locks), kernel/rcu/tree.c (rcu_barrier)',
    group: 'locking',
    why: 'take the lock of the caller\'s timer, or wait for its RCU callbacks',
    names: [/^lock_timer_base$/, /^__lock_timer$/, /^(?:__)?rcu_barrier/],
  },
  {
    source: 'net/core/sock.c (socket lock)',
    group: 'locking',
    why: 'the socket lock taken for the protocol code that called it',
    names: [/^lock_sock_nested$/, /^__lock_sock$/, /^lock_sock$/, /^release_sock$/],
  },
  {
    source: 'arch/x86/kernel/fpu/core.c',
    group: 'locking',
    why: 'brackets the caller\'s use of FPU registers in the kernel',
    names: [/^kernel_fpu_begin/, /^kernel_fpu_end$/],
  },

  // ---- debugging checks ---------------------------------------------------------------------
  {
    source: 'lib/debugobjects.c',
    group: 'debugChecks',
    why: 'debug objects report the caller\'s misuse of a timer, work item or other object',
    names: [/^_*debug_object/, /_is_static_object$/, /^debug_print_object$/],
  },
  {
    source: 'lib/ref_tracker.c',
    group: 'debugChecks',
    why: 'reports the caller\'s unbalanced reference',
    names: [/^ref_tracker/],
  },
  {
    source: 'lib/list_debug.c, include/linux/list.h',
    group: 'debugChecks',
    why: 'list debugging detects corruption made by the list\'s user',
    names: [/^_*list_(?:add|del)/],
  },
  {
    source: 'mm/page_alloc.c (page checks and freeing), mm/debug.c, mm/page_owner.c',
    group: 'debugChecks',
    why: 'page sanity checks and the freeing path report a bad page someone else left',
    names: [
      /^bad_page/, /^check_free_page/, /^free_pages_check/, /^free_page_is_bad/, /^free_tail_pages_check$/, /^check_new_pages?/,
      /^free_pages_prepare$/, /^__free_pages_ok$/, /^free_unref_page/, /^__free_pages$/, /^free_pages$/, /^prep_new_page$/,
      /^post_alloc_hook$/, /^get_page_from_freelist$/, /^free_pcppages_bulk$/, /^free_unref_folios$/, /^_*free_one_page$/,
      /^_*free_frozen_pages/, /^free_compound_page$/, /^destroy_large_folio$/, /^page_frag_free$/,
      /^__dump_page$/, /^dump_page$/, /^_*set_page_owner$/, /^page_owner_/,
    ],
  },
  {
    source: 'mm/swap.c, mm/swap_state.c, mm/mmu_gather.c, mm/filemap.c (page references)',
    group: 'debugChecks',
    why: 'dropping page references and batches: the page was broken by its last user',
    names: [
      /^__put_page$/, /^put_page$/, /^__folio_put/, /^folio_put/, /^release_pages$/, /^__pagevec_release$/,
      /^free_pages_and_swap_cache$/, /^_*tlb_/, /^unlock_page$/, /^folio_unlock$/,
    ],
  },

  // ---- string, copy, bit and formatting helpers ---------------------------------------------
  {
    source: 'lib/string.c, arch/x86/lib/mem*_64.S, arch/arm64/lib/*.S, include/linux/fortify-string.h, mm/util.c (strndup_user, vmemdup_user)',
    group: 'memoryHelpers',
    why: 'string and memory primitives do what the caller told them to',
    names: [
      /^(?:__)?mem(?:cpy|move|set|cmp|chr|dup|scan)/, /^(?:__)?str[a-z]+$/, /^sized_strscpy$/, /^bcmp$/, /^(?:__)?fortify_/, /^memcpy_fromio$/,
      // arm64 links its string routines under __pi_ aliases too (arch/arm64/lib/mem*.S, str*.S).
      /^__pi_(?:mem|str)[a-z]+$/, /^strndup_user$/, /^vmemdup_user/,
    ],
  },
  {
    source: 'arch/x86/lib/usercopy*.c, arch/x86/lib/copy_user*.S, arch/x86/lib/copy_mc*.{c,S}, arch/arm64/lib/copy_*_user.S, arch/x86/lib/getuser.S, arch/x86/lib/putuser.S, lib/usercopy.c, lib/strncpy_from_user.c, lib/strnlen_user.c',
    group: 'memoryHelpers',
    why: 'user-memory copies fault on the caller\'s pointer',
    names: [
      /^_*copy_(?:to|from|in)_user/, /^__copy_user/, /^raw_copy_/, /^copy_user_/, /^copyin$/, /^copyout$/, /^__get_user/, /^__put_user/, /^get_user/,
      /^put_user/, /^(?:do_)?strncpy_from_user$/, /^(?:do_)?strnlen_user$/, /^rep_(?:movs|stos)_alternative$/, /^_*clear_user$/,
      // arm64's out-of-line copies (arch/arm64/lib/copy_*_user.S), and the machine-check-safe copies of arch/x86/lib/copy_mc*.
      /^__arch_(?:copy_(?:to|from|in)_user|clear_user)$/, /^_*copy_mc_/, /^check_zeroed_user$/,
    ],
  },
  {
    source: 'mm/maccess.c',
    group: 'memoryHelpers',
    why: 'probing copies whose caller chose the address',
    // __probe_kernel_read/write are the same copies before 5.8.
    names: [/^copy_(?:from|to)_kernel_nofault$/, /^strncpy_from_kernel_nofault$/, /^_*probe_kernel_(?:read|write)$/],
  },
  {
    source: 'lib/iov_iter.c, net/core/datagram.c (copy to iterator)',
    group: 'memoryHelpers',
    why: 'iterator copies move the caller\'s data',
    names: [
      /^_?copy_(?:to|from)_iter/, /^simple_copy_to_iter$/, /^copy_page_(?:to|from)_iter/, /^memcpy_(?:to|from)_/, /^_copy_mc_to_iter$/,
      /^csum_and_copy_(?:to|from)_iter$/, /^copy_(?:to|from)_user_iter$/, /^copy_folio_(?:to|from)_iter$/,
      // the step functions the copy loops are built from (include/linux/iov_iter.h, lib/iov_iter.c)
      /^iterate_(?:iovec|ubuf|bvec|kvec|xarray|folioq|discard|and_advance)/,
    ],
  },
  {
    source: 'arch/x86/lib/csum-*.c, lib/crc*.c, lib/checksum.c',
    group: 'memoryHelpers',
    why: 'checksums over the caller\'s buffer',
    names: [/^csum_partial/, /^(?:__)?crc/],
  },
  {
    source: 'include/asm-generic/rwonce.h, include/linux/atomic/*.h, include/asm-generic/bitops/*.h, lib/find_bit.c, lib/bitmap.c, lib/hweight.c',
    group: 'memoryHelpers',
    why: 'single-word reads, atomics and bit operations on the caller\'s memory',
    names: [
      /^(?:__)?(?:read|write)_once/, /^read_word_at_a_time$/, /^(?:arch_|raw_)?atomic(?:64)?_/, /^_*(?:arch_|generic_)?_*(?:test_and_)?(?:set|clear|change)_bit/,
      /^_*(?:arch_|generic_|const_)?_*test_bit$/, /^_find_(?:next|first|last)/, /^find_(?:next|first|last)_/, /^_*(?:sw|arch)_hweight/, /^(?:__)?bitmap_/,
    ],
  },
  {
    source: 'lib/rbtree.c, lib/klist.c, lib/llist.c, lib/plist.c, lib/list_sort.c, lib/rhashtable.c, include/linux/list.h, lib/idr.c, lib/xarray.c, lib/radix-tree.c, lib/sort.c, lib/bsearch.c',
    group: 'memoryHelpers',
    why: 'container data structures walk the caller\'s (possibly corrupted) nodes',
    names: [
      // lib/rbtree.c and include/linux/rbtree*.h by name: kernel/trace/ring_buffer.c uses rb_ for its own
      // functions (rb_commit, rb_insert_pages, rb_add_timestamp), which are blamed like any other code.
      /^_*rb_(?:insert_(?:color|augmented)|erase|first|last|next|prev|replace_node|link_node|set_parent|change_child|rotate_set_parents)/,
      /^_*rb_insert$/, /^rb_(?:add|find)(?:_add|_first)?(?:_cached|_rcu)?$/, /^rb_next_match$/, /^dummy_(?:propagate|copy|rotate)$/, /^klist_/, /^(?:__)?list_sort$/, /^(?:__)?rhashtable_/, /^rht_/, /^(?:__)?hlist_/, /^idr_/, /^(?:__)?ida_/,
      /^_*xa_/, /^xas_/, /^_*radix_tree_/, /^sort(?:_r)?$/, /^bsearch$/, /^llist_(?:add_batch|del_first|reverse_order)/,
      /^plist_(?:add|del|requeue)$/,
    ],
  },
  {
    source: 'lib/vsprintf.c, lib/kasprintf.c, drivers/base/core.c (dev_printk), net/core/dev.c (netdev_printk), lib/dynamic_debug.c',
    group: 'memoryHelpers',
    why: 'formatting dereferences the arguments the caller passed',
    names: [
      /^vsnprintf$/, /^va_format$/, /^vscnprintf$/, /^v?sn?printf$/, /^scnprintf$/, /^kvasprintf/, /^string$/, /^string_nocheck$/,
      /^pointer$/, /^number$/, /^hex_string$/, /^dev_v?printk_emit$/, /^_*dev_printk$/, /^_dev_(?:info|warn|err|notice|emerg|crit|alert)$/,
      /^_*netdev_printk$/, /^netdev_(?:info|warn|err|notice|emerg|crit|alert)$/, /^__dynamic_(?:pr_debug|dev_dbg|netdev_dbg|ibdev_dbg)$/,
      /^format_decode$/, /^widen_string$/, /^pointer_string$/, /^v?bin_printf$/, /^bstr_printf$/, /^v?sscanf$/,
    ],
  },
  {
    source: 'lib/kstrtox.c, lib/vsprintf.c (simple_strto*), lib/hexdump.c (hex2bin), lib/string_helpers.c',
    group: 'memoryHelpers',
    why: 'number and escape parsing of a string the caller passed',
    names: [
      /^_*kstrto/, /^_parse_integer/, /^simple_strto/, /^hex2bin$/, /^bin2hex$/, /^hex_to_bin$/, /^string_(?:un)?escape_mem/,
      /^_*(?:sysfs_)?match_string$/, /^check_copy_size$/,
    ],
  },
  {
    source: 'arch/x86/mm/physaddr.c, arch/x86/lib/retpoline.S',
    group: 'memoryHelpers',
    why: 'address translation and indirect-branch thunks between caller and callee',
    names: [/^__virt_to_phys/, /^__phys_addr/, /^__virt_addr_valid$/, /^virt_to_/, /^phys_to_/, /^_*x86_indirect_/, /^__x86_return_thunk$/],
  },
  {
    source: 'lib/crypto/*, crypto/*.c (cipher and hash primitives, block-cipher mode templates)',
    group: 'memoryHelpers',
    why: 'block and hash primitives process the buffer their user handed them',
    names: [
      /^aes(?:ti)?_(?:en|de)crypt$/, /^(?:xts|lrw|cts|pcbc|ecb|cbc|ctr)_(?:en|de)crypt$/, /^crypto_(?:ecb|cbc|ctr|skcipher|aead|shash|ahash|cipher)_/, /^cipher_crypt_one$/, /^chacha_/,
      /^sha\d*_/, /^blake2s_/, /^siphash/,
    ],
  },

  // ---- allocators ---------------------------------------------------------------------------
  {
    source: 'include/linux/slab.h (inline wrappers), mm/slab_common.c, mm/slub.c, mm/slab.c',
    group: 'allocator',
    why: 'slab allocation and freeing on behalf of the caller',
    names: [
      /^_*kmalloc/, /^_*kzalloc/, /^kcalloc/, /^krealloc/, /^(?:__)?kmem_cache_/, /^(?:__)?kfree/, /^(?:__|___)?slab_/,
      /^__do_kmalloc/, /^alloc_slab_page$/, /^allocate_slab$/, /^new_slab$/, /^put_cpu_partial$/, /^__put_partials$/,
      /^(?:__)?free_slab/, /^discard_slab$/,
      // mm/slab.c, the SLAB allocator of older kernels: per-CPU array refill and free.
      /^_*cache_alloc(?:_refill|_node)?$/, /^_*cache_free$/, /^cache_grow_begin$/, /^kmem_getpages$/, /^cache_alloc_debugcheck_after$/,
      /^cache_free_debugcheck$/, /^fallback_alloc$/,
    ],
  },
  {
    source: 'mm/slub.c (freeing slow path and SLUB_DEBUG consistency checks), mm/slab_common.c (large kmalloc)',
    group: 'allocator',
    why: 'the checks find the corruption someone else made, and the free path runs for the caller',
    names: [
      /^(?:alloc|free)_debug_processing$/, /^free_consistency_checks$/, /^check_(?:slab|object|bytes_and_report|pad_bytes|valid_pointer)$/,
      /^on_freelist$/, /^(?:object|slab)_err$/, /^print_trailer$/, /^do_slab_free$/, /^free_to_partial_list$/, /^free_large_kmalloc$/,
      /^[gs]et_freepointer/,
      // the per-CPU sheaves SLUB allocates from and frees to since 6.18
      /^(?:alloc_from|free_to)_pcs/,
    ],
  },
  {
    source: 'mm/memcontrol.c (slab and kmem charging), lib/alloc_tag.c and include/linux/alloc_tag.h (allocation profiling, 6.10+)',
    group: 'allocator',
    why: 'accounting hooks run inside every allocation and free for the caller',
    names: [/^_*memcg_slab_(?:post_alloc|free)_hook$/, /^_*memcg_kmem_(?:un)?charge/, /^obj_cgroup_(?:un)?charge/, /^_*alloc_tagging_slab_/, /^_*(?:pg)?alloc_tag_(?:add|sub)/],
  },
  {
    source: 'mm/util.c, lib/kasprintf.c',
    group: 'allocator',
    why: 'allocate-and-copy helpers and the kvmalloc family',
    names: [/^(?:__)?kvmalloc/, /^kvzalloc/, /^kvcalloc/, /^kvrealloc/, /^kvfree/, /^kmemdup/, /^kstrn?dup/, /^kasprintf$/, /^kvasprintf/],
  },
  {
    source: 'mm/page_alloc.c, mm/mempolicy.c (allocation)',
    group: 'allocator',
    why: 'the page allocator and its policy layer',
    names: [
      /^(?:__)?alloc_pages/, /^alloc_page/, /^(?:__)?alloc_frozen_pages/,
      // 6.10's memory allocation profiling renamed the out-of-line entry points *_noprof.
      /^(?:__)?get_free_pages(?:_noprof)?$/, /^get_zeroed_page(?:_noprof)?$/, /^warn_alloc/,
      /^(?:__)?folio_alloc/, /^vma_alloc_folio/, /^(?:__)?page_frag_alloc/,
    ],
  },
  {
    source: 'mm/vmalloc.c',
    group: 'allocator',
    why: 'vmalloc area allocation and mapping',
    names: [/^(?:__)?vmalloc/, /^vzalloc/, /^_*vfree(?:_atomic|_deferred)?$/, /^vm_area_alloc_pages$/, /^remove_vm_area$/, /^(?:__)?vunmap$/, /^(?:__)?vmap/, /^(?:__)?get_vm_area/, /^alloc_vmap_area$/],
  },
  {
    source: 'drivers/base/devres.c',
    group: 'allocator',
    why: 'managed allocation on behalf of the driver that asked',
    names: [/^devm_k(?:malloc|zalloc|calloc|memdup|strdup|v?asprintf|realloc)/, /^alloc_dr$/, /^__devres_alloc_node$/],
  },
  {
    source: 'mm/percpu.c, mm/mempool.c, kernel/dma/mapping.c, kernel/dma/direct.c, mm/kmemleak.c (create_object)',
    group: 'allocator',
    why: 'per-CPU, pooled and DMA allocation, and the leak tracker\'s record of it',
    names: [/^_*dma_direct_alloc/, /^pcpu_alloc(?:_noprof)?$/, /^pcpu_(?:alloc|free)_area$/, /^pcpu_(?:create|populate)_chunk$/, /^free_percpu$/, /^_*alloc_percpu/, /^dma_alloc/, /^mempool_alloc/, /^create_object/],
  },
  {
    source: 'mm/filemap.c, net/core/page_pool.c (allocation)',
    group: 'allocator',
    why: 'page-cache and page-pool allocation for the caller',
    names: [/^_*filemap_alloc_folio/, /^__page_cache_alloc$/, /^_*filemap_get_folio/, /^pagecache_get_page$/, /^grab_cache_page/, /^_*page_pool_/],
  },
  {
    source: 'net/core/skbuff.c, net/core/sock.c, net/core/dev.c (allocation)',
    group: 'allocator',
    why: 'socket-buffer, socket and net-device allocation',
    names: [
      /^__alloc_skb$/, /^kmalloc_reserve$/, /^alloc_skb/, /^_*netdev_alloc_skb$/, /^dev_alloc_skb$/, /^__napi_alloc_skb$/, /^skb_clone$/,
      /^sock_k[mz]alloc$/, /^sk_prot_alloc$/, /^alloc_netdev/,
    ],
  },
  {
    source: 'fs/inode.c, mm/list_lru.c, lib/radix-tree.c, fs/xfs/kmem.c, lib/kobject.c, drivers/base/core.c (allocation)',
    group: 'allocator',
    why: 'allocation wrappers of other subsystems: the object\'s user is to blame',
    names: [/^alloc_inode$/, /^new_inode$/, /^_*list_lru_init/, /^radix_tree_node_alloc$/, /^kmem_alloc$/, /^kobject_set_name(?:_vargs)?$/, /^dev_set_name$/],
  },

  // ---- socket buffers -----------------------------------------------------------------------
  {
    source: 'net/core/skbuff.c, net/core/datagram.c',
    group: 'socketBuffers',
    why: 'sk_buff freeing, resizing, copying and its overflow assertions',
    names: [
      /^_*kfree_skb/, /^sk_skb_reason_drop$/, /^(?:__)?dev_kfree_skb/, /^consume_skb$/, /^skb_release_/, /^skb_(?:over|under)_panic$/, /^skb_panic$/, /^(?:__)?skb_put/,
      /^(?:__)?skb_push$/, /^(?:__)?skb_pull/, /^skb_free_head$/, /^pskb_expand_head$/, /^__pskb_pull_tail$/, /^skb_copy_bits$/,
      /^skb_copy_datagram/, /^skb_copy_and_csum/, /^__skb_checksum/, /^skb_checksum$/,
    ],
  },

  // ---- device core --------------------------------------------------------------------------
  {
    source: 'lib/kobject.c, fs/sysfs/*, fs/kernfs/* (removal)',
    group: 'deviceCore',
    why: 'kobject lifetime and sysfs entries of the driver that registered them',
    names: [/^_*kobject_/, /^kobj_/, /^kset_/, /^_*sysfs_/, /^internal_create_group$/, /^kernfs_remove_by_name/],
  },
  {
    source: 'drivers/base/core.c, drivers/base/dd.c, drivers/base/bus.c, drivers/base/devres.c, drivers/base/power/sysfs.c',
    group: 'deviceCore',
    why: 'the driver model adds, binds and removes devices for their driver',
    names: [
      /^device_(?:add|del|register|unregister|remove_file|destroy|release)$/, /^_*device_release_driver/, /^devres_release/, /^release_nodes$/,
      /^bus_(?:add|remove)_device$/, /^driver_probe_device$/, /^really_probe$/, /^__driver_attach$/, /^device_links_/, /^(?:get|put)_device$/,
      /^dpm_sysfs_remove$/, /^get_device_parent$/, /^device_for_each_child/, /^bus_for_each_(?:dev|drv)$/,
    ],
  },
  {
    source: 'drivers/usb/core/urb.c, drivers/usb/core/message.c',
    group: 'deviceCore',
    why: 'USB core submits, waits for and kills the driver\'s URBs',
    names: [/^usb_kill_urb$/, /^usb_kill_anchored_urbs$/, /^usb_poison_urb$/, /^usb_start_wait_urb$/, /^usb_control_msg$/, /^usb_bulk_msg$/],
  },
  {
    source: 'net/core/dev.c, drivers/tty/tty_io.c, drivers/tty/tty_port.c, drivers/i2c/i2c-core-base.c (unregistration)',
    group: 'deviceCore',
    why: 'subsystem unregistration tears down what the driver left behind',
    names: [
      /^rollback_registered/, /^unregister_netdevice/, /^unregister_netdev$/, /^tty_unregister_device$/, /^tty_port_unregister_device$/,
      /^i2c_del_adapter$/, /^__unregister_client$/, /^i2c_unregister_device$/,
    ],
  },

  // ---- filesystem reference helpers ---------------------------------------------------------
  {
    source: 'fs/inode.c, fs/dcache.c, fs/buffer.c, fs/fs-writeback.c',
    group: 'fsHelpers',
    why: 'inode, dentry and buffer reference helpers warn about their caller\'s misuse',
    names: [
      /^(?:drop|clear|inc|set)_nlink$/, /^mark_buffer_dirty/, /^(?:__)?brelse$/, /^(?:__)?bforget$/, /^dput$/, /^fast_dput$/, /^iput$/,
      /^iput_final$/, /^ihold$/, /^__iget$/, /^_*mark_inode_dirty/, /^d_instantiate/,
    ],
  },

  // ---- workqueues, timers and deferred work -------------------------------------------------
  {
    source: 'kernel/workqueue.c',
    group: 'deferredWork',
    why: 'queueing, flushing and cancelling the caller\'s work items',
    names: [
      /^(?:__)?flush_work/, /^(?:__)?flush_workqueue/, /^(?:__)?queue_work/, /^_*queue_delayed_work/, /^(?:__)?cancel_work/,
      /^(?:__)?cancel_delayed_work/, /^drain_workqueue$/, /^destroy_workqueue$/, /^__init_work$/, /^insert_work$/, /^try_to_grab_pending$/,
      /^delayed_work_timer_fn$/, /^start_flush_work$/, /^flush_(?:delayed|rcu)_work$/, /^(?:__)?queue_rcu_work$/, /^mod_delayed_work/,
    ],
  },
  {
    source: 'kernel/kthread.c (work and stop)',
    group: 'deferredWork',
    why: 'kthread workers and stopping a thread on the caller\'s behalf',
    names: [/^_*kthread_(?:insert|queue|flush|cancel|mod)_(?:delayed_)?work/, /^kthread_flush_worker$/, /^kthread_delayed_work_timer_fn$/, /^kthread_stop/, /^kthread_park$/],
  },
  {
    source: 'kernel/rcu/tree.c, kernel/rcu/srcutree.c (callbacks)',
    group: 'deferredWork',
    why: 'queueing RCU callbacks and tearing down SRCU for the caller',
    names: [/^(?:__)?call_rcu/, /^kfree_call_rcu$/, /^cleanup_srcu_struct/],
  },
  {
    source: 'kernel/time/timer.c, kernel/time/hrtimer.c, net/core/sock.c (socket timers)',
    group: 'deferredWork',
    why: 'arming and deleting the caller\'s timers',
    names: [
      /^(?:__)?mod_timer/, /^del_timer/, /^(?:__)?timer_(?:delete|shutdown)/, /^add_timer/, /^_*try_to_del_timer/, /^_*del_timer_sync$/, /^init_timer_key$/,
      /^hrtimer_cancel$/, /^_*hrtimer_start/, /^sk_stop_timer/, /^sk_reset_timer$/,
    ],
  },
  {
    source: 'drivers/usb/core/urb.c (usb_kill_urb)',
    group: 'deferredWork',
    why: 'waits for the driver\'s URB completion handler',
    names: [/^usb_kill_urb$/],
  },

  // ---- sleeping and waiting -----------------------------------------------------------------
  {
    source: 'kernel/sched/core.c (schedule paths), arch/*/kernel/process*.c (__switch_to)',
    group: 'waiting',
    why: 'a task giving up the CPU: where it waits is above',
    names: [
      // schedule_tail is where a new task starts running, not a wait.
      // __schedule_loop (6.8) is the loop schedule() and its relatives call __schedule() from.
      /^(?:__)?schedule$/, /^__schedule_loop$/, /^schedule_(?!tail$)/, /^io_schedule/, /^_*preempt_schedule/, /^_*cond_resched$/, /^(?:__)?context_switch$/,
      /^__switch_to/, /^switch_to$/, /^finish_task_switch/, /^__sched_text_start$/,
    ],
  },
  {
    source: 'kernel/sched/wait.c, kernel/sched/wait_bit.c, kernel/sched/completion.c, include/linux/wait*.h',
    group: 'waiting',
    why: 'wait queues, bit waits and completions',
    names: [
      /^(?:__)?wait_for_/, /^_*wait_on_/, /^_*wait_event/, /^do_wait_for_common$/, /^wait_woken$/, /^prepare_to_wait/, /^finish_wait$/,
      /^autoremove_wake_function$/, /^out_of_line_wait_on_bit/, /^bit_wait/, /^(?:__)?wait_var_event/, /^__var_waitqueue$/,
    ],
  },
  {
    source: 'mm/filemap.c (folio locks and writeback waits)',
    group: 'waiting',
    why: 'waiting for a page lock or writeback',
    names: [/fdatawait/, /^filemap_write_and_wait/, /^folio_wait/, /^__folio_lock/, /^_*lock_page/],
  },
  {
    source: 'kernel/time/timer.c, kernel/time/hrtimer.c (sleeping)',
    group: 'waiting',
    why: 'timed sleeps',
    names: [/^msleep/, /^usleep_range/, /^schedule_hrtimeout/, /^do_nanosleep$/, /^hrtimer_nanosleep$/],
  },
  {
    source: 'kernel/locking/rtmutex.c, kernel/locking/rwbase_rt.c, drivers/tty/tty_ldsem.c, drivers/tty/tty_ldisc.c, kernel/printk/printk.c (console_lock)',
    group: 'waiting',
    why: 'the slow, sleeping side of locks',
    names: [/^__rt_mutex_slowlock/, /^_*rwbase_/, /^_*ldsem_down/, /^tty_ldisc_lock/, /^console_lock$/],
  },
  {
    source: 'kernel/kthread.c, kernel/freezer.c, kernel/rcu/update.c, kernel/rcu/tree.c (waiting)',
    group: 'waiting',
    why: 'waiting for a thread, the freezer or a grace period',
    names: [/^kthread_stop$/, /^freezer_/, /^__refrigerator$/, /^_*wait_rcu_gp$/, /^rcu_is_watching$/],
  },
  {
    source: 'net/core/sock.c, net/core/datagram.c (waiting for data)',
    group: 'waiting',
    why: 'a socket waiting for data',
    names: [/^sk_wait_data$/, /^__skb_wait_for_more_packets$/],
  },

  // ---- interrupts, softirqs, ticks and idle -------------------------------------------------
  {
    source: 'kernel/softirq.c, kernel/smpboot.c',
    group: 'interrupts',
    why: 'softirq and tasklet dispatch, and the irq exit that runs it',
    names: [
      /^_*do_softirq/, /^handle_softirqs$/, /^invoke_softirq$/, /^_*irq_exit/, /^irq_enter/, /^run_ksoftirqd$/, /^smpboot_thread_fn$/,
      /^_*tasklet_action/,
    ],
  },
  {
    source: 'net/core/dev.c (receive softirq)',
    group: 'interrupts',
    why: 'NAPI polling hands packets to the protocol handlers above',
    names: [/^net_rx_action$/, /^_*napi_poll/, /^process_backlog$/],
  },
  {
    source: 'kernel/time/timer.c, kernel/time/hrtimer.c, kernel/time/tick-*.c (expiry and ticks)',
    group: 'interrupts',
    why: 'timer expiry and the scheduler tick call the handlers above them',
    names: [
      /^call_timer_fn$/, /^__run_timers/, /^_*run_timer_base$/, /^run_timer_softirq$/, /^expire_timers$/, /^__hrtimer_run_queues$/,
      /^__run_hrtimer$/, /^hrtimer_run_(?:softirq|queues)$/, /^hrtimer_interrupt$/,
      /^tick_sched_/, /^tick_handle_/, /^tick_nohz_/, /^tick_do_/, /^tick_periodic$/, /^update_process_times$/,
    ],
  },
  {
    source: 'kernel/sched/core.c, kernel/sched/fair.c (tick work)',
    group: 'interrupts',
    why: 'scheduler bookkeeping done from the tick',
    names: [/^trigger_load_balance$/, /^scheduler_tick$/, /^sched_tick$/, /^task_tick_fair$/, /^entity_tick$/],
  },
  {
    source: 'kernel/rcu/tree.c, kernel/rcu/tree_stall.h, kernel/rcu/tree_exp.h',
    group: 'interrupts',
    why: 'RCU\'s tick hook, callback processing, grace-period thread and stall reporting',
    names: [
      /^rcu_sched_clock_irq$/, /^rcu_check_callbacks$/, /^rcu_pending$/, /^check_cpu_stall/, /^print_cpu_stall/, /^print_other_cpu_stall/,
      /^rcu_dump_cpu_stacks$/, /^rcu_check_gp_kthread_starvation$/, /^rcu_core$/, /^rcu_do_batch$/, /^rcu_process_callbacks$/, /^rcu_core_si$/,
      /^rcu_print_detail_task_stall/, /^rcu_print_task_stall/, /^rcu_irq_/, /^rcu_nmi_/, /^rcu_exp_handler$/, /^rcu_exp_wait_wake$/,
      /^rcu_gp_kthread/, /^rcu_gp_fqs/, /^force_qs_rnp$/, /^rcu_cpu_kthread$/, /^rcu_nocb_cb_kthread$/, /^nocb_cb_wait$/,
      /^srcu_invoke_callbacks$/,
    ],
  },
  {
    source: 'kernel/watchdog.c, kernel/irq_work.c, kernel/smp.c',
    group: 'interrupts',
    why: 'the lockup watchdog\'s timer, irq_work and cross-CPU call handlers',
    names: [
      /^watchdog_timer_fn$/, /^irq_work_/, /^smp_call_function_interrupt$/, /^generic_smp_call_function_single_interrupt$/,
      /^_*flush_smp_call_function_queue$/,
    ],
  },
  {
    source: 'kernel/irq/chip.c, kernel/irq/handle.c, kernel/irq/irqdesc.c, kernel/irq/manage.c (irq threads), drivers/irqchip/*, drivers/clocksource/arm_arch_timer.c',
    group: 'interrupts',
    why: 'generic interrupt flow handlers',
    names: [
      /^handle_irq/, /^handle_edge_irq$/, /^handle_fasteoi_irq$/, /^_*handle_irq_event/, /^handle_percpu_devid_irq$/,
      /^generic_handle_(?:domain_)?irq(?:_safe|_desc)?$/, /^_*handle_domain_irq$/, /^handle_(?:level|simple|nested|untracked|percpu|bad)_irq$/,
      /^irq_thread(?:_fn)?$/, /^irq_forced_thread_fn$/, /^gic_handle_irq$/, /^arch_timer_handler/,
    ],
  },
  {
    source: 'arch/x86/kernel/apic/apic.c, arch/x86/kernel/irq*.c, arch/x86/kernel/nmi.c, arch/x86/entry/entry_64.S, kernel/entry/common.c (irqentry)',
    group: 'interrupts',
    why: 'x86 interrupt and NMI entry, stack switching and return',
    names: [
      /^_*sysvec_/, /^asm_sysvec_/, /^smp_apic_timer_interrupt/, /^apic_timer_interrupt/, /^local_apic_timer_interrupt$/,
      /^asm_common_interrupt$/, /^common_interrupt$/, /^ret_from_intr$/, /^do_IRQ$/, /^native_irq_return_iret$/, /^irqentry_/,
      /^asm_call_(?:irq_|sysvec_)?on_stack$/, /^call_on_stack$/, /^do_softirq_own_stack$/, /^run_on_irqstack_cond$/, /^retint_kernel$/,
      /^restore_regs_and_return_to_kernel$/, /^nmi_handle$/, /^default_do_nmi$/, /^do_nmi$/, /^exc_nmi$/, /^end_repeat_nmi$/,
      /^entry_SYSCALL_64_after_hwframe$/, /^.*_entry_after_kaiser.*$/,
    ],
  },
  {
    source: 'arch/arm64/kernel/entry-common.c, arch/arm/kernel/entry-armv.S, arch/arm/lib/call_with_stack.S',
    group: 'interrupts',
    why: 'ARM exception-level entry and interrupt vectors',
    names: [/^el1_/, /^el0_/, /^__irq_svc$/, /^__irq_usr$/, /^call_with_stack$/],
  },
  {
    source: 'arch/powerpc/kernel/time.c, arch/powerpc/kernel/irq.c, arch/powerpc/kernel/entry_64.S',
    group: 'interrupts',
    why: 'powerpc decrementer (timer) interrupts and the replay of interrupts that arrived while soft-disabled',
    names: [/^_*timer_interrupt$/, /^restore_check_irq_replay$/, /^_*replay_(?:soft_)?interrupts?$/, /^_*do_irq$/, /^call_do_irq$/],
  },
  {
    source: 'kernel/sched/idle.c, arch/*/kernel/process.c (idle)',
    group: 'interrupts',
    why: 'the idle loop an interrupt arrived in',
    names: [/^native_safe_halt$/, /^arch_safe_halt$/, /^default_idle/, /^arch_cpu_idle/, /^cpu_idle/, /^do_idle$/, /^cpu_startup_entry$/],
  },

  // ---- entry --------------------------------------------------------------------------------
  {
    source: 'arch/x86/entry/*, kernel/entry/common.c (system calls)',
    group: 'entry',
    why: 'system-call entry and exit below every syscall',
    names: [
      /^entry_SYSCALL/, /^do_syscall_/, /^_*do_fast_syscall/, /^entry_SYSENTER/, /^entry_INT80/, /^do_int80_syscall_32$/, /^x64_sys_call$/,
      /^ia32_sys_call$/, /^syscall_exit_to_user_mode/, /^exit_to_user_mode$/, /^irqentry_exit_to_user_mode$/, /^syscall_trace_enter/,
      /^system_call_fastpath$/, /^tracesys/, /^int_ret_from_sys_call$/, /^clear_bhb_loop$/,
      // powerpc (arch/powerpc/kernel/interrupt*.c, entry_*.S) and s390 (arch/s390/kernel/syscall.c, entry.S)
      /^system_call_(?:exception|common|vectored)/, /^__do_syscall$/, /^system_call$/,
    ],
  },
  {
    source: 'arch/arm64/kernel/syscall.c, arch/arm64/kernel/entry-common.c, arch/arm/kernel/entry-common.S',
    group: 'entry',
    why: 'ARM system-call entry',
    names: [/^el0_svc/, /^invoke_syscall$/, /^do_el0_svc/, /^el0t_(?:64|32)_sync/, /^ret_fast_syscall$/],
  },
  {
    source: 'arch/*/kernel/entry*.S (ret_from_fork), kernel/kthread.c (kthread, kthread_worker_fn), kernel/workqueue.c (worker and rescuer loops)',
    group: 'entry',
    why: 'the start of every kernel thread and work item',
    names: [
      /^ret_from_fork/, /^kthread$/, /^worker_thread$/, /^rescuer_thread$/, /^process_one_work$/, /^process_scheduled_works$/,
      /^kthread_worker_fn$/,
    ],
  },
];

/** Every group's name patterns, gathered from the source table above. */
export const frameGroups: Readonly<Record<FrameGroup, readonly RegExp[]>> = (() => {
  const groups = {} as Record<FrameGroup, RegExp[]>;
  for (const group of GROUP_NAMES) groups[group] = [];
  for (const entry of kernelSources) groups[entry.group].push(...entry.names);
  return groups;
})();

/** The kernel source entries behind a group, for documentation and tests. */
export function sourcesOf(group: FrameGroup): ReadonlyArray<{ source: string; why: string }> {
  return kernelSources.filter((entry) => entry.group === group).map(({ source, why }) => ({ source, why }));
}

/** Groups skipped by every report format: generic helpers whose callers are the ones to blame. */
export const alwaysSkipped: readonly FrameGroup[] = ['reporting', 'sanitizers', 'locking', 'memoryHelpers', 'socketBuffers', 'entry', 'allocator'];

/** Whether a regex source has a `|` outside any group or class (`^a|b`): its `^` anchors one branch only. */
function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let at = 0; at < source.length; at++) {
    const char = source[at];
    if (char === '\\') at++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * The patterns as one regex. Those anchored at the start share one `^`, so that the engine tries
 * them at the first position only instead of at every position of the symbol.
 */
export function combinePatterns(patterns: readonly RegExp[]): RegExp {
  const anchored = patterns.filter((pattern) => pattern.source.startsWith('^') && !hasTopLevelAlternation(pattern.source));
  const loose = patterns.filter((pattern) => !anchored.includes(pattern));
  const branches = [
    ...(anchored.length > 0 ? [`^(?:${anchored.map((pattern) => `(?:${pattern.source.slice(1)})`).join('|')})`] : []),
    ...loose.map((pattern) => `(?:${pattern.source})`),
  ];
  return new RegExp(branches.join('|') || '(?!)');
}

const groupPatterns = GROUP_NAMES.map((group) => combinePatterns(frameGroups[group]));
const CACHE_LIMIT = 20_000;

/*
 * Which groups each symbol seen so far belongs to, shared by every filter: bit 2i says group i
 * was tested, bit 2i+1 that the symbol is in it. A group is tested the first time a filter asks.
 */
const memberships = new Map<string, number>();
// Two bits a group in a 32-bit integer.
if (GROUP_NAMES.length > 15) throw new Error('frame-filters: more than 15 groups do not fit the membership bits');

function inGroup(symbol: string, group: number): boolean {
  let known = memberships.get(symbol) ?? 0;
  if ((known & (1 << (2 * group))) === 0) {
    known |= (1 << (2 * group)) | ((groupPatterns[group]?.test(symbol) ? 1 : 0) << (2 * group + 1));
    if (memberships.size >= CACHE_LIMIT) memberships.clear();
    memberships.set(symbol, known);
  }
  return (known & (1 << (2 * group + 1))) !== 0;
}

const filters = new Map<string, (symbol: string) => boolean>();

/**
 * A predicate telling whether a normalised symbol belongs to any of the given groups or matches
 * one of the extra patterns. Each group's patterns are one regex, compiled once and shared by
 * every predicate, and so are the answers; predicates are shared between reports (formats ask
 * for the same few combinations over and over).
 */
export function makeFrameFilter(groups: readonly FrameGroup[], extra: readonly RegExp[] = []): (symbol: string) => boolean {
  const key = `${groups.join(',')}|${extra.map((pattern) => pattern.source).join('|')}`;
  const known = filters.get(key);
  if (known) return known;
  const indices = [...new Set(groups.map((group) => GROUP_NAMES.indexOf(group)))];
  const extraPattern = extra.length > 0 ? combinePatterns(extra) : undefined;
  const extraAnswers = new Map<string, boolean>();
  const matchesExtra = (symbol: string): boolean => {
    if (extraPattern === undefined) return false;
    let answer = extraAnswers.get(symbol);
    if (answer === undefined) {
      answer = extraPattern.test(symbol);
      if (extraAnswers.size >= CACHE_LIMIT) extraAnswers.clear();
      extraAnswers.set(symbol, answer);
    }
    return answer;
  };
  const filter = (symbol: string): boolean => indices.some((group) => inGroup(symbol, group)) || matchesExtra(symbol);
  filters.set(key, filter);
  return filter;
}
