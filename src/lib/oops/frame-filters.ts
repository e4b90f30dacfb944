/**
 * Frames that are never the guilty one: the machinery that detects, reports, schedules, locks,
 * allocates or enters the kernel. Each group is a list of name patterns, matched against
 * normalised symbols; a report format adds the groups that apply to it, on top of the groups in
 * `alwaysSkipped` (helpers so widely shared that blaming them names no bug).
 */
export const frameGroups = {
  /** Printing the report itself, and the trap and fault handlers that led to it. */
  reporting: [
    /^(?:__)?dump_stack(?:_lvl)?$/, /^show_stack$/, /^show_regs$/, /^show_trace_log_lvl$/, /^sched_show_task$/,
    /^(?:__)?panic$/, /^vpanic$/, /^nmi_panic$/, /^__warn(?:_printk)?$/, /^warn_slowpath/, /^report_bug$/, /^handle_bug$/,
    /^fixup_bug$/, /^do_error_trap$/, /^do_trap/, /^do_invalid_op$/, /^invalid_op$/, /^exc_invalid_op$/,
    /^asm_exc_/, /^print_address_description$/, /^print_report$/, /^printk$/, /^_printk$/, /^vprintk/, /^printk_deferred$/, /^_printk_deferred$/,
    /^check_panic_on_warn$/, /^die$/, /^oops_end$/, /^__die$/, /^no_context$/, /^__bad_area_nosemaphore$/,
    /^bad_area/, /^page_fault_oops$/, /^kernelmode_fixup_or_oops$/, /^do_user_addr_fault$/, /^exc_page_fault$/,
    /^__do_page_fault$/, /^do_page_fault$/, /^page_fault$/, /^async_page_fault$/, /^do_general_protection$/,
    /^exc_general_protection$/, /^general_protection$/, /^die_addr$/, /^do_kern_addr_fault$/, /^spurious_kernel_fault$/,
    /^__die_body$/, /^die_body$/, /^nmi_cpu_backtrace/, /^nmi_trigger_cpumask_backtrace$/, /^arch_trigger_cpumask_backtrace$/,
    /^dump_backtrace$/, /^show_trace$/, /^__show_regs$/, /^print_trace_address$/, /^dump_trace$/, /^arch_stack_walk/,
    /^stack_trace_/, /^save_stack/, /^__save_stack_trace$/, /^save_trace$/, /^unwind_(?:next|get|find)/,
    /^dump_cpu_task$/, /^sched_show_task$/, /^show_state_filter$/, /^__schedule_bug$/, /^__might_sleep/,
    /^___might_sleep$/, /^__might_resched$/, /^__might_fault$/, /^might_fault$/, /^bust_spinlocks$/,
    /^__do_kernel_fault$/, /^do_bad_area$/, /^do_mem_abort$/, /^do_translation_fault$/, /^do_page_fault$/,
    /^el1_abort$/, /^el1h_64_sync/, /^el1_da$/, /^el1_sync/, /^do_DataAbort$/, /^do_PrefetchAbort$/,
    /^__bug$/, /^bug_handler$/, /^brk_handler$/, /^do_debug_exception$/, /^el1_dbg$/, /^call_break_hook$/,
    /^arm64_serror_panic$/, /^do_serror$/, /^die_kernel_fault$/, /^__do_user_fault$/, /^do_sea$/,
    /^hung_task_/, /^check_hung_/, /^watchdog$/, /^print_hex_dump/, /^hex_dump_to_buffer$/, /^__report_bug$/,
    /^do_int3/, /^exc_int3$/, /^int3$/, /^poke_int3_handler$/, /^do_divide_error$/, /^exc_divide_error$/,
    /^divide_error$/, /^do_stack_segment$/, /^exc_stack_segment$/, /^do_double_fault$/, /^exc_double_fault$/,
    /^handle_stack_overflow$/, /^fixup_exception$/, /^ex_handler_/, /^__ex_handler/, /^kernel_fault/,
    /^trace_/, /^__trace_/, /^perf_trace_/, /^trace_event_raw_event_/, /^spin_dump$/, /^spin_bug$/, /^rwlock_bug$/,
    /^do_tag_check_fault$/, /^do_tag_recovery$/, /^report_tag_fault$/, /^__do_kernel_fault$/, /^walk_stackframe$/, /^_stext$/, /^_etext$/, /^__stack_chk_fail$/,
  ],
  /** Sanitizer runtimes, coverage instrumentation and fault injection. */
  sanitizers: [
    /^(?:__)?asan_/, /^(?:__)?kasan_/, /^check_memory_region/, /^(?:__)?kmsan_/, /^__msan_/, /^msan_/,
    /^(?:__)?kfence_/, /^(?:__)?kcsan_/, /^__tsan_/, /^(?:__)?ubsan_/, /^__sanitizer_/, /^__hwasan_/,
    /^check_heap_object$/, /^__check_heap_object$/, /^(?:__)?check_object_size$/, /^usercopy_abort$/,
    /^report_(?:free|alloc|bug|access)?/, /^qlist_/, /^quarantine_/, /^qlink_/, /^set_track/, /^save_stack_trace/,
    /^should_fail/, /^fail_dump$/, /^should_failslab$/, /^__should_failslab$/, /^fault_create_debugfs_attr/,
    /^write_comp_data_nop$/, /^kmemleak_/, /^kmemcheck_/, /^debug_check_/, /^metadata_access_/,
    /^print_tainted$/, /^add_taint$/, /^check_stack_object$/, /^__check_object_size/, /^memcpy_fromio$/,
  ],
  /** Lock primitives and the lock validator: a bad access in them belongs to the lock's user. */
  locking: [
    /^(?:__)?lock_acquire/, /^lock_release$/, /^lock_acquired$/, /^lock_contended$/, /^(?:__)?lockdep_/,
    /^lock_is_held/, /^lock_downgrade$/, /^lock_sync$/, /^__lock_release$/, /^reacquire_held_locks$/,
    /^validate_chain$/, /^check_prevs?_add$/, /^check_noncircular$/, /^print_\w*_bug$/, /^print_circular_bug/, /^mark_lock/,
    /^mark_usage$/, /^mark_held_locks$/, /^register_lock_class$/, /^look_up_lock_class$/, /^__bfs/, /^check_irq_usage$/,
    /^print_usage_bug$/, /^valid_state$/, /^hlock_class$/, /^check_flags$/, /^find_held_lock$/, /^print_bad_irq_dependency$/,
    /^_raw_/, /^do_raw_/, /^raw_spin_rq_/, /^__raw_/, /^arch_spin_/, /^arch_read_/, /^arch_write_/, /^queued_/, /^native_queued_/,
    /^__pv_queued_/, /^pv_queued_/, /^spin_lock/, /^spin_unlock/, /^spin_trylock/, /^_spin_/, /^__spin_/, /^rt_spin_/,
    /^read_lock/, /^write_lock/, /^read_unlock/, /^write_unlock/, /^(?:__)?mutex_/, /^mutex_/, /^ww_mutex_/, /^__ww_mutex/,
    /rt_mutex/, /^down$/, /^down_/, /^__down/, /^up$/, /^up_/, /^__up/, /^(?:__)?rwsem_/, /^percpu_down/,
    /^percpu_up/, /^percpu_rwsem/, /^__percpu_/, /^(?:__)?seqcount_/, /^__seqprop/, /^(?:__)?atomic_dec_and/,
    /^_atomic_dec_and_/, /^(?:__)?refcount_/, /^kref_/, /^(?:__)?local_bh_/, /^__local_bh_enable_ip$/,
    /^(?:__)?rcu_read_(?:lock|unlock)/, /^__srcu_read_/, /^srcu_read_/, /^debug_lockdep_rcu_enabled$/,
    /^rcu_lockdep_/, /^lockdep_rcu_suspicious$/, /^preempt_count_/, /^(?:__)?preempt_(?:disable|enable)/,
    /^check_preemption_disabled$/, /^debug_smp_processor_id$/, /^__this_cpu_preempt_check$/, /^warn_bogus_irq_restore$/,
    /^trace_hardirqs/, /^lockdep_hardirqs/, /^__trace_hardirqs/, /^(?:__)?wake_up/, /^__wake_up_common/,
    /^lock_timer_base$/, /^__lock_timer$/, /^lock_sock_nested$/, /^__lock_sock$/, /^lock_sock$/, /^release_sock$/,
    /^(?:__)?wait_for_common/, /^do_wait_for_common$/, /^(?:__)?rcu_barrier/, /^__cond_resched_lock$/,
    /^bit_spin_lock$/, /^complete(?:_all)?$/, /^bit_spin_unlock$/, /^kernel_fpu_begin/, /^kernel_fpu_end$/, /^debug_lockdep/,
  ],
  /** Debugging facilities that detect someone else's bug. */
  debugChecks: [
    /^debug_object/, /^__debug_object/, /_is_static_object$/, /^debug_print_object$/, /^ref_tracker/, /^__list_(?:add|del)/, /^list_(?:add|del)/,
    /^__list_del_entry/, /^bad_page$/, /^check_free_page/, /^free_pages_check/, /^free_page_is_bad/,
    /^free_tail_pages_check$/, /^check_new_page/, /^free_pages_prepare$/, /^__free_pages_ok$/, /^free_unref_page/,
    /^__put_page$/, /^put_page$/, /^page_frag_free$/, /^__free_pages$/, /^free_pages$/, /^bad_page/, /^__dump_page$/,
    /^dump_page$/, /^check_new_pages$/, /^prep_new_page$/, /^post_alloc_hook$/, /^__set_page_owner$/, /^set_page_owner$/,
    /^page_owner_/, /^get_page_from_freelist$/, /^free_pcppages_bulk$/, /^free_unref_folios$/, /^__folio_put/, /^folio_put/,
    /^release_pages$/, /^__pagevec_release$/, /^free_pages_and_swap_cache$/, /^tlb_/, /^__tlb_/, /^free_compound_page$/,
    /^destroy_large_folio$/, /^unlock_page$/, /^folio_unlock$/, /^__free_one_page$/, /^free_one_page$/, /^__free_frozen_pages$/, /^free_frozen_pages/,
  ],
  /** Copy, string, bit and checksum helpers, and container data structures: the caller is at fault. */
  memoryHelpers: [
    /^(?:__)?mem(?:cpy|move|set|cmp|chr|dup|scan)/, /^(?:__)?str[a-z]+$/,
    /^(?:__)?(?:_)?copy_(?:to|from|in)_user/, /^raw_copy_/, /^copy_user_/, /^copyin$/, /^copyout$/, /^__copy_user/,
    /^(?:_)?copy_(?:to|from)_iter/, /^simple_copy_to_iter$/, /^copy_page_(?:to|from)_iter/, /^memcpy_(?:to|from)_/, /^__get_user/,
    /^__put_user/, /^get_user/, /^put_user/, /^strncpy_from_user$/, /^strnlen_user$/, /^csum_partial/, /^(?:__)?fortify_/,
    /^sized_strscpy$/, /^(?:__)?memcpy_/, /^(?:__)?memset_/, /^(?:__)?memmove_/, /^(?:__)?read_once/, /^__read_once/,
    /^read_word_at_a_time$/, /^(?:arch_)?atomic(?:64)?_/, /^(?:__)?(?:test_and_)?(?:set|clear|change)_bit/, /^test_bit$/,
    /^_find_(?:next|first)/, /^find_(?:next|first)_/, /^(?:__)?bitmap_/, /^(?:__)?rb_/, /^rb_erase/, /^rb_insert/,
    /^rb_next/, /^rb_prev/, /^rb_first/, /^rb_last/, /^klist_/, /^(?:__)?list_sort$/, /^(?:__)?rhashtable_/, /^rht_/,
    /^(?:__)?hlist_/, /^idr_/, /^(?:__)?ida_/, /^xa_/, /^__xa_/, /^xas_/, /^radix_tree_/, /^__radix_tree_/,
    /^vsnprintf$/, /^va_format$/, /^dev_vprintk_emit$/, /^dev_printk_emit$/, /^_*dev_printk$/, /^_dev_(?:info|warn|err|notice|emerg|crit|alert)$/, /^vscnprintf$/, /^v?sn?printf$/, /^scnprintf$/, /^kvasprintf/, /^string$/, /^string_nocheck$/,
    /^pointer$/, /^number$/, /^hex_string$/, /^(?:__)?crc/, /^crc32/, /^crc16$/, /^crc_itu_t/, /^crc_t10dif/,
    /^__bitmap_/, /^sort$/, /^sort_r$/, /^bsearch$/, /^__virt_to_phys/, /^__phys_addr/, /^virt_to_/, /^phys_to_/,
    /^__x86_indirect_thunk/, /^__x86_return_thunk$/, /^(?:__)?x86_indirect_/, /^memcmp$/, /^bcmp$/, /^__memcpy$/,
    /^aes(?:ti)?_(?:en|de)crypt$/, /^crypto_(?:ecb|cbc|ctr|skcipher|aead|shash|ahash|cipher)_/, /^cipher_crypt_one$/, /^chacha_/, /^sha\d*_/, /^blake2s_/, /^siphash/,
  ],
  /** The allocator, freeing and the page cache plumbing: the caller that asked is the one to blame. */
  allocator: [
    /^(?:__)?kmalloc/, /^kzalloc/, /^kcalloc/, /^krealloc/, /^(?:__)?kvmalloc/, /^kvzalloc/, /^kvcalloc/, /^kvrealloc/,
    /^(?:__)?kmem_cache_/, /^kmemdup/, /^kstrdup/, /^kstrndup/, /^kasprintf$/, /^kvasprintf/, /^(?:__)?kfree/, /^kvfree/,
    /^(?:__|___)?slab_/, /^(?:__)?alloc_pages/, /^alloc_page/, /^(?:__)?alloc_frozen_pages/, /^(?:__)?get_free_pages$/,
    /^get_zeroed_page$/, /^(?:__)?vmalloc/, /^vzalloc/, /^__vmalloc/, /^vfree$/, /^vunmap$/, /^__vunmap$/, /^(?:__)?vmap/,
    /^create_object/, /^__do_kmalloc/, /^kmalloc_/, /^__kmalloc_/, /^kmem_cache_zalloc/, /^warn_alloc/, /^__alloc_pages/,
    /^(?:__)?folio_alloc/, /^alloc_slab_page$/, /^allocate_slab$/, /^new_slab$/, /^(?:__|___)?slab_alloc/, /^put_cpu_partial$/,
    /^__put_partials$/, /^(?:__)?free_slab/, /^discard_slab$/, /^kmalloc_order/, /^kmalloc_large/, /^__kmalloc_large/,
    /^pcpu_alloc$/, /^__alloc_percpu/, /^alloc_percpu/, /^dma_alloc/, /^mempool_alloc/, /^(?:__)?page_frag_alloc/,
    /^alloc_pages_mpol/, /^alloc_pages_vma$/, /^vma_alloc_folio/, /^(?:__)?get_vm_area/, /^alloc_vmap_area$/,
    /^__alloc_skb$/, /^alloc_skb/, /^__netdev_alloc_skb$/, /^netdev_alloc_skb$/, /^dev_alloc_skb$/, /^__napi_alloc_skb$/,
    /^kmalloc_reserve$/, /^_*kmalloc/, /^_*filemap_alloc_folio/, /^_*filemap_get_folio/, /^pagecache_get_page$/, /^_*page_pool_/, /^grab_cache_page/, /^sock_kmalloc$/, /^sock_kzalloc$/, /^sk_prot_alloc$/, /^skb_clone$/, /^kstrdup_const$/,
    /^kvasprintf_const$/, /^_*list_lru_init/, /^alloc_inode$/, /^new_inode$/, /^radix_tree_node_alloc$/, /^kmem_alloc$/, /^kzalloc_node$/,
    /^__kzalloc/, /^kmalloc_array/, /^kvmalloc_array/, /^kmalloc_node/, /^__kvmalloc_node/, /^alloc_netdev/, /^kobject_set_name_vargs$/,
    /^kobject_set_name$/, /^dev_set_name$/, /^kvasprintf$/,
  ],
  /** Socket buffer helpers and their assertions. */
  socketBuffers: [
    /^(?:__)?kfree_skb/, /^kfree_skb/, /^consume_skb$/, /^skb_release_/, /^__kfree_skb$/, /^skb_(?:over|under)_panic$/,
    /^skb_panic$/, /^(?:__)?skb_put/, /^(?:__)?skb_push$/, /^(?:__)?skb_pull/, /^skb_free_head$/,
    /^pskb_expand_head$/, /^__pskb_pull_tail$/, /^skb_copy_bits$/, /^skb_copy_datagram/,
    /^skb_copy_and_csum/, /^__skb_checksum/, /^skb_checksum$/, /^kfree_skb_list/,
  ],
  /** Device model, kobject and sysfs plumbing shared by every driver. */
  deviceCore: [
    /^kobject_/, /^__kobject_/, /^kobj_/, /^kset_/, /^sysfs_/, /^__sysfs_/, /^device_add$/, /^device_del$/,
    /^device_unregister$/, /^device_register$/, /^device_release_driver/, /^__device_release_driver$/, /^devres_release/,
    /^release_nodes$/, /^bus_remove_device$/, /^bus_add_device$/, /^driver_probe_device$/, /^really_probe$/,
    /^__driver_attach$/, /^device_links_/, /^put_device$/, /^get_device$/, /^internal_create_group$/, /^kernfs_remove_by_name/, /^device_remove_file$/, /^device_destroy$/, /^device_release$/,
    /^dpm_sysfs_remove$/, /^get_device_parent$/, /^usb_kill_urb$/, /^usb_kill_anchored_urbs$/, /^usb_poison_urb$/, /^rollback_registered/,
    /^unregister_netdevice/, /^tty_unregister_device$/, /^tty_port_unregister_device$/,
    /^i2c_del_adapter$/, /^__unregister_client$/, /^device_for_each_child/, /^bus_for_each_(?:dev|drv)$/, /^i2c_unregister_device$/, /^unregister_netdev$/, /^usb_start_wait_urb$/, /^usb_control_msg$/, /^usb_bulk_msg$/,
  ],
  /** Inode, dentry and buffer reference helpers that warn about their caller's misuse. */
  fsHelpers: [
    /^(?:drop|clear|inc|set)_nlink$/, /^mark_buffer_dirty/, /^(?:__)?brelse$/, /^(?:__)?bforget$/, /^dput$/, /^fast_dput$/,
    /^iput$/, /^iput_final$/, /^ihold$/, /^__iget$/, /^mark_inode_dirty/, /^__mark_inode_dirty$/, /^d_instantiate/,
  ],
  /** Workqueues and deferred work: the flush names who waited, not who broke it. */
  deferredWork: [
    /^(?:__)?flush_work/, /^(?:__)?flush_workqueue/, /^(?:__)?queue_work/, /^queue_delayed_work/, /^__queue_delayed_work$/,
    /^(?:__)?cancel_work/, /^(?:__)?cancel_delayed_work/, /^drain_workqueue$/, /^destroy_workqueue$/,
    /^kthread_insert_work/, /^(?:__)?kthread_queue_work/, /^cleanup_srcu_struct/, /^(?:__)?call_rcu/, /^kfree_call_rcu$/,
    /^(?:__)?mod_timer/, /^del_timer/, /^(?:__)?timer_delete/, /^add_timer/, /^_*try_to_del_timer/, /^_*del_timer_sync$/, /^_*timer_delete_sync$/, /^try_to_grab_pending$/, /^sk_stop_timer/, /^sk_reset_timer$/,
    /^__init_work$/, /^init_timer_key$/, /^insert_work$/, /^kthread_stop/, /^kthread_park$/, /^hrtimer_cancel$/, /^hrtimer_start/, /^__hrtimer_start/, /^usb_kill_urb$/,
  ],
  /** Sleeping, waiting and locking primitives, for hangs and lock reports. */
  waiting: [
    /^(?:__)?schedule$/, /^schedule_/, /^io_schedule/, /^preempt_schedule/, /^__cond_resched$/, /^_cond_resched$/,
    /^(?:__)?context_switch$/, /^__switch_to/, /^switch_to$/, /^finish_task_switch/, /^__sched_text_start$/,
    /^(?:__)?wait_for_/, /^wait_for_/, /^wait_on_/, /^__wait_on_/, /^wait_event/, /^__wait_event/, /^do_wait_for_common$/,
    /^console_lock$/, /^tty_ldisc_lock/, /fdatawait/, /^filemap_write_and_wait/, /^wait_on_page_writeback$/,
    /^msleep/, /^usleep_range/, /^schedule_hrtimeout/, /^do_nanosleep$/, /^hrtimer_nanosleep$/, /^__rt_mutex_slowlock/,
    /^kthread_stop$/, /^wait_woken$/, /^sk_wait_data$/, /^__skb_wait_for_more_packets$/, /^folio_wait/, /^__folio_lock/,
    /^__lock_page/, /^lock_page/, /^wait_on_page_bit/, /^__wait_on_bit/, /^out_of_line_wait_on_bit/, /^bit_wait/,
    /^freezer_/, /^__refrigerator$/, /^rcu_is_watching$/, /^prepare_to_wait/, /^finish_wait$/, /^autoremove_wake_function$/,
    /^ldsem_down/, /^__ldsem_down/, /^io_schedule_timeout$/, /^(?:__)?wait_rcu_gp$/, /^__wait_rcu_gp$/,
    /^rwbase_/, /^__rwbase_/, /^(?:__)?wait_var_event/, /^__var_waitqueue$/, /^wait_on_bit/,
  ],
  /** Interrupt, softirq and timer plumbing that interrupted the guilty code. */
  interrupts: [
    /^(?:__)?do_softirq$/, /^handle_softirqs$/, /^do_softirq/, /^invoke_softirq$/, /^irq_exit/, /^__irq_exit_rcu$/,
    /^run_ksoftirqd$/, /^smpboot_thread_fn$/, /^net_rx_action$/, /^__napi_poll/, /^napi_poll$/, /^process_backlog$/,
    /^tasklet_action/, /^__tasklet_action/, /^call_timer_fn$/, /^__run_timers/, /^run_timer_softirq$/, /^expire_timers$/,
    /^__hrtimer_run_queues$/, /^hrtimer_interrupt$/, /^__sysvec_/, /^sysvec_/, /^asm_sysvec_/, /^smp_apic_timer_interrupt/,
    /^apic_timer_interrupt/, /^local_apic_timer_interrupt$/, /^tick_sched_/, /^update_process_times$/, /^tick_handle_/,
    /^tick_nohz_/, /^tick_do_/, /^rcu_sched_clock_irq$/, /^rcu_check_callbacks$/, /^rcu_pending$/, /^check_cpu_stall/,
    /^print_cpu_stall/, /^print_other_cpu_stall/, /^rcu_dump_cpu_stacks$/, /^rcu_check_gp_kthread_starvation$/,
    /^watchdog_timer_fn$/, /^rcu_core$/, /^rcu_do_batch$/, /^rcu_process_callbacks$/, /^rcu_core_si$/, /^irq_work_/,
    /^asm_common_interrupt$/, /^common_interrupt$/, /^ret_from_intr$/, /^do_IRQ$/, /^handle_irq/, /^handle_edge_irq$/,
    /^handle_fasteoi_irq$/, /^__handle_irq_event/, /^handle_irq_event/, /^irq_exit_rcu$/, /^el1_/, /^el0_/,
    /^gic_handle_irq$/, /^trigger_load_balance$/, /^scheduler_tick$/, /^sched_tick$/, /^task_tick_fair$/, /^entity_tick$/,
    /^native_irq_return_iret$/, /^irqentry_/, /^asm_call_irq_on_stack$/, /^asm_call_on_stack$/, /^call_on_stack$/,
    /^do_softirq_own_stack$/, /^run_on_irqstack_cond$/, /^asm_call_sysvec_on_stack$/, /^retint_kernel$/, /^restore_regs_and_return_to_kernel$/,
    /^rcu_print_detail_task_stall/, /^rcu_print_task_stall/, /^rcu_dump_cpu_stacks$/, /^print_cpu_stall_info$/,
    /^smp_call_function_interrupt$/, /^generic_smp_call_function_single_interrupt$/, /^__flush_smp_call_function_queue$/,
    /^flush_smp_call_function_queue$/, /^sysvec_call_function_single$/, /^irq_enter/, /^rcu_irq_/, /^rcu_nmi_/,
    /^rcu_exp_handler$/, /^rcu_exp_wait_wake$/, /^nmi_handle$/, /^default_do_nmi$/, /^do_nmi$/, /^exc_nmi$/, /^end_repeat_nmi$/,
    /^entry_SYSCALL_64_after_hwframe$/, /^.*_entry_after_kaiser.*$/, /^rcu_gp_kthread/, /^rcu_gp_fqs/, /^force_qs_rnp$/,
    /^native_safe_halt$/, /^arch_safe_halt$/, /^default_idle/, /^arch_cpu_idle/, /^cpu_idle/, /^do_idle$/, /^cpu_startup_entry$/,
    /^handle_percpu_devid_irq$/, /^__irq_svc$/, /^__irq_usr$/, /^arch_timer_handler/, /^tick_periodic$/, /^generic_handle_domain_irq$/, /^__handle_domain_irq$/, /^generic_handle_irq$/, /^call_with_stack$/,
  ],
  /** Kernel entry and thread start: the bottom of every stack. */
  entry: [
    /^entry_SYSCALL/, /^do_syscall_/, /^__do_fast_syscall/, /^do_fast_syscall/, /^entry_SYSENTER/, /^entry_INT80/,
    /^ret_from_fork/, /^kthread$/, /^worker_thread$/, /^process_one_work$/, /^process_scheduled_works$/,
    /^x64_sys_call$/, /^ia32_sys_call$/, /^syscall_exit_to_user_mode/, /^exit_to_user_mode$/, /^irqentry_exit_to_user_mode$/, /^el0_svc/, /^invoke_syscall$/,
    /^do_el0_svc/, /^el0t_64_sync/, /^el0t_32_sync/, /^syscall_trace_enter/, /^do_int80_syscall_32$/, /^ret_fast_syscall$/,
    /^entry_SYSCALL_64_fastpath$/, /^system_call_fastpath$/, /^tracesys/, /^int_ret_from_sys_call$/,
  ],
} as const satisfies Record<string, readonly RegExp[]>;

