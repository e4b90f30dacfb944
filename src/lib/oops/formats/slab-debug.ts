import type { ReportFormat } from './report-format.ts';

/*
 * SLUB's consistency checks (mm/slub.c: slab_bug, object_err, slab_err, check_bytes_and_report,
 * free_consistency_checks, list_slab_objects) and the older SLAB allocator's (mm/slab.c:
 * check_poison_obj, slab_error). slab_bug() prints a rule of `=` signs, then
 * `BUG <cache> (<taint>): <problem>` (kernels before 2.6.30 left the taint out), then the
 * object's history (`INFO: Allocated in …`, `Allocated in … age=…` and a stack on newer
 * kernels), its hex dump, and finally dump_stack() of the task that tripped the check.
 *
 * syzbot titles these by the problem alone (`BUG: Object already free`): the cache name and
 * the addresses vary from run to run. The guilty frame is still read from the final stack,
 * past the allocator and the checks themselves.
 */

// The checks and the printing of the report: their caller is the one to look at.
const SLUB_CHECKS = [
  /^object_err$/, /^slab_err$/, /^slab_bug$/, /^slab_fix$/, /^print_trailer$/, /^print_tracking$/, /^print_track$/,
  /^print_page_info$/, /^print_slab_info$/, /^print_section$/, /^check_bytes_and_report$/, /^check_object$/, /^check_slab$/,
  /^check_pad_bytes$/, /^slab_pad_check$/, /^on_freelist$/, /^check_valid_pointer$/, /^(?:__)?free_debug_processing$/,
  /^(?:__)?alloc_debug_processing$/, /^free_consistency_checks$/, /^alloc_consistency_checks$/, /^free_to_partial_list$/,
  /^list_slab_objects$/, /^validate_slab/, /^__kmem_cache_shutdown$/, /^kmem_cache_destroy$/, /^shutdown_cache$/,
  /^check_poison_obj$/, /^slab_error$/, /^cache_free_debugcheck$/, /^cache_alloc_debugcheck_after$/, /^poison_obj$/,
  /^(?:__)?cache_free$/, /^___cache_free$/, /^(?:__)?do_slab_free$/, /^(?:__)?slab_free/, /^(?:__)?kfree/, /^kvfree/,
];

const SLUB_HEADER_TAINT = String.raw`^BUG (\S+) \((?:Not tainted|Tainted: [^)]*)\): `;

export const slabDebugFormats: readonly ReportFormat[] = [
  {
    // kmem_cache_destroy() of a cache whose objects were never freed: a leak by the cache's
    // owner, named by the cache (a module's own cache names the module). 6.x kernels dropped
    // the cache from the message: it is in the `BUG <cache>` part then.
    name: 'slub-objects-remaining',
    hint: 'Objects remaining',
    header: new RegExp(`${SLUB_HEADER_TAINT}Objects remaining(?: in \\S+)? on __kmem_cache_shutdown\\(\\)`),
    title: 'BUG: Objects remaining in {1} on __kmem_cache_shutdown()',
    crashClass: 'LEAK',
    frame: { from: 'stack' },
    skip: ['deviceCore'],
    skipAlso: SLUB_CHECKS,
    noStackNeeded: true,
  },
  {
    // Every other SLUB check. The problem is kept up to its first number, address or full
    // stop: `Padding overwritten. 0x…-0x… @offset=…` is titled `BUG: Padding overwritten`,
    // `Invalid object pointer 0x…` `BUG: Invalid object pointer`, then the function that was
    // freeing or allocating the object when the check ran, past the allocator and the checks
    // (`BUG: Object already free in tgt_abort_cmd`); a report without a stack keeps the problem alone.
    name: 'slub-debug',
    hint: 'BUG ',
    header: new RegExp(
      `(?:${SLUB_HEADER_TAINT}|^BUG (\\S+): (?=(?:Left |Right )?Redzone|Poison|Object|Freepointer|Freechain|Wrong|Invalid|Padding|Alignment|Not a valid|Attempt to free))([A-Za-z][A-Za-z ]*[A-Za-z])`,
    ),
    title: 'BUG: {3}{ in frame}',
    crashClass: 'DoS',
    frame: { from: 'stack' },
    skip: ['deviceCore'],
    skipAlso: SLUB_CHECKS,
    noStackNeeded: true,
  },
  {
    // SLAB's poison check (mm/slab.c check_poison_obj), at the next allocation of the object:
    // the stack is the allocator's next user, not the culprit, so the title names no frame.
    name: 'slab-corruption',
    hint: 'Slab corruption',
    header: /^Slab corruption(?: \([^)]*\))?: (\S+) start=/,
    title: 'BUG: Slab corruption',
    crashClass: 'DoS',
    frame: { from: 'stack' },
    skip: ['deviceCore'],
    skipAlso: SLUB_CHECKS,
    noStackNeeded: true,
  },
  {
    // SLAB's other complaints (mm/slab.c slab_error): `slab error in cache_free_debugcheck():
    // cache `kmalloc-64': double free, or memory outside object was overwritten`.
    name: 'slab-error',
    hint: 'slab error in',
    header: /^slab error in (\w+)\(\): cache `[^']*': ([A-Za-z][A-Za-z ,]*[A-Za-z])/,
    title: 'BUG: slab error in {1}: {2}',
    crashClass: 'DoS',
    frame: { from: 'stack' },
    skip: ['deviceCore'],
    skipAlso: SLUB_CHECKS,
    noStackNeeded: true,
  },
];
