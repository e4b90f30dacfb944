import { describe, expect, it } from 'vitest';
import { parseOops } from '../../src/lib/oops/parse-oops.ts';

// Headers in the kernel's own words, old and new spellings, each followed by the same short
// stack; the golden fixtures hold longer logs. `victim` is the function every title should name.
const STACK = ['CPU: 0 PID: 1 Comm: syz-executor Not tainted 6.8.0 #1', 'Call Trace:', ' <TASK>', ' dump_stack_lvl+0x1/0x2', ' victim+0x10/0x20', ' caller+0x10/0x20', ' </TASK>'];
const titles = (...header: string[]) => parseOops(['[    0.000000] Linux version 6.8.0', ...header, ...STACK].join('\n')).map((report) => report.title);

describe('sanitizer headers', () => {
  it('KCSAN: both sides named without offsets; one side (unknown origin) with its offset', () => {
    expect(titles('BUG: KCSAN: data-race in other / victim')).toEqual(['KCSAN: data-race in other / victim']);
    expect(titles('BUG: KCSAN: assert: race in other / victim')).toEqual(['KCSAN: assert: race in other / victim']);
    expect(titles('BUG: KCSAN: data-race in victim+0x2b1/0x6a0', '', 'race at unknown origin, with read to 0xffff88810a3c4d5c of 4 bytes by task 1 on cpu 1:')).toEqual([
      'KCSAN: data-race in victim',
    ]);
    expect(parseOops(['BUG: KCSAN: assert: race in victim+0x6df/0x760', ...STACK].join('\n'))[0]?.crashClass).toBe('KCSAN-ASSERT');
    expect(titles('BUG: KCSAN: data-race in victim+0x1c/0x40 [xfs]')).toEqual(['KCSAN: data-race in victim']);
    expect(titles('BUG: KCSAN: data-race in victim+0x1c/0x40 net/ipv4/tcp.c:512')).toEqual(['KCSAN: data-race in victim']);
  });

  it('UBSAN_TRAP: the check named by the trap handler, spelt as the reporting runtime spells it', () => {
    expect(titles('UBSAN: array index out of bounds at victim+0x8c/0x130 [ath9k_hw]')).toEqual(['UBSAN: array-index-out-of-bounds in victim']);
    expect(titles('Internal error: UBSAN: divide/remainder overflow: 00000000f2005503 [#1] SMP', 'pc : victim+0x19c/0x1b8')).toEqual([
      'UBSAN: divide/remainder-overflow in victim',
    ]);
  });

  it('KASAN before 4.11 (address in the header), symbolised or not', () => {
    expect(titles('BUG: KASAN: use-after-free in victim+0x39f/0x530 net/core/skbuff.c:123 at addr ffff8801cbeda574', 'Read of size 4 by task syz/1')).toEqual([
      'KASAN: use-after-free Read in victim',
    ]);
  });

  it('a KASAN hint inside a general protection fault report is no KASAN report of its own', () => {
    expect(titles('KASAN: null-ptr-deref in range [0x0000000000000010-0x0000000000000017]')).toEqual([]);
  });
});

describe('hang headers', () => {
  it.each([
    'rcu: INFO: rcu_preempt self-detected stall on CPU',
    'rcu: INFO: rcu_sched detected expedited stalls on CPUs/tasks: { 1-... } 26 jiffies s: 1229 root: 0x2/.',
    'INFO: rcu_tasks_trace detected stalls on tasks:',
    'INFO: rcu_sched_state detected stall on CPU 0 (t=15000 jiffies)',
    'INFO: RCU detected CPU 0 stall (t=4295359473/2500 jiffies)',
    'INFO: RCU detected CPU stalls: 1 (detected by 0, t=2500 jiffies)',
  ])('RCU stall: %s', (header) => {
    expect(titles(header)).toEqual(['INFO: rcu detected stall in victim']);
  });

  it('hard lockups reported by another CPU (6.6 buddy detector)', () => {
    expect(titles('watchdog: CPU1: Watchdog detected hard LOCKUP on cpu 2')).toEqual(['BUG: hard lockup in victim']);
  });

  it('the hung-task blocker detail is part of the hung-task report, not a report', () => {
    expect(titles('INFO: task syz:1 blocked for more than 143 seconds.', 'INFO: task syz:1 is blocked on a mutex likely owned by task syz:2.')).toEqual([
      'INFO: task hung in victim',
    ]);
  });
});

