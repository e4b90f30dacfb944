import type { ReportFormat } from './report-format.ts';
import { MEMORY_PRESSURE_SKIP } from './skip-sets.ts';

/*
 * Running out of memory: the OOM killer (mm/oom_kill.c) and allocations that failed or stalled
 * (mm/page_alloc.c warn_alloc, mm/vmalloc.c). Both print the allocating task's stack right after
 * their first line; the frame to blame is the first one outside the allocator and the OOM
 * killer, the code that asked for the memory.
 */

// The page and slab allocators below the caller: the frames between warn_alloc() or
// out_of_memory() and the code that asked. Narrower than the `allocator` frame group on purpose:
// wrappers that choose the size and the GFP flags themselves (`__napi_alloc_skb`,
// `mempool_alloc`, `dma_alloc_attrs`) are the asking code here.
const PAGE_ALLOCATOR = [
  /^warn_alloc/, /^(?:__)?alloc_pages/, /^(?:__)?alloc_frozen_pages/, /^(?:__)?get_free_pages$/, /^get_zeroed_page$/,
  /^(?:__)?folio_alloc/, /^alloc_pages_current$/, /^alloc_pages_vma$/, /^vma_alloc_folio/, /^get_page_from_freelist$/,
  /^(?:__)?rmqueue/, /^__page_cache_alloc$/, /^page_cache_alloc/, /^_*filemap_alloc_folio/, /^alloc_slab_page$/,
  /^allocate_slab$/, /^new_slab$/, /^_*slab_alloc/, /^(?:__)?kmem_cache_alloc/, /^_*kmalloc/, /^kzalloc/, /^kcalloc/,
  /^krealloc/, /^_*kvmalloc/, /^kvzalloc/, /^kvcalloc/, /^(?:__)?vmalloc/, /^vzalloc/, /^__vmalloc/, /^(?:__)?page_frag_alloc/,
  /^page_frag_cache_refill$/, /^__page_frag_cache_refill$/, /^alloc_pages_exact/, /^(?:__)?alloc_pages_node$/, /^__do_kmalloc/,
  /^kmalloc_order/, /^kmalloc_large/, /^__kmalloc_large/, /^kmem_cache_zalloc$/, /^__vmalloc_area_node$/, /^vm_area_alloc_pages$/,
  /^new_slab_objects$/, /^___slab_alloc$/, /^refill_obj_stock$/, /^cpuset_print_/, /^_*filemap_get_folio/, /^pagecache_get_page$/,
  /^grab_cache_page/, /^find_or_create_page$/,
];

// The OOM killer's own frames, and the memory cgroup charge paths that call it.
const OOM_KILLER = [
  /^dump_header$/, /^(?:__)?oom_kill_process$/, /^(?:__)?out_of_memory$/, /^select_bad_process$/, /^oom_evaluate_task$/,
  /^check_panic_on_oom$/, /^dump_tasks$/, /^pagefault_out_of_memory$/, /^mem_cgroup_out_of_memory$/, /^mem_cgroup_oom/,
  /^(?:__)?mem_cgroup_charge/, /^mem_cgroup_try_charge/, /^(?:__)?try_charge/, /^charge_memcg$/, /^(?:__)?memcg_kmem_charge/,
  /^obj_cgroup_charge/, /^__memcg_slab_post_alloc_hook$/, /^__alloc_pages_may_oom$/, /^oom_reap/,
];

/** An OOM report, from the killer or the panic: named after the allocating code, past the allocator and the killer. */
const OOM_REPORT = {
  title: 'out of memory in {frame}',
  crashClass: 'OOM',
  minor: true,
  frame: { from: 'stack' },
  skip: MEMORY_PRESSURE_SKIP,
  skipOnly: true,
  skipAlso: [...OOM_KILLER, ...PAGE_ALLOCATOR],
} satisfies Partial<ReportFormat>;

/** The kill line alone, when the report that led to it is not in the log: it names no frame. */
const OOM_KILL_LINE = {
  crashClass: 'OOM',
  minor: true,
  frame: { from: 'none' },
  skip: [],
  consequence: true,
  noStackNeeded: true,
} satisfies Partial<ReportFormat>;

