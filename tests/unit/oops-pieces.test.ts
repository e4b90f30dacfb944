import { describe, expect, it } from 'vitest';
import { collectStack, framesRightAfter } from '../../src/lib/oops/collect-stack.ts';
import { parseFrameLine } from '../../src/lib/oops/frames.ts';
import { lockSite, lockTakerStack } from '../../src/lib/oops/lock-site.ts';
import { toLogLines } from '../../src/lib/oops/log-lines.ts';
import { parseOops } from '../../src/lib/oops/parse-oops.ts';
import { readMetadata } from '../../src/lib/oops/report-metadata.ts';
import { logCaller, stripLogPrefix } from '../../src/lib/oops/strip-log-prefix.ts';
import { decodeTaint, taintFlags } from '../../src/lib/oops/taint.ts';
import { titleSymbol } from '../../src/lib/oops/title-symbol.ts';

describe('decodeTaint (Documentation/admin-guide/tainted-kernels.rst)', () => {
  it('keeps the documented letter for each bit', () => {
    expect(taintFlags.map((flag) => flag.letter).join('')).toBe('PFSRMBUDAWCIOELKXTNJ');
    expect(taintFlags.map((flag) => flag.bit)).toEqual([...Array(20).keys()]);
  });

  it.each([
    ['G    B D    OE    ', 'BDOE'],
    ['P W O', 'PWO'],
    ['G        W         ', 'W'],
    ['P           O      ', 'PO'],
    ['G     U         ', 'U'],
    ['G    B   L ', 'BL'],
    ['', ''],
  ])('%j → %s', (field, letters) => {
    expect(decodeTaint(field).letters).toBe(letters);
  });

  it('explains each letter', () => {
    const taint = decodeTaint('G           OE     ');
    expect(taint.flags).toEqual([
      { letter: 'O', bit: 12, meaning: 'externally-built ("out-of-tree") module was loaded' },
      { letter: 'E', bit: 13, meaning: 'unsigned module was loaded' },
    ]);
  });
});

describe('readMetadata', () => {
  it('reads the CPU line, taint, kernel and hardware', () => {
    const metadata = readMetadata([
      'CPU: 57 PID: 0 Comm: swapper/57 Tainted: G    B D    OE     5.8.0-33-generic #36-Ubuntu',
      'Hardware name: Dell Inc. PowerEdge R6525/0GK70M, BIOS 1.4.8 05/06/2020',
    ]);
    expect(metadata).toMatchObject({ cpu: 57, pid: 0, comm: 'swapper/57', kernel: '5.8.0-33-generic', hardware: 'Dell Inc. PowerEdge R6525/0GK70M, BIOS 1.4.8 05/06/2020' });
    expect(metadata.taint?.letters).toBe('BDOE');
  });

  it('reads UID lines and untainted kernels', () => {
    const metadata = readMetadata(['CPU: 1 UID: 0 PID: 21961 Comm: syz-executor4 Not tainted 6.10.0-rc4 #49']);
    expect(metadata).toMatchObject({ cpu: 1, pid: 21961, comm: 'syz-executor4', kernel: '6.10.0-rc4' });
    expect(metadata.taint?.letters).toBe('');
  });

  it('reads `Modules linked in:` with flags, across wrapped lines', () => {
    const { modules } = readMetadata([
      'Modules linked in: nvidia(POE) cfg80211 i40e(OE) livepatch_x(K) staging_drv(C) forced(F) testmod(N) going(-) coming(+)',
      ' cec ahci tg3',
      'CPU: 5 PID: 1 Comm: init Tainted: P W O 3.10.0+2 #1',
    ]);
    expect(modules.map((module) => `${module.name}:${module.flags}`)).toEqual([
      'nvidia:POE', 'cfg80211:', 'i40e:OE', 'livepatch_x:K', 'staging_drv:C', 'forced:F', 'testmod:N', 'going:-', 'coming:+', 'cec:', 'ahci:', 'tg3:',
    ]);
    expect(modules[0]?.meanings).toEqual(['proprietary licence', 'out-of-tree', 'unsigned']);
    expect(modules.find((module) => module.name === 'going')?.meanings).toEqual(['being unloaded']);
  });

  it('ignores the `last unloaded:` note', () => {
    const { modules } = readMetadata(['Modules linked in: tun [last unloaded: dummy]']);
    expect(modules.map((module) => module.name)).toEqual(['tun']);
  });
});