describe('warning banners', () => {
  it('6.19 banners: with a file, and without one (a module after the offset)', () => {
    expect(titles('WARNING: net/core/dev.c:11 at victim+0x1/0x2, CPU#0: swapper/0')).toEqual(['WARNING in victim']);
    expect(titles('WARNING: at victim+0x1c4/0x210 [nf_tables], CPU#2: nft/5123')).toEqual(['WARNING in victim']);
    expect(titles('WARNING: net/netfilter/nf_tables_api.c:12 at victim+0x1c4/0x210 [nf_tables], CPU#2: nft/5123')).toEqual(['WARNING in victim']);
    expect(titles('WARNING: net/mac80211/tx.c:5024 at victim+0x125d/0x1630 net/mac80211/tx.c:5024, CPU#1: syz.9.803/11907')).toEqual(['WARNING in victim']);
    expect(titles('WARNING: [a[0] == 1] io_uring/io_uring.c:3026 at victim+0x44c/0xbc0, CPU#0: kworker/u8:0/10040')).toEqual(['WARNING in victim']);
    // A message that happens to start with `at` is not a banner.
    expect(titles('WARNING: at least one device is offline')).toEqual(['WARNING: at least one device is offline']);
  });

  it('a banner that lost the space after `at` still has its path; a word starting with `at` is no path', () => {
    expect(titles('WARNING: atarch/x86/xen/mmu.c:475 victim+0x32/0x8e()')).toEqual(['WARNING in victim']);
    expect(titles('WARNING: atomic.c:12 at victim+0x1/0x2, CPU#0: x/1')).toEqual(['WARNING in victim']);
  });

  it('kmemcheck names the state of the memory read', () => {
    expect(titles('WARNING: kmemcheck: Caught 32-bit read from freed memory (ffff88003e4a2024)', 'RIP: 0010:[<ffffffff8104ede8>]  [<ffffffff8104ede8>] victim+0x48/0x90')).toEqual([
      'WARNING: kmemcheck: read from freed memory in victim',
    ]);
  });

  it('an unchecked MSR access is reported after any crash that follows it, which the log is about', () => {
    const msr = 'unchecked MSR access error: WRMSR to 0x3f1 (tried to write 0x0000000000000000) at rIP: 0xffffffff81123aff (victim+0x5f/0x500)';
    expect(titles(msr)).toEqual(['unchecked MSR access error in victim']);
    const crash = ['BUG: unable to handle page fault for address: 0000000000000008', 'RIP: 0010:other_victim+0x1/0x2', 'Call Trace:', ' caller+0x1/0x2'].join('\n');
    expect(titles(`${msr}\nCall Trace:\n victim_caller+0x1/0x2\n${crash}`)).toEqual(['BUG: unable to handle kernel paging request in other_victim', 'unchecked MSR access error in victim']);
  });
});

