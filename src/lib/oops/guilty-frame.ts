import type { StackFrame } from './frames.ts';

/**
 * A stall report prints the stack of the CPU the watchdog caught. The frames above the
 * interrupt (timer, RCU and watchdog machinery) are how it was caught; the code that would not
 * let go starts at the interrupted instruction (the `RIP:` inside the trace) or, lacking one,
 * at the first frame outside interrupt context.
 */
export function stalledFrames(frames: readonly StackFrame[]): readonly StackFrame[] {
  const rip = frames.findIndex((frame, index) => frame.isRip && index > 0);
  if (rip >= 0) return frames.slice(rip);
  const interrupted = frames.findIndex((frame, index) => index > 0 && frame.context === 'task' && frames[index - 1]?.context !== 'task');
  if (interrupted >= 0) return frames.slice(interrupted);
  // Without context markers (old x86-64 printed `<IRQ>`/`<EOI>` on a frame's own line), the
  // innermost timer interrupt's entry frame is the boundary: what it interrupted is printed below
  // it (a softirq run on an earlier interrupt's exit included).
  const entry = frames.findIndex((frame) => INTERRUPT_ENTRY.test(frame.normalized));
  if (entry >= 0 && entry < frames.length - 1) return frames.slice(entry + 1);
  return frames;
}

// The assembly entry of the timer interrupt (arch/x86/entry/entry_64.S before 4.2 and
// arch/x86/kernel/entry_64.S, arch/arm/kernel/entry-armv.S `__irq_svc`).
const INTERRUPT_ENTRY = /^apic_timer_interrupt$|^__irq_svc$/;

// kernel/sched/core.c: a stack whose innermost frame is the scheduler (or the task dump that
// printed it) belongs to a task that was switched out, not to a CPU the watchdog caught running.
const SWITCHED_OUT = /^(?:__)?schedule$|^__schedule_loop$|^_*preempt_schedule|^__switch_to|^context_switch$|^sched_show_task$/;

// The scheduler tick and the NMI a stall detector catches a running CPU with (kernel/time/,
// kernel/rcu/tree_stall.h, arch/x86/kernel/apic/apic.c, arch/x86/kernel/nmi.c), for stacks printed
// without `<IRQ>` markers.
const TICK = /apic_timer_interrupt|^hrtimer_interrupt$|^update_process_times$|^tick_sched_|^rcu_sched_clock_irq$|^rcu_check_callbacks$|^(?:do|exc|default_do)_nmi$|^nmi_handle$|^__irq_svc$|^gic_handle_irq$/;

/**
 * True when a stall report's stack shows a task that had left the CPU: the preempted RCU readers
 * and grace-period kthread a stall report lists, or the reporting task's own dump. Such a stack
 * says what was waiting, not what kept a CPU busy.
 */
export function isSwitchedOut(frames: readonly StackFrame[]): boolean {
  const top = frames.find((frame) => frame.reliable && !frame.isRip);
  return top !== undefined && SWITCHED_OUT.test(top.normalized) && !frames.some((frame) => frame.context !== 'task' || TICK.test(frame.normalized));
}

/**
 * The first frame the filter does not skip, preferring reliable frames over `?` ones.
 *
 * An `[inline]` frame is a symbolizer's addition (scripts/decode_stacktrace.sh, syzbot's reports):
 * the kernel printed one return address, in the function the code was inlined into, which is the
 * next frame that is not inline. The report is named after that function, as it is when the same
 * log is read unsymbolised; when that function is skipped too, the search goes on below it.
 */
export function firstGuiltyFrame(frames: readonly StackFrame[], skip: (symbol: string) => boolean): StackFrame | undefined {
  const at = frames.findIndex((frame) => frame.reliable && !skip(frame.normalized));
  const found = frames[at];
  if (!found?.inline) return found;
  const hostAt = frames.findIndex((frame, index) => index > at && !frame.inline);
  const host = frames[hostAt];
  if (!host || host.isRip !== found.isRip) return found;
  if (host.reliable && !skip(host.normalized)) return host;
  return firstGuiltyFrame(frames.slice(hostAt + 1), skip) ?? found;
}