describe('stripLogPrefix and logCaller', () => {
  it.each([
    ['Apr  6 02:50:06 host kernel: WARNING: at x', 'WARNING: at x'],
    ['Apr 6 02:50:06 localhost kernel: [ 3107.388117] [] dump_stack+0x19/0x20', '[] dump_stack+0x19/0x20'],
    ['2024-04-06T02:50:06.123456+02:00 host kernel: Oops: 0000', 'Oops: 0000'],
    ['[ 3107.388117] RIP: 0010:foo+0x1/0x2', 'RIP: 0010:foo+0x1/0x2'],
    ['[  741.089420][ T1057] INFO: task x:1 blocked', 'INFO: task x:1 blocked'],
    ['[  741.323778][    C0] protocol 88fb is buggy', 'protocol 88fb is buggy'],
    ['<4>[   85.501187] WARNING: foo', 'WARNING: foo'],
    ['syzkaller login: [   50.946624] WARNING: bar', 'WARNING: bar'],
    ['syzkaller login: Unable to handle kernel paging request', 'Unable to handle kernel paging request'],
    ['Apr 06 02:50:06.123456 host kernel: BUG: x', 'BUG: x'],
    ['kern  :warn  : [ 3107.388117] WARNING: y', 'WARNING: y'],
    ['[Sat Apr  6 02:50:06 2024] general protection fault', 'general protection fault'],
    ['no prefix here', 'no prefix here'],
  ])('%s', (line, expected) => {
    expect(stripLogPrefix(line)).toBe(expected);
  });

  it('reads the printk caller id', () => {
    expect(logCaller('[  741.089420][ T1057] INFO: task')).toBe('T1057');
    expect(logCaller('[  741.323778][    C0] x')).toBe('C0');
    expect(logCaller('[  741.323778] x')).toBeUndefined();
  });

  it('splits a line another printk cut into', () => {
    const lines = toLogLines('[  153.613861] BUG: unable to handle kernel [  153.615435] deprecated getsockopt');
    expect(lines.map((line) => [line.index, line.text])).toEqual([
      [0, 'BUG: unable to handle kernel'],
      [0, 'deprecated getsockopt'],
    ]);
    expect(toLogLines('Apr  6 02:50:06 host kernel: [ 3107.388117] [] dump_stack+0x19/0x20').map((line) => line.text)).toEqual(['[] dump_stack+0x19/0x20']);
  });

  it('splits lines and cleans CR, NUL and colour codes', () => {
    const lines = toLogLines('a\r\n\u001b[31mb\u0000\u001b[0m\n[ 1.000000][  T12] c');
    expect(lines.map((line) => line.text)).toEqual(['a', 'b', 'c']);
    expect(lines[2]?.caller).toBe('T12');
  });
});

