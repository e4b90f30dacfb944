import type { FrameGroup } from '../frame-filters.ts';

/** Frame groups each family of reports looks past, on top of the always-skipped ones (frame-filters.ts). */
export const SANITIZER_SKIP: readonly FrameGroup[] = ['interrupts', 'allocator', 'debugChecks', 'deviceCore', 'waiting', 'deferredWork', 'fsHelpers'];
export const FAULT_SKIP: readonly FrameGroup[] = ['debugChecks', 'deviceCore', 'deferredWork', 'waiting'];
export const WARN_SKIP: readonly FrameGroup[] = ['debugChecks', 'allocator', 'deviceCore', 'deferredWork', 'fsHelpers'];
export const HANG_SKIP: readonly FrameGroup[] = ['waiting', 'interrupts', 'debugChecks', 'deferredWork', 'deviceCore'];
export const LOCK_SKIP: readonly FrameGroup[] = ['waiting', 'debugChecks', 'deferredWork', 'allocator', 'fsHelpers'];
export const LEAK_SKIP: readonly FrameGroup[] = ['allocator', 'deviceCore', 'debugChecks'];
/** Reports about running out of memory: only the reporting, tracing and entry machinery, the allocator frames are listed by each row. */
export const MEMORY_PRESSURE_SKIP: readonly FrameGroup[] = ['reporting', 'sanitizers', 'locking', 'entry', 'debugChecks'];

/**
 * 32-bit ARM's stack dumper (arch/arm/kernel/traps.c, unwind.c) prints its own frames first:
 * `(unwind_backtrace) from (show_stack)`, `c_backtrace` with frame pointers. Rows whose stack
 * starts at dump_stack() skip them with the rest of the reporting frames.
 */
export const ARM_UNWINDER: readonly RegExp[] = [/^unwind_backtrace$/, /^c_backtrace$/, /^dump_backtrace_entry$/];
