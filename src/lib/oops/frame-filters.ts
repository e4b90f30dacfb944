/**
 * Frames that are never the guilty one: the machinery that detects, reports, schedules, locks,
 * allocates or enters the kernel. Each group is a list of name patterns, matched against
 * normalised symbols; a report format adds the groups that apply to it.
 */
export const frameGroups = {
  /** Printing the report itself. */
  reporting: [
    /^(?:__)?dump_stack(?:_lvl)?$/, /^show_stack$/, /^show_regs$/, /^show_trace_log_lvl$/, /^sched_show_task$/,
    /^panic$/, /^vpanic$/, /^nmi_panic$/, /^__warn(?:_printk)?$/, /^warn_slowpath/, /^report_bug$/, /^handle_bug$/,
    /^fixup_bug$/, /^do_error_trap$/, /^do_trap$/, /^do_invalid_op$/, /^invalid_op$/, /^exc_invalid_op$/,
    /^asm_exc_/, /^print_address_description$/, /^print_report$/, /^printk$/, /^_printk$/, /^vprintk/,
    /^check_panic_on_warn$/, /^die$/, /^oops_end$/, /^__die$/, /^no_context$/, /^__bad_area_nosemaphore$/,
    /^bad_area/, /^page_fault_oops$/, /^kernelmode_fixup_or_oops$/, /^do_user_addr_fault$/, /^exc_page_fault$/,
    /^__do_page_fault$/, /^do_page_fault$/, /^page_fault$/, /^async_page_fault$/, /^do_general_protection$/,
    /^exc_general_protection$/, /^general_protection$/, /^die_addr$/, /^do_kern_addr_fault$/, /^spurious_kernel_fault$/,
    /^__die_body$/, /^die_body$/, /^nmi_cpu_backtrace/, /^nmi_trigger_cpumask_backtrace$/, /^arch_trigger_cpumask_backtrace$/,
  ],
  /** Sanitizer runtimes and their checks. */
  sanitizers: [
    /^__?asan_/, /^__?kasan_/, /^kasan_/, /^check_memory_region/, /^__?kmsan_/, /^kmsan_/, /^__msan_/,
    /^__?kfence_/, /^kfence_/, /^__?kcsan_/, /^kcsan_/, /^__tsan_/, /^__?ubsan_/, /^ubsan_/, /^__sanitizer_/,
    /^check_heap_object$/, /^__check_heap_object$/, /^__check_object_size$/, /^check_object_size$/, /^usercopy_abort$/,
    /^report_(?:free|alloc)?_?/, /^memcpy_fromio$/,
  ],
  /** Debugging facilities that detect someone else's bug. */
  debugChecks: [
    /^lock_acquire$/, /^lock_release$/, /^__lock_acquire$/, /^lock_acquired$/, /^lock_contended$/, /^lockdep_/,
    /^validate_chain$/, /^check_prevs?_add$/, /^check_noncircular$/, /^print_circular_bug$/, /^__lockdep_/,
    /^mark_lock/, /^mark_usage$/, /^debug_check_no_locks/, /^debug_object_/, /^__debug_object_/, /^debug_print_object$/,
    /^refcount_/, /^__refcount_/, /^ref_tracker/, /^__list_(?:add|del)_valid/, /^__list_del_entry/, /^list_(?:add|del)/,
    /^__might_sleep$/, /^__might_resched$/, /^___might_sleep$/, /^__might_fault$/, /^might_fault$/, /^rcu_lockdep_/,
    /^lockdep_rcu_suspicious$/, /^bad_page$/, /^check_free_page/, /^free_pages_check/, /^free_page_is_bad/,
    /^free_tail_pages_check$/, /^check_new_page/, /^__free_pages_ok$/, /^free_pages_prepare$/, /^free_unref_page/,
    /^__put_page$/, /^put_page$/, /^page_frag_free$/, /^__free_pages$/, /^free_pages$/,
  ],
  /** Copy and string helpers: a bad access in them belongs to their caller. */
  memoryHelpers: [
    /^__?mem(?:cpy|move|set|cmp|chr)/, /^str(?:len|nlen|cpy|ncpy|cmp|ncmp|chr|rchr|scpy|lcpy|cat|ncat|stroy)$/,
    /^__str/, /^(?:_|__)?copy_(?:to|from)_user/, /^raw_copy_/, /^copy_user_/, /^copyin$/, /^copyout$/,
    /^_copy_(?:to|from)_iter$/, /^copy_(?:to|from)_iter/, /^__check_object_size$/, /^memcpy_(?:to|from)_/,
    /^csum_partial/, /^fortify_/, /^__fortify_/, /^sized_strscpy$/,
  ],
  /** The allocator, for leaks: the caller that asked for memory is the one that lost it. */
  allocator: [
    /^__?kmalloc/, /^kmalloc/, /^kzalloc/, /^kcalloc/, /^krealloc/, /^__?kvmalloc/, /^kvzalloc/, /^kvcalloc/,
    /^kmem_cache_alloc/, /^__kmem_cache_alloc/, /^kmemdup/, /^kstrdup/, /^kstrndup/, /^kasprintf$/, /^kvasprintf$/,
    /^slab_/, /^__slab_/, /^___slab_/, /^slab_post_alloc_hook$/, /^alloc_pages/, /^__alloc_pages/, /^alloc_page/,
    /^__get_free_pages$/, /^get_zeroed_page$/, /^__?vmalloc/, /^vzalloc/, /^kmemleak_/, /^create_object/,
    /^__kmalloc_node/, /^kmalloc_trace/, /^kmalloc_node/, /^__kmalloc_track_caller/, /^kmem_cache_zalloc/,
    /^__alloc_skb$/, /^alloc_skb/, /^__netdev_alloc_skb$/, /^__do_kmalloc_node$/, /^kmalloc_reserve$/,
  ],
  /** Sleeping, waiting and locking primitives, for hangs and lock reports. */
  waiting: [
    /^__?schedule$/, /^schedule_/, /^io_schedule/, /^preempt_schedule/, /^__cond_resched$/, /^_cond_resched$/,
    /^__?mutex_lock/, /^mutex_lock/, /^mutex_trylock/, /^down$/, /^down_/, /^__down/, /^rwsem_/, /^__rwsem/,
    /^percpu_down/, /^percpu_rwsem/, /^rt_mutex/, /^__rt_mutex/, /^__?wait_for_/, /^wait_for_/, /^wait_on_/,
    /^__wait_on_/, /^wait_event/, /^__wait_event/, /^do_wait_for_common$/, /^__flush_work$/, /^flush_work$/,
    /^__flush_workqueue$/, /^flush_workqueue$/, /^synchronize_rcu/, /^synchronize_srcu/, /^__synchronize_srcu$/,
    /^synchronize_net$/, /^rcu_barrier/, /^_raw_spin_lock/, /^_raw_read_lock/, /^_raw_write_lock/, /^do_raw_spin_lock$/,
    /^queued_spin_lock_slowpath$/, /^native_queued_spin_lock_slowpath$/, /^__pv_queued_spin_lock_slowpath$/,
    /^queued_(?:read|write)_lock_slowpath$/, /^spin_lock/, /^__lock_sock$/, /^lock_sock_nested$/, /^lock_sock$/,
    /^msleep/, /^usleep_range/, /^schedule_hrtimeout/, /^do_nanosleep$/, /^hrtimer_nanosleep$/, /^__rt_mutex_slowlock/,
    /^kthread_stop$/, /^wait_woken$/, /^sk_wait_data$/, /^__skb_wait_for_more_packets$/, /^folio_wait/, /^__folio_lock/,
    /^__lock_page/, /^lock_page/, /^wait_on_page_bit/, /^__wait_on_bit/, /^out_of_line_wait_on_bit/, /^bit_wait/,
    /^__lock_timer$/, /^do_exit$/, /^do_group_exit$/, /^get_signal$/, /^__mutex_lock_common$/, /^freezer_/, /^__refrigerator$/,
    /^rcu_is_watching$/, /^__x64_sys_(?:futex|nanosleep|clock_nanosleep)$/,
  ],
  /** Interrupt, softirq and timer plumbing that interrupted the guilty code. */
  interrupts: [
    /^__?do_softirq$/, /^handle_softirqs$/, /^do_softirq/, /^invoke_softirq$/, /^irq_exit/, /^__irq_exit_rcu$/,
    /^run_ksoftirqd$/, /^smpboot_thread_fn$/, /^net_rx_action$/, /^__napi_poll/, /^napi_poll$/, /^process_backlog$/,
    /^tasklet_action/, /^__tasklet_action/, /^call_timer_fn$/, /^__run_timers/, /^run_timer_softirq$/, /^expire_timers$/,
    /^__hrtimer_run_queues$/, /^hrtimer_interrupt$/, /^__sysvec_/, /^sysvec_/, /^asm_sysvec_/, /^smp_apic_timer_interrupt$/,
    /^apic_timer_interrupt$/, /^local_apic_timer_interrupt$/, /^tick_sched_/, /^update_process_times$/, /^tick_handle_/,
    /^rcu_sched_clock_irq$/, /^rcu_check_callbacks$/, /^rcu_pending$/, /^check_cpu_stall/, /^print_cpu_stall/,
    /^print_other_cpu_stall/, /^rcu_dump_cpu_stacks$/, /^rcu_check_gp_kthread_starvation$/, /^watchdog_timer_fn$/,
    /^rcu_core$/, /^rcu_do_batch$/, /^rcu_process_callbacks$/, /^rcu_core_si$/, /^irq_work_/, /^asm_common_interrupt$/,
    /^common_interrupt$/, /^ret_from_intr$/, /^do_IRQ$/, /^handle_irq/, /^handle_edge_irq$/, /^handle_fasteoi_irq$/,
    /^__handle_irq_event/, /^handle_irq_event/, /^irq_exit_rcu$/, /^el1_/, /^el0_/, /^gic_handle_irq$/, /^trigger_load_balance$/,
    /^scheduler_tick$/, /^sched_tick$/, /^task_tick_fair$/, /^entity_tick$/, /^preempt_count_/, /^trace_hardirqs/,
    /^lockdep_hardirqs/, /^native_irq_return_iret$/, /^irqentry_/, /^asm_call_irq_on_stack$/, /^asm_call_on_stack$/,
    /^call_on_stack$/, /^do_softirq_own_stack$/, /^run_on_irqstack_cond$/, /^asm_call_sysvec_on_stack$/, /^__sysvec_apic_timer_interrupt$/,
  ],
  /** Kernel entry and thread start: the bottom of every stack. */
  entry: [
    /^entry_SYSCALL/, /^do_syscall_/, /^__do_fast_syscall/, /^do_fast_syscall/, /^entry_SYSENTER/, /^entry_INT80/,
    /^ret_from_fork/, /^kthread$/, /^worker_thread$/, /^process_one_work$/, /^process_scheduled_works$/,
    /^x64_sys_call$/, /^syscall_exit_to_user_mode/, /^exit_to_user_mode/, /^el0_svc/, /^invoke_syscall$/,
    /^do_el0_svc/, /^el0t_64_sync/, /^__se_sys_/, /^__do_sys_/, /^__x64_sys_/, /^__ia32_sys_/, /^__arm64_sys_/,
    /^SyS_/, /^sys_/, /^SYSC_/, /^C_SYSC_/, /^compat_SyS_/, /^do_syscall_64$/,
  ],
} as const satisfies Record<string, readonly RegExp[]>;

export type FrameGroup = keyof typeof frameGroups;

/** A predicate telling whether a normalised symbol belongs to any of the given groups. */
export function makeFrameFilter(groups: readonly FrameGroup[], extra: readonly RegExp[] = []): (symbol: string) => boolean {
  const patterns = [...groups.flatMap((group) => frameGroups[group]), ...extra];
  const cache = new Map<string, boolean>();
  return (symbol) => {
    let skip = cache.get(symbol);
    if (skip === undefined) {
      skip = patterns.some((pattern) => pattern.test(symbol));
      cache.set(symbol, skip);
    }
    return skip;
  };
}