// The lowest frame of an interrupt taken in kernel mode: the vector the CPU entered through, below
// which the interrupted code's own frames continue (arch/x86/entry/entry_64.S and
// arch/x86/include/asm/idtentry.h, arch/arm64/kernel/entry.S, arch/arm/kernel/entry-armv.S).
const INTERRUPT_VECTOR = /^(?:asm_sysvec_\w+|asm_common_interrupt|apic_timer_interrupt|ret_from_intr|el1_irq|el1h_64_irq|__irq_svc)$/;

/**
 * Index of the first frame of the code an interrupt arrived in, or -1 when the stack shows no
 * interrupt: where `<IRQ>`/`<SOFTIRQ>` context gives way to the task, else the frame below the
 * interrupt vector.
 */
function interruptedFrom(frames: readonly StackFrame[]): number {
  const marked = frames.findIndex((frame, index) => index > 0 && frame.context === 'task' && /IRQ/.test(frames[index - 1]?.context ?? ''));
  if (marked >= 0) return marked;
  const vector = frames.findIndex((frame) => INTERRUPT_VECTOR.test(frame.normalized));
  return vector >= 0 && vector + 1 < frames.length ? vector + 1 : -1;
}

/**
 * The first frame the filter does not skip, with two corrections the stack's structure calls for.
 *
 * A report made inside an interrupt: the interrupted code only happened to be
 * running when the interrupt came, so it cannot have made the interrupt's bad access: when every
 * frame the interrupt ran is skipped (timer, softirq and irq plumbing are skipped so that the
 * handler they called is named), the first of them that is not a generic helper (`core`) is the
 * one to blame, e.g. `__run_timers` walking a freed timer rather than the task it interrupted.
 *
 * A bad access inside the stack unwinder on behalf of ordinary code: see unwinderAtFault.
 */
export function chooseGuiltyFrame(
  frames: readonly StackFrame[],
  skip: (symbol: string) => boolean,
  core: (symbol: string) => boolean,
): StackFrame | undefined {
  const found = firstGuiltyFrame(frames, skip);
  const boundary = interruptedFrom(frames);
  if (boundary < 0 || (found && frames.indexOf(found) < boundary)) return unwinderAtFault(frames, found);
  // Only the interrupt's own return addresses count: the register dump's instruction pointer is
  // printed before the markers and may belong to either side.
  return firstGuiltyFrame(frames.slice(0, boundary).filter((frame) => !frame.isRip), core) ?? found;
}

// Functions that hand control to a callback: the frame right above them is the callback.
// Timers, tasklets, work items, RCU callbacks, and the VFS, mm and netlink layers calling a
// file, vma or message handler.
const DISPATCHERS = new RegExp(
  '^(?:' +
    [
      'call_timer_fn', 'expire_timers', '__run_timers', 'process_one_work', 'tasklet_action_common', '__tasklet_action',
      'tasklet_action', 'tasklet_hi_action', '__hrtimer_run_queues', '__run_hrtimer', 'rcu_do_batch', '__napi_poll',
      'napi_poll', 'flush_smp_call_function_queue', '__flush_smp_call_function_queue', 'process_scheduled_works',
      '__vfs_write', 'vfs_write', '__vfs_read', 'vfs_read', 'new_sync_write', 'new_sync_read', 'vfs_iter_write',
      'vfs_iter_read', 'do_iter_write', 'do_iter_read', 'do_iter_readv_writev', 'vfs_writev', 'vfs_readv', 'do_readv_writev',
      'vfs_ioctl', 'do_vfs_ioctl', '__fput', 'do_dentry_open', 'mmap_region', '__mmap_region', 'do_mmap', '__do_fault',
      'do_read_fault', 'do_shared_fault', 'do_cow_fault', 'rtnetlink_rcv_msg', 'nfnetlink_rcv_msg', 'nfnetlink_rcv_batch', 'genl_family_rcv_msg', 'genl_family_rcv_msg_doit',
      'genl_family_rcv_msg_dumpit', 'genl_rcv_msg', 'netlink_dump', 'sock_sendmsg_nosec', '__sock_sendmsg', 'sock_sendmsg',
      'sock_recvmsg_nosec', 'sock_recvmsg', '____sys_sendmsg', '____sys_recvmsg', '__sys_setsockopt', '__sys_getsockopt',
      'sock_common_setsockopt', 'sock_common_getsockopt', '__sys_connect', '__sys_bind', 'vfs_fsync_range',
      'seq_read', 'seq_read_iter', 'vfs_fallocate', 'ioctl_preallocate', 'vfs_llseek', 'do_splice_from', 'do_splice_to',
    ].join('|') +
    ')$',
);

