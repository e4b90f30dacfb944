import type { SeededRandom } from './seeded-random.ts';

/** What a crash kind's header lines can refer to. */
export interface CrashContext {
  /** The frame the report blames, as printed: `func+0x1f/0x80`. */
  site: string;
  /** Its plain name. */
  func: string;
  /** A source file of the path, e.g. `net/core/skbuff.c`. */
  source: string;
  comm: string;
  pid: number;
  cpu: number;
  random: SeededRandom;
}

/** One row per kind of kernel report: how it starts, which symptoms it shows, what finds its cause. */
export interface CrashKind {
  id: string;
  /** Symptom ids from `content/symptoms/`; the first is the one the header line matches. */
  symptoms: string[];
  /** Lines before the `CPU:` line. */
  header(context: CrashContext): string[];
  /** Whether the report dumps `RIP:` and registers (oopses do; lockup and hung-task reports often do not). */
  registers: boolean;
  /** Frames printed above the path by the reporting code itself (`dump_stack_lvl`, `kasan_report`). */
  reportFrames: string[];
  /** Tools that can find the cause, from `content/tools/`. */
  tools: string[];
  /** Checklists from `content/checklists/`. */
  checklists: string[];
  /** Words for titles: "NULL pointer dereference in …". */
  headline: string;
}

const addr = (random: SeededRandom) => `ffff${random.hex(4)}${random.hex(8)}`;
const oopsLine = (random: SeededRandom, code: string) => `${code}: 0000 [#${random.int(1, 3)}] ${random.pick(['SMP PTI', 'PREEMPT SMP NOPTI', 'SMP NOPTI', 'PREEMPT SMP KASAN PTI'])}`;