export type FrameGroup = keyof typeof frameGroups;

/** Groups skipped by every report format: generic helpers whose callers are the ones to blame. */
export const alwaysSkipped: readonly FrameGroup[] = ['reporting', 'sanitizers', 'locking', 'memoryHelpers', 'socketBuffers', 'entry'];

const filters = new Map<string, (symbol: string) => boolean>();
const CACHE_LIMIT = 20_000;

/**
 * A predicate telling whether a normalised symbol belongs to any of the given groups. The
 * patterns are compiled into one alternation, and predicates and their answers are shared
 * between reports (formats ask for the same few combinations over and over).
 */
export function makeFrameFilter(groups: readonly FrameGroup[], extra: readonly RegExp[] = []): (symbol: string) => boolean {
  const key = `${groups.join(',')}|${extra.map((pattern) => pattern.source).join('|')}`;
  const known = filters.get(key);
  if (known) return known;
  const patterns = [...groups.flatMap((group) => frameGroups[group]), ...extra];
  const combined = new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join('|') || '(?!)');
  const cache = new Map<string, boolean>();
  const filter = (symbol: string): boolean => {
    let skip = cache.get(symbol);
    if (skip === undefined) {
      skip = combined.test(symbol);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(symbol, skip);
    }
    return skip;
  };
  filters.set(key, filter);
  return filter;
}