/**
 * Frames that say what a stalled CPU was busy with: a system call, an ioctl handler, a packet
 * receive handler, a cross-CPU call, or a callback run by a timer, tasklet or work item. A stall
 * is titled after the first of them from the top, which stays the same when the watchdog catches
 * the CPU at a different instruction of the same loop.
 */
const STALL_ANCHORS: readonly RegExp[] = [
  /^(?:__(?:x64|ia32|arm64)_)?(?:compat_)?sys_/, /^SyS_/, /^__se_(?:compat_)?sys_/, /^__do_(?:compat_)?sys_/, /^ksys_/,
  /^smp_call_function/, /^on_each_cpu/, /^(?!do_vfs_|vfs_|ksys_|sock_|compat_|__x64_|__ia32_|__arm64_|__se_|__do_|SyS_|sys_|blkdev_|tty_|block_|fd_|do_)\w+_ioctl$/,
  /^(?!rawv6_|raw_|udp|tcp_v|__udp|__tcp)\w+_rcv$/, /^br_handle_frame$/, /^__do_softirq$/,
];

const ANCHOR_EXCLUDED = /^(?:nf_\w+|\w+_sublist_rcv\w*|\w*netlink_rcv\w*|genl_rcv|__netif_receive_skb\w*|netif_receive_skb\w*|ip_rcv_finish|ip6_rcv_finish|ip_local_deliver\w*|ip6_input\w*|tcp_v[46]_do_rcv|__sys_\w+|sys_call_table)$/;

/** The frame a stall is blamed on, see STALL_ANCHORS; undefined when no frame is an anchor. */
export function stallAnchor(frames: readonly StackFrame[], skip: (symbol: string) => boolean): StackFrame | undefined {
  for (const [index, frame] of frames.entries()) {
    if (!frame.reliable) continue;
    const name = frame.normalized;
    if (ANCHOR_EXCLUDED.test(name)) continue;
    if (STALL_ANCHORS.some((anchor) => anchor.test(name))) return frame;
    const caller = frames.slice(index + 1).find((next) => next.reliable);
    if (caller && DISPATCHERS.test(caller.normalized) && !skip(name) && !DISPATCHERS.test(name)) return frame;
  }
  return undefined;
}

// The stack unwinders' own steps (arch/x86/kernel/unwind_orc.c, unwind_frame.c, dumpstack_64.c,
// arch/arm64/kernel/stacktrace.c), and the entry points that ask them for a whole trace
// (kernel/stacktrace.c, arch/*/kernel/stacktrace.c).
const UNWINDER_STEP = /^(?:unwind_next_frame|__unwind_start|update_stack_state|deref_stack_reg|unwind_get_return_address(?:_ptr)?|orc_find|stack_access_ok|get_stack_info(?:_noinstr)?|in_(?:task|irq|exception|entry)_stack|_*kunwind_\w+|do_kunwind)$/;
const TRACE_REQUEST = /^(?:stack_trace_save\w*|save_stack_trace\w*|__save_stack_trace\w*|arch_stack_walk\w*|stack_trace_consume_entry\w*)$/;

/**
 * The unwinder is skipped because reports and debug records call it to save or print a stack.
 * When the code that asked for the trace is ordinary code instead (reading /proc/PID/stack, a BPF
 * or perf stack request), nothing but the trace request sits between the unwinder and the guilty
 * frame, and a bad access inside the unwinder is the unwinder's own: it is named.
 */
export function unwinderAtFault(frames: readonly StackFrame[], guilty: StackFrame | undefined): StackFrame | undefined {
  const at = guilty ? frames.indexOf(guilty) : -1;
  if (at <= 0) return guilty;
  const step = frames.findIndex((frame, index) => index < at && frame.reliable && UNWINDER_STEP.test(frame.normalized));
  if (step < 0) return guilty;
  const between = frames.slice(step + 1, at).filter((frame) => frame.reliable);
  return between.every((frame) => UNWINDER_STEP.test(frame.normalized) || TRACE_REQUEST.test(frame.normalized)) ? frames[step] : guilty;
}