/** A failed or stalled allocation that mm/page_alloc.c warn_alloc() reports: named after the caller, past the allocator. */
const WARN_ALLOC = {
  minor: true,
  frame: { from: 'stack' },
  skip: MEMORY_PRESSURE_SKIP,
  skipOnly: true,
  skipAlso: PAGE_ALLOCATOR,
} satisfies Partial<ReportFormat>;

export const memoryPressureFormats: readonly ReportFormat[] = [
  {
    // dump_header(): `<comm> invoked oom-killer: gfp_mask=0x…(GFP_KERNEL), order=0,
    // oom_score_adj=0` (2.6.3x kernels also print `oom_adj=`, 2.6.18 no task name:
    // `oom-killer: gfp_mask=0x201d2, order=0`), then the allocating task's stack, Mem-Info,
    // the task table and `Out of memory: Killed process …`.
    name: 'oom-killer',
    hint: 'oom-killer: gfp_mask',
    // OOM kills come in bursts and often follow another report (what ran the machine out of
    // memory), and another CPU's OOM output can land inside a dying kernel's panic: an OOM
    // header inside an open report belongs to it.
    consequence: true,
    header: /^(?:\S.{0,63} invoked )?oom-killer: gfp_mask=/,
    ...OOM_REPORT,
  },
  {
    // panic_on_oom (check_panic_on_oom) and out_of_memory() with nothing left to kill: the
    // stack after the panic is the allocating task's, as in the report above.
    name: 'oom-panic',
    hint: 'Kernel panic - not syncing: ',
    header: /^Kernel panic - not syncing: (?:Out of memory|System is deadlocked on memory)/,
    ...OOM_REPORT,
    consequence: true,
  },
  {
    // The kill itself when the report that led to it is not in the log: `Out of memory: Killed
    // process 1234 (comm) total-vm:…` (before 4.x: `Out of memory: Kill process 1234 (comm)
    // score 900 or sacrifice child`, 2.6.2x `kill process … or a child`, 2.6.18 `Killed process
    // 1234 (java).`), from __oom_kill_process() and oom_kill_process().
    name: 'oom-kill',
    hint: 'Out of memory',
    header: /^Out of memory(?: \(oom_kill_allocating_task\))?: [Kk]ill(?:ed)? process \d+/,
    title: 'out of memory',
    ...OOM_KILL_LINE,
  },
  {
    name: 'oom-memcg-kill',
    hint: 'Memory cgroup out of memory',
    header: /^Memory cgroup out of memory: Kill(?:ed)? process \d+/,
    title: 'memory cgroup out of memory',
    ...OOM_KILL_LINE,
  },
  {
    // warn_alloc(): `<comm>: page allocation failure: order:4, mode:0x40cc0(GFP_KERNEL|__GFP_COMP),
    // nodemask=(null)`; before 4.10 warn_alloc_failed() printed `order:8, mode:0x204010` and
    // 2.6 kernels `page allocation failure. order:1, mode:0x20`. The order stays in the title:
    // a high-order failure (fragmentation) and an order-0 one (no memory at all) are different
    // problems at the same call site.
    name: 'page-allocation-failure',
    hint: 'page allocation failure',
    header: /^\S.{0,63}?: page allocation failure[:.] order:(\d+)/,
    title: 'page allocation failure: order:{1} in {frame}',
    crashClass: 'ALLOC_FAILURE',
    ...WARN_ALLOC,
  },
  {
    // warn_alloc() for an allocation that kept retrying (4.9 to 4.14): `page allocation stalls
    // for 10104ms, order:0, mode:…`.
    name: 'page-allocation-stall',
    hint: 'page allocation stalls',
    header: /^\S.{0,63}?: page allocation stalls for \d+ms, order:(\d+)/,
    title: 'page allocation stall: order:{1} in {frame}',
    crashClass: 'ALLOC_STALL',
    ...WARN_ALLOC,
  },
  {
    // mm/vmalloc.c through warn_alloc(): `vmalloc error: size 8192, failed to allocate pages`
    // (5.x), `vmalloc: allocation failure: 8192 bytes` and `vmalloc: allocation failure,
    // allocated 4096 of 8192 bytes` (older).
    name: 'vmalloc-failure',
    hint: 'vmalloc',
    header: /^\S.{0,63}?: vmalloc(?: error: size \d+|: allocation failure)/,
    title: 'vmalloc allocation failure in {frame}',
    crashClass: 'ALLOC_FAILURE',
    ...WARN_ALLOC,
  },
];