describe('parseFrameLine: address columns in every form', () => {
  it.each([
    [' [<ffffffff816606a8>] dump_stack+0x19/0x1b', 'dump_stack', true],
    ['[] xen_mc_flush+0x177/0x190', 'xen_mc_flush', true],
    [' ? check_preempt_curr+0x84/0x90', 'check_preempt_curr', false],
    ['  i40e_napi_poll+0x137f/0x1720 [i40e]', 'i40e_napi_poll', true],
    [' [<ffffffff816606a8>] ? sys_foo+0x1/0x2', 'sys_foo', false],
    [' [c0000000000a1b2c] [c0000000000a1b30] .do_page_fault+0x1c/0x30', undefined, true],
    [' __check_object_size.part.0+0x128/0x150', '__check_object_size', true],
    [' skb_put include/linux/skbuff.h:2069 [inline]', 'skb_put', true],
    ['[<8016fb5c>] (prepare_to_wait_event) from [<803b18e8>] (nfs_wait+0x4c/0x84)', 'prepare_to_wait_event', true],
    ['RIP: 0010:native_safe_halt+0xe/0x10', 'native_safe_halt', true],
    ['RIP: 0010:[<ffffffff8213c531>]  [<ffffffff8213c531>] foo+0x1/0x2', 'foo', true],
    ['pc : do_thing+0x10/0x20 [mod]', 'do_thing', true],
    ['PC is at _snd_timer_stop.constprop.9+0x184/0x2b0', '_snd_timer_stop', true],
    ['EIP: vmalloc_fault+0x1a/0x230', 'vmalloc_fault', true],
    [' epc : __do_sys_foo+0x1c/0x40', '__do_sys_foo', true],
  ])('%s', (line, normalized, reliable) => {
    const frame = parseFrameLine(line);
    if (normalized === undefined) return;
    expect(frame?.normalized).toBe(normalized);
    expect(frame?.reliable).toBe(reliable);
  });

  it('reads module, offset and size', () => {
    expect(parseFrameLine('  i40e_napi_poll+0x137f/0x1720 [i40e]')).toMatchObject({ offset: '0x137f', size: '0x1720', module: 'i40e', isRip: false });
  });

  it('is not fooled by prose', () => {
    expect(parseFrameLine('Call Trace:')).toBeUndefined();
    expect(parseFrameLine('hello world')).toBeUndefined();
  });
});

describe('titleSymbol', () => {
  it.each([
    ['__x64_sys_bind', 'sys_bind'],
    ['__ia32_sys_inotify_init', 'sys_inotify_init'],
    ['__se_sys_memfd_secret', 'memfd_secret'],
    ['__do_sys_rmdir', 'rmdir'],
    ['SyS_rmdir', 'rmdir'],
    ['ksys_mount', 'mount'],
    ['smp_call_function_single', 'smp_call_function'],
    ['synchronize_rcu_expedited', 'synchronize_rcu'],
    ['tcp_v4_rcv', 'tcp_v4_rcv'],
  ])('%s → %s', (symbol, title) => {
    expect(titleSymbol(symbol)).toBe(title);
  });
});

describe('parseOops on mixed input', () => {
  const warning = (task: string, fn: string, at: number) => [
    `[  ${at}.000001][ ${task}] ------------[ cut here ]------------`,
    `[  ${at}.000002][ ${task}] WARNING: CPU: 0 PID: 1 at net/core/dev.c:10 ${fn}+0x10/0x20`,
    `[  ${at}.000003][ ${task}] Modules linked in:`,
    `[  ${at}.000004][ ${task}] CPU: 0 PID: 1 Comm: a Not tainted 6.1.0 #1`,
    `[  ${at}.000005][ ${task}] Call Trace:`,
    `[  ${at}.000006][ ${task}]  <TASK>`,
    `[  ${at}.000007][ ${task}]  ${fn}+0x10/0x20`,
    `[  ${at}.000008][ ${task}]  caller_of_${fn}+0x10/0x20`,
    `[  ${at}.000009][ ${task}]  </TASK>`,
  ];

  it('finds several reports in one text, with other output between them', () => {
    const text = ['boot noise', ...warning('T10', 'first_fn', 10), 'random: crng init done', ...warning('T20', 'second_fn', 20)].join('\n');
    expect(parseOops(text).map((report) => report.title)).toEqual(['WARNING in first_fn', 'WARNING in second_fn']);
  });

  it("keeps another task's lines out of a report when caller ids are printed", () => {
    const own = warning('T10', 'first_fn', 10);
    const interleaved = [...own.slice(0, 5), '[  10.000006][ T99]  intruder_fn+0x1/0x2', ...own.slice(5)];
    const [report] = parseOops(interleaved.join('\n'));
    expect(report?.frames.map((frame) => frame.normalized)).toEqual(['first_fn', 'caller_of_first_fn']);
  });

  it('reads the same report from syslog lines', () => {
    const syslog = warning('T10', 'first_fn', 10).map((line) => `Apr  6 02:50:06 host kernel: ${line.replace(/^\[[^\]]+\]\[[^\]]+\] /, '')}`);
    expect(parseOops(syslog.join('\n'))[0]?.title).toBe('WARNING in first_fn');
  });

  it("reads kmemleak's own output", () => {
    const text = [
      'unreferenced object 0xffff888109a3c000 (size 64):',
      '  comm "syz-executor", pid 5012, jiffies 4294944113',
      '  backtrace (crc 1f2e3d4c):',
      '    kmemleak_alloc+0x4e/0x90',
      '    __kmalloc+0x1a0/0x2f0',
      '    nfc_genl_se_io+0x5d/0x120',
      '    genl_family_rcv_msg_doit+0x1c/0x30',
    ].join('\n');
    expect(parseOops(text).map((report) => report.title)).toEqual(['memory leak in nfc_genl_se_io']);
  });

  it('tells a reboot in the middle of a run from a boot log', () => {
    const boot = 'SeaBIOS (version 1.8.2-20171012_061934-google)\nBooting the kernel.\n[    0.000000] Linux version 4.15.0';
    expect(parseOops(boot)).toEqual([]);
    expect(parseOops(`mmap(&(0x7f0000000000/0x1000)=nil, 0x1000, 0x3)\n${boot}`).map((report) => report.title)).toEqual(['unexpected kernel reboot']);
  });

  it('gives nothing for a clean log', () => {
    expect(parseOops('Linux version 6.1.0\nrandom: crng init done\n')).toEqual([]);
  });
});