export const crashKinds: CrashKind[] = [
  {
    id: 'null-deref',
    symptoms: ['null-pointer-dereference'],
    header: ({ random }) => [
      `BUG: kernel NULL pointer dereference, address: 00000000000000${random.hex(2)}`,
      `#PF: supervisor ${random.pick(['read', 'write'])} access in kernel mode`,
      '#PF: error_code(0x0000) - not-present page',
      'PGD 0 P4D 0 ',
      oopsLine(random, 'Oops'),
    ],
    registers: true,
    reportFrames: [],
    tools: ['kdump', 'crash', 'decode-stacktrace', 'addr2line', 'drgn'],
    checklists: ['capture-crash-evidence'],
    headline: 'NULL pointer dereference',
  },
  {
    id: 'gpf',
    symptoms: ['general-protection-fault'],
    header: ({ random }) => [
      `general protection fault, probably for non-canonical address 0x${random.pick(['dead', 'dfff'])}${random.hex(12)}: 0000 [#1] SMP PTI`,
    ],
    registers: true,
    reportFrames: [],
    tools: ['kasan', 'slub-debug', 'kdump', 'crash', 'decode-stacktrace'],
    checklists: ['memory-corruption-debug-kernel'],
    headline: 'general protection fault',
  },
  {
    id: 'paging-request',
    symptoms: ['kernel-paging-request'],
    header: ({ random }) => [
      `BUG: unable to handle page fault for address: ${addr(random)}`,
      '#PF: supervisor read access in kernel mode',
      '#PF: error_code(0x0000) - not-present page',
      `PGD ${random.hex(9)} P4D ${random.hex(9)} PUD 0 `,
      oopsLine(random, 'Oops'),
    ],
    registers: true,
    reportFrames: [],
    tools: ['kdump', 'crash', 'kasan', 'debug-pagealloc', 'addr2line'],
    checklists: ['capture-crash-evidence', 'memory-corruption-debug-kernel'],
    headline: 'page fault on a stale pointer',
  },
  {
    id: 'kernel-bug',
    symptoms: ['kernel-bug'],
    header: ({ source, random }) => [
      '------------[ cut here ]------------',
      `kernel BUG at ${source}:${random.int(40, 4200)}!`,
      oopsLine(random, 'invalid opcode'),
    ],
    registers: true,
    reportFrames: [],
    tools: ['kdump', 'crash', 'decode-stacktrace', 'version-bisection'],
    checklists: ['capture-crash-evidence'],
    headline: 'BUG_ON',
  },
  {
    id: 'warning',
    symptoms: ['warning-splat'],
    header: ({ source, site, cpu, pid, random }) => [
      '------------[ cut here ]------------',
      `WARNING: CPU: ${cpu} PID: ${pid} at ${source}:${random.int(40, 4200)} ${site}`,
    ],
    registers: true,
    reportFrames: [],
    tools: ['ftrace', 'bpftrace', 'decode-stacktrace', 'perf-probe'],
    checklists: ['capture-crash-evidence'],
    headline: 'WARN_ON splat',
  },
  {
    id: 'kasan-uaf',
    symptoms: ['kasan-report'],
    header: ({ site, comm, pid, random }) => [
      '==================================================================',
      `BUG: KASAN: ${random.pick(['slab-use-after-free', 'use-after-free', 'slab-out-of-bounds', 'global-out-of-bounds', 'null-ptr-deref'])} in ${site}`,
      `${random.pick(['Read', 'Write'])} of size ${random.pick([1, 2, 4, 8])} at addr ${addr(random)} by task ${comm}/${pid}`,
      '',
    ],
    registers: false,
    reportFrames: ['dump_stack_lvl', 'print_report', 'kasan_report'],
    tools: ['kasan', 'slub-debug', 'page-owner', 'version-bisection'],
    checklists: ['memory-corruption-debug-kernel'],
    headline: 'KASAN use-after-free',
  },
  {
    id: 'soft-lockup',
    symptoms: ['soft-lockup'],
    header: ({ comm, pid, cpu, random }) => [`watchdog: BUG: soft lockup - CPU#${cpu} stuck for ${random.int(22, 90)}s! [${comm}:${pid}]`],
    registers: true,
    reportFrames: [],
    tools: ['lockup-detectors', 'ftrace', 'sysrq', 'perf-probe'],
    checklists: ['hang-triage'],
    headline: 'soft lockup',
  },
  {
    id: 'hung-task',
    symptoms: ['hung-task'],
    header: ({ comm, pid, random }) => [
      `INFO: task ${comm}:${pid} blocked for more than ${random.pick([120, 122, 241, 245, 368, 491])} seconds.`,
      '"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
      `task:${comm.padEnd(15)} state:D stack:0     pid:${pid}  ppid:2      flags:0x00004000`,
    ],
    registers: false,
    reportFrames: ['__schedule', 'schedule', 'schedule_preempt_disabled'],
    tools: ['sysrq', 'lockdep', 'drgn', 'crash'],
    checklists: ['hang-triage'],
    headline: 'hung task',
  },
  {
    id: 'rcu-stall',
    symptoms: ['rcu-stall'],
    header: ({ cpu, random }) => [
      `rcu: INFO: rcu_${random.pick(['sched', 'preempt'])} self-detected stall on CPU`,
      `rcu: \t${cpu}-....: (${random.int(5000, 60000)} ticks this GP) idle=${random.hex(3)}/1/0x4000000000000000 softirq=${random.int(1000, 99999)}/${random.int(1000, 99999)} fqs=${random.int(100, 9999)}`,
    ],
    registers: true,
    reportFrames: [],
    tools: ['lockup-detectors', 'ftrace', 'sysrq'],
    checklists: ['hang-triage'],
    headline: 'RCU stall',
  },
  {
    id: 'list-corruption',
    symptoms: ['list-corruption', 'kernel-bug'],
    header: ({ random }) => [
      `list_del corruption. prev->next should be ${addr(random)}, but was ${addr(random)}. (prev=${addr(random)})`,
      '------------[ cut here ]------------',
      `kernel BUG at lib/list_debug.c:${random.pick([51, 53, 62, 64])}!`,
      oopsLine(random, 'invalid opcode'),
    ],
    registers: true,
    reportFrames: [],
    tools: ['kasan', 'slub-debug', 'kdump', 'crash'],
    checklists: ['memory-corruption-debug-kernel'],
    headline: 'list corruption',
  },
  {
    id: 'refcount',
    symptoms: ['refcount-underflow', 'warning-splat'],
    header: ({ cpu, pid }) => [
      '------------[ cut here ]------------',
      'refcount_t: underflow; use-after-free.',
      `WARNING: CPU: ${cpu} PID: ${pid} at lib/refcount.c:28 refcount_warn_saturate+0xba/0x110`,
    ],
    registers: true,
    reportFrames: ['refcount_warn_saturate'],
    tools: ['kasan', 'ftrace', 'bpftrace', 'kmemleak'],
    checklists: ['memory-corruption-debug-kernel', 'leak-hunt'],
    headline: 'refcount underflow',
  },
  {
    id: 'bad-page',
    symptoms: ['bad-page-state'],
    header: ({ comm, random }) => [
      `BUG: Bad page state in process ${comm}  pfn:${random.hex(6)}`,
      `page:${addr(random)} refcount:0 mapcount:0 mapping:0000000000000000 index:0x0 pfn:0x${random.hex(6)}`,
      `flags: 0x${random.hex(14)}(${random.pick(['slab|head', 'referenced|uptodate', 'head', 'lru|private'])})`,
      `page dumped because: ${random.pick(['PAGE_FLAGS_CHECK_AT_FREE flag(s) set', 'nonzero mapcount', 'non-NULL mapping'])}`,
    ],
    registers: false,
    reportFrames: ['dump_stack_lvl', 'bad_page'],
    tools: ['page-owner', 'debug-pagealloc', 'kasan', 'kmemleak'],
    checklists: ['memory-corruption-debug-kernel'],
    headline: 'Bad page state',
  },
  {
    id: 'usercopy',
    symptoms: ['usercopy-exposure', 'kernel-bug'],
    header: ({ random }) => [
      `usercopy: Kernel memory exposure attempt detected from SLUB object '${random.pick(['kmalloc-512', 'anon_vma_chain', 'skbuff_head_cache', 'dentry', 'filp'])}' (offset ${random.int(0, 400)}, size ${random.int(8, 4096)})!`,
      '------------[ cut here ]------------',
      'kernel BUG at mm/usercopy.c:99!',
      oopsLine(random, 'invalid opcode'),
    ],
    registers: true,
    reportFrames: ['usercopy_abort'],
    tools: ['kasan', 'slub-debug', 'kdump'],
    checklists: ['memory-corruption-debug-kernel'],
    headline: 'hardened usercopy BUG',
  },
  {
    id: 'lockdep',
    symptoms: ['lockdep-splat'],
    header: ({ comm, pid }) => [
      '======================================================',
      'WARNING: possible circular locking dependency detected',
      '------------------------------------------------------',
      `${comm}/${pid} is trying to acquire lock:`,
      '',
      'stack backtrace:',
    ],
    registers: false,
    reportFrames: ['dump_stack_lvl', 'check_noncircular', '__lock_acquire', 'lock_acquire'],
    tools: ['lockdep', 'ftrace'],
    checklists: ['hang-triage'],
    headline: 'lock inversion',
  },
  {
    id: 'page-alloc-failure',
    symptoms: ['page-allocation-failure'],
    header: ({ comm, random }) => [
      `${comm}: page allocation failure: order:${random.int(0, 4)}, mode:0x${random.pick(['820', '40cc0', '484020'])}(${random.pick(['GFP_ATOMIC', 'GFP_KERNEL|__GFP_COMP', 'GFP_ATOMIC|__GFP_COMP'])}), nodemask=(null),cpuset=/,mems_allowed=0-1`,
    ],
    registers: false,
    reportFrames: ['dump_stack_lvl', 'warn_alloc', '__alloc_pages_slowpath'],
    tools: ['slab-metrics', 'page-owner', 'bcc'],
    checklists: ['leak-hunt'],
    headline: 'atomic allocation failure',
  },
  {
    id: 'dma-api',
    symptoms: ['dma-api-warning', 'warning-splat'],
    header: ({ cpu, pid, random }) => [
      '------------[ cut here ]------------',
      `DMA-API: ${random.pick(['nvme 0000:01:00.0', 'i40e 0000:3b:00.0', 'mlx5_core 0000:5e:00.1'])}: device driver tries to free DMA memory it has not allocated [device address=0x${random.hex(16)}] [size=${random.int(64, 65536)} bytes]`,
      `WARNING: CPU: ${cpu} PID: ${pid} at kernel/dma/debug.c:${random.pick([968, 1024, 1047])} check_unmap+0x${random.hex(3)}/0x${random.hex(3)}`,
    ],
    registers: true,
    reportFrames: ['check_unmap', 'debug_dma_unmap_page'],
    tools: ['dma-api-debug', 'swiotlb-force', 'ftrace'],
    checklists: ['dma-mapping-audit'],
    headline: 'DMA-API unmap of an unknown mapping',
  },
  {
    id: 'kfence',
    symptoms: ['kfence-report'],
    header: ({ site }) => ['==================================================================', `BUG: KFENCE: use-after-free read in ${site}`, ''],
    registers: false,
    reportFrames: [],
    tools: ['kfence', 'kasan', 'slub-debug'],
    checklists: ['memory-corruption-debug-kernel'],
    headline: 'KFENCE use-after-free',
  },
];
