import type { FrameGroup } from '../frame-filters.ts';

/** Frame groups each family of reports looks past, on top of the always-skipped ones (frame-filters.ts). */
export const SANITIZER_SKIP: readonly FrameGroup[] = ['interrupts', 'allocator', 'debugChecks', 'deviceCore', 'waiting', 'deferredWork', 'fsHelpers'];
export const FAULT_SKIP: readonly FrameGroup[] = ['debugChecks', 'deviceCore', 'deferredWork', 'waiting'];
export const WARN_SKIP: readonly FrameGroup[] = ['debugChecks', 'allocator', 'deviceCore', 'deferredWork', 'fsHelpers'];
export const HANG_SKIP: readonly FrameGroup[] = ['waiting', 'interrupts', 'debugChecks', 'deferredWork', 'deviceCore'];
export const LOCK_SKIP: readonly FrameGroup[] = ['waiting', 'debugChecks', 'deferredWork', 'allocator', 'fsHelpers'];
export const LEAK_SKIP: readonly FrameGroup[] = ['allocator', 'deviceCore', 'debugChecks'];
