import { NMI_WATCHDOG } from './formats/hangs.ts';

/**
 * A `WARNING: CPU: n PID: n at <file>:<line> <function>` fired inside a checker is a report about
 * the checker's caller. The file that warned (or, for a few shared entry points, the function)
 * names the kind of bug, and the checker's own frames are skipped to find the caller.
 */
export interface WarningKind {
  /** Source file that issued the WARN. */
  file?: RegExp;
  /** Function that issued the WARN, when the file alone is too broad. */
  func?: RegExp;
  /** What the warning is about, as it appears in the title: `WARNING: <kind> in <caller>`. */
  kind: string;
  /** A title other than `WARNING: <kind> in {frame}`. */
  title?: string;
  crashClass: string;
  /** The checker's frames. */
  skip: readonly RegExp[];
}

export const warningKinds: readonly WarningKind[] = [
  { file: /^lib\/refcount\.c$/, kind: 'refcount bug', crashClass: 'REFCOUNT_WARNING', skip: [/^refcount_/, /^__refcount_/, /^kref_/] },
  {
    file: /^lib\/debugobjects\.c$/,
    kind: 'ODEBUG bug',
    crashClass: 'WARNING',
    skip: [/debug_object/, /^debug_print_object$/, /debug_check_no_obj_freed/, /^kfree$/, /^kvfree$/, /^kmem_cache_free$/, /^slab_free/, /^__slab_free$/, /^__kmem_cache_free$/, /^free_/, /^__free_/, /^kfree_/, /^vfree$/, /^__vunmap$/, /^vunmap$/, /^init_timer_key$/, /^__init_work$/, /^destroy_\w*_on_stack$/, /^timer_/, /^hrtimer_/, /^__hrtimer_/],
  },
  {
    // The allocators' size checks (a size beyond KMALLOC_MAX_SIZE or INT_MAX asked of kmalloc or
    // kvmalloc). A WARN on the free path of the same files (free_large_kmalloc) is about the
    // object being freed, not about a kmalloc call: an ordinary WARNING.
    file: /^mm\/(?:slab_common|util|slab|slub)\.c$/,
    func: /^(?!.*free)/,
    kind: 'kmalloc bug',
    crashClass: 'WARNING',
    skip: [/^kmalloc/, /^__kmalloc/, /^kvmalloc/, /^__kvmalloc/, /^kvzalloc/, /^kzalloc/, /^kcalloc/, /^kvcalloc/, /^kmalloc_slab$/, /^krealloc/, /^kmemdup/, /^kmalloc_array/, /^kvmalloc_array/, /^__do_kmalloc/, /^kmalloc_order/, /^__kmalloc_node/],
  },
  { file: /^mm\/vmalloc\.c$/, kind: 'zero-size vmalloc', crashClass: 'WARNING', skip: [/vmalloc/, /^vzalloc/, /^__vmalloc/, /^vmalloc_user$/, /^kvmalloc/, /^__kvmalloc/] },
  {
    // kernel/lockdep.c before 3.16.
    file: /^kernel\/(?:locking\/)?lockdep\.c$/,
    kind: 'locking bug',
    crashClass: 'LOCKDEP',
    skip: [/^lock_/, /^__lock_/, /^lockdep_/, /^__lockdep_/, /^_raw_/, /^do_raw_/, /^up_/, /^down_/, /^mutex_/, /^__mutex_/, /^rwsem_/, /^__rwsem_/, /^spin_/, /^__up_/, /^__down_/, /^hlock_class$/, /^check_flags$/, /^mark_/, /^validate_chain$/, /^__bfs/, /^print_/],
  },
  { file: /^fs\/proc\/generic\.c$/, kind: 'proc registration bug', crashClass: 'WARNING', skip: [/^proc_/, /^__proc_/, /^_proc_/] },
  { file: /^lib\/kobject\.c$/, kind: 'kobject bug', crashClass: 'WARNING', skip: [/^kobject_/, /^__kobject_/, /^kset_/] },
  { file: /^mm\/usercopy\.c$/, kind: 'bad usercopy', crashClass: 'WARNING', skip: [/usercopy/, /check_object_size/, /check_heap_object/, /copy_(?:to|from)_user/, /^put_user/, /^get_user/] },
  // Before 4.10 list debugging warned instead of BUG()ing, the message on the next line.
  { file: /^lib\/list_debug\.c$/, kind: 'corrupted list', title: 'BUG: corrupted list in {frame}', crashClass: 'MEMORY_SAFETY_BUG', skip: [/^__list_/, /^list_/, /^__hlist_/, /^hlist_/] },
  // Before 4.13 the NMI watchdog reported a hard lockup as WARN(1, "Watchdog detected hard LOCKUP
  // on cpu %d") in kernel/watchdog.c: a hang, titled as the newer kernels' report is.
  { file: /^kernel\/watchdog\.c$/, kind: 'hard lockup', title: 'BUG: hard lockup in {frame}', crashClass: 'HANG', skip: NMI_WATCHDOG },
  // usb_submit_urb() warns about its caller's URB: syzbot names both.
  { func: /^usb_submit_urb$/, kind: 'usb_submit_urb', title: 'WARNING in {frame}/usb_submit_urb', crashClass: 'WARNING', skip: [/^usb_submit_urb$/, /^usb_start_wait_urb$/, /^usb_control_msg$/, /^usb_bulk_msg$/, /^usb_interrupt_msg$/] },
];

/** The warning kind for a WARN issued at `path:line` in `func`, if it is a known checker. */
export function warningKindFor(location: string, func = ''): WarningKind | undefined {
  const file = location.replace(/^\.\//, '').replace(/:\d+$/, '');
  const name = func.replace(/\+0x.*$/, '').replace(/\.(?:isra|constprop|part|cold)(?:\.\d+)?/g, '');
  return warningKinds.find((kind) => (kind.file ? kind.file.test(file) : true) && (kind.func ? kind.func.test(name) : true));
}

/** `kernel BUG at <file>:<line>!` raised by a checker: the title names the check, as the WARN kinds do. */
export const bugKinds: ReadonlyArray<{ file: RegExp; title: string; crashClass: string }> = [
  { file: /^mm\/usercopy\.c$/, title: 'BUG: bad usercopy in {frame}', crashClass: 'BUG' },
  { file: /^lib\/list_debug\.c$/, title: 'BUG: corrupted list in {frame}', crashClass: 'MEMORY_SAFETY_BUG' },
];

export function bugKindFor(location: string): (typeof bugKinds)[number] | undefined {
  const file = location.replace(/^\.\//, '').replace(/:\d+!?$/, '');
  return bugKinds.find((kind) => kind.file.test(file));
}