describe('lockSite and lockTakerStack', () => {
  const skipLocks = (symbol: string) => /^(?:_raw_|mutex_lock|lock_acquire)/.test(symbol);
  const report = (site: string) =>
    toLogLines(
      [
        'WARNING: possible circular locking dependency detected',
        'syz-executor/1 is trying to acquire lock:',
        `ffff888000000000 (rtnl_mutex){+.+.}-{3:3}, at: ${site}+0x1a/0x30`,
        '',
        'stack backtrace:',
        'Call Trace:',
        ' lock_acquire+0x1/0x2',
        ` ${site}+0x1a/0x30`,
        ' caller_fn+0x10/0x20',
      ].join('\n'),
    );

  it('names the call site of the lock being taken', () => {
    expect(lockSite(report('rtnl_lock'), skipLocks)).toBe('rtnl_lock');
  });

  it('defers to the taking task’s stack when the site is a lock primitive', () => {
    expect(lockSite(report('_raw_spin_lock'), skipLocks)).toBeUndefined();
    expect(lockTakerStack(report('_raw_spin_lock'))?.map((frame) => frame.normalized)).toEqual(['lock_acquire', '_raw_spin_lock', 'caller_fn']);
  });
});

describe('collectStack', () => {
  it('takes the faulting instruction and the first trace, not frames printed before it', () => {
    const lines = toLogLines(
      ['BUG: scheduling while atomic: a/1/0x00000002', 'Preemption disabled at:', '[<ffffffff812b2934>] kernel_fpu_begin_mask+0x64/0x260', 'Call Trace:', ' dump_stack_lvl+0xcd/0x134', ' schedule+0xd3/0x270', ' exit_to_user_mode_prepare+0x14a/0x290'].join('\n'),
    );
    expect(collectStack(lines).map((frame) => frame.normalized)).toEqual(['dump_stack_lvl', 'schedule', 'exit_to_user_mode_prepare']);
  });

  it('reads the run of frames after a section line, past a stray line', () => {
    const lines = toLogLines(['page last allocated via order 0', ' post_alloc_hook+0x1/0x2', 'SYZFAIL: failed to recv rpc', ' __get_metapage+0x1/0x2', '', ' other+0x1/0x2'].join('\n'));
    expect(framesRightAfter(lines, 0).map((frame) => frame.normalized)).toEqual(['post_alloc_hook', '__get_metapage']);
  });
});