describe('assertions and lock reports', () => {
  it('check_mm counters keep their name, the value varies', () => {
    expect(titles('BUG: non-zero nr_ptes on freeing mm: 2')).toEqual(['BUG: non-zero nr_ptes on freeing mm: NUM']);
    expect(titles('BUG: non-zero pgtables_bytes on freeing mm: -4096')).toEqual(['BUG: non-zero pgtables_bytes on freeing mm: NUM']);
  });

  it('Bad page cache is blamed past the page cache removal path', () => {
    const log = ['BUG: Bad page cache in process syz  pfn:156c00', 'Call Trace:', ' dump_stack_lvl+0x1/0x2', ' filemap_unaccount_folio+0x1/0x2', ' __filemap_remove_folio+0x1/0x2', ' victim+0x1/0x2'].join('\n');
    expect(parseOops(log).map((report) => report.title)).toEqual(['BUG: Bad page cache in victim']);
  });

  it('atomic-context checks in the words of 2.6.0 to 2.6.17', () => {
    expect(titles('Debug: sleeping function called from invalid context at mm/slab.c:2472', 'in_atomic():1, irqs_disabled():0')).toEqual([
      'BUG: sleeping function called from invalid context in victim',
    ]);
    expect(titles('bad: scheduling while atomic!')).toEqual(['BUG: scheduling while atomic in victim']);
    expect(titles("Bad page state in process 'swapper'", 'page:c1000000 flags:0x00000400 mapping:00000000 mapcount:0 count:0')).toEqual(['BUG: Bad page state in victim']);
  });

  it('a work function that leaked a lock, atomic context or RCU, before and after 6.18', () => {
    expect(titles('BUG: workqueue leaked lock or atomic: kworker/2:4/0xfffffe00/188', '     last function: victim')).toEqual(['BUG: workqueue leaked lock or atomic in victim']);
    expect(titles('BUG: workqueue leaked atomic, lock or RCU: kworker/2:1[106]', '     preempt=0x00000000 lock=0->0 RCU=0->1 workfn=victim')).toEqual([
      'BUG: workqueue leaked lock or atomic in victim',
    ]);
  });

  it('list debugging: corruption and double add (lib/list_debug.c)', () => {
    expect(titles('list_add double add: new=ffff888012345678, prev=ffff888012345678, next=ffff888012345600.')).toEqual(['BUG: corrupted list in victim']);
    expect(titles('list_del corruption, ffff888012345678->next is LIST_POISON1 (dead000000000100)')).toEqual(['BUG: corrupted list in victim']);
  });

  it('usercopy in the words of 4.8 to 4.15 and of later kernels', () => {
    expect(titles('usercopy: kernel memory overwrite attempt detected to ffff880012345678 (kmalloc-64) (1024 bytes)')).toEqual(['BUG: bad usercopy in victim']);
    expect(titles("usercopy: Kernel memory exposure attempt detected from SLUB object 'kmalloc-64' (offset 0, size 1024)!")).toEqual(['BUG: bad usercopy in victim']);
  });

  it('a lock held at task exit, in the 2.6 lock validator and 2.6.16 mutex debugging words', () => {
    expect(titles('[ BUG: lock held at task exit time! ]')).toEqual(['BUG: still has locks held in victim']);
    expect(titles('BUG: nfsd/8973, lock held at task exit time!')).toEqual(['BUG: still has locks held in victim']);
  });
});

describe('Trusty panics', () => {
  it('an assert keeps its expression; a panic message has its numbers replaced', () => {
    expect(titles('trusty: panic (caller 0xffffffffe000fbd0): DEBUG ASSERT FAILED at (trusty/kernel/include/shared/lk/reflist.h:63): list_in_list(&ref->ref_node)')[0]).toBe(
      'trusty: ASSERT FAILED: list_in_list(&ref->ref_node)',
    );
    expect(titles('trusty: panic (caller 0xffffffffe0002314): failed(-5) to start app 6')[0]).toBe('trusty: panic: failed(-NUM) to start app NUM');
  });

  it('the assert still names the expression when a kernel timestamp cut the Trusty line', () => {
    expect(titles('[ 1117.129650] trusty: panic (caller [ 1117.140866] trusty: 0xffffffffe000fbb8): ASSERT FAILED at (trusty/kernel/lib/trusty/ipc.c:472): !list_in_list(&chan->node)')[0]).toBe(
      'trusty: ASSERT FAILED: !list_in_list(&chan->node)',
    );
  });
});
