import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toLogLines } from '../../src/lib/oops/log-lines.ts';
import { parseOops } from '../../src/lib/oops/parse-oops.ts';
import { repairLostColumns } from '../../src/lib/oops/repair-lost-columns.ts';
import { hasLogPrefix, prefixRules, printkTimeEnd, stripLogPrefix, trailingRecordHeader } from '../../src/lib/oops/strip-log-prefix.ts';

const texts = (input: string) => toLogLines(input).map((line) => line.text);

describe('stripLogPrefix: loggers', () => {
  it.each([
    // syslog with any host, any locale's month, with and without a host
    ['Jun 13 04:36:30 ip-172-19-13-114 kernel: CPU: 7 PID: 1', 'CPU: 7 PID: 1'],
    ['Apr 01 16:27:01 sm21-r22.pun.seagate.com kernel: swapper/21: page allocation failure', 'swapper/21: page allocation failure'],
    ['Jun 13 04:36:30 10.0.0.17 kernel: Call Trace:', 'Call Trace:'],
    ['Jun 13 04:36:30 build_host-2 kernel: Call Trace:', 'Call Trace:'],
    ['Aug 13 12:28:38 kernel: [ 3846.639479] BUG: kernel NULL pointer dereference', 'BUG: kernel NULL pointer dereference'],
    ['8月 14 10:24:12 xxxx kernel: Internal error: Oops: 96000006 [#1] SMP', 'Internal error: Oops: 96000006 [#1] SMP'],
    ['12月 03 10:11:12 host kernel: Mem abort info:', 'Mem abort info:'],
    ['sty 03 12:44:18 pc kernel:  bfq_exit_icq_bfqq+0x132/0x270', ' bfq_exit_icq_bfqq+0x132/0x270'],
    ['gru 03 10:11:12 pc kernel: Hardware name: x', 'Hardware name: x'],
    ['Okt. 03 10:11:12 pc kernel: Hardware name: x', 'Hardware name: x'],
    // journalctl -k output modes
    ['Apr 06 02:50:06.123456 host kernel: BUG: x', 'BUG: x'],
    ['2024-04-06T02:50:06+0200 host kernel: BUG: x', 'BUG: x'],
    ['2024-04-06 02:50:06.123 kernel: BUG: x', 'BUG: x'],
    ['[ 1234.567890] host kernel: BUG: x', 'BUG: x'],
    ['[21161.092614] kernel: earlyoom: page allocation failure', 'earlyoom: page allocation failure'],
    ['1712386206.123456 host kernel: BUG: x', 'BUG: x'],
    ['[ 1234.567890 <    0.000123>] host kernel: BUG: x', 'BUG: x'],
    // RFC 5424, OpenWrt logread, /dev/kmsg, dmesg options
    ['<4>1 2024-04-06T02:50:06.123Z host kernel - - - BUG: x', 'BUG: x'],
    ['Fri Jul  7 07:29:14 2017 kern.warn kernel: [81118.851032] ------------[ cut here ]------------', '------------[ cut here ]------------'],
    ['6,339,5140900,-;BUG: x', 'BUG: x'],
    ['kern  :warn  : [ 3107.388117] WARNING: y', 'WARNING: y'],
    ['[Sat Apr  6 06:46:40 2024] libcamera-still: page allocation failure', 'libcamera-still: page allocation failure'],
    ['<4>[   85.501187] WARNING: foo', 'WARNING: foo'],
    ['<4>Apr  6 02:50:06 host kernel: BUG: x', 'BUG: x'],
    ['Sat 2024-04-06 02:50:06 CEST host kernel: BUG: x', 'BUG: x'],
    ['    MESSAGE=BUG: x', 'BUG: x'],
    ['2024-04-06T02:50:06,123456+02:00 BUG: x', 'BUG: x'],
    ['[    1.234567 <    0.000123>] BUG: x', 'BUG: x'],
    ['[Apr  6 02:50] BUG: x', 'BUG: x'],
    ['[  +0.000123] BUG: x', 'BUG: x'],
    ['[   85.501187] <4>WARNING: foo', 'WARNING: foo'],
    // syslogd's wall broadcast, and a syslog line whose date was cut off in the paste
    [' kernel:[  622.405154] Internal error: Oops: 96000004 [#1] SMP', 'Internal error: Oops: 96000004 [#1] SMP'],
    ['raspberrypi-02 kernel: [509490.688179] ------------[ cut here ]------------', '------------[ cut here ]------------'],
  ])('%s', (line, expected) => {
    expect(stripLogPrefix(line)).toBe(expected);
  });
});

describe('stripLogPrefix: consoles and pasting', () => {
  it.each([
    // vmcore-dmesg, serial consoles, CI runners, editors
    ['[  123.456789] Kernel panic - not syncing: x', 'Kernel panic - not syncing: x'],
    ['16:56:35 [ 82.646346] Unable to handle kernel paging request', 'Unable to handle kernel paging request'],
    ['11745 [46223316.649832] Kernel panic - not syncing: Hard LOCKUP', 'Kernel panic - not syncing: Hard LOCKUP'],
    ['  11746\t[46223316.652645] Hardware name: x', 'Hardware name: x'],
    ['                  [ 5300.229390] watchdog: BUG: soft lockup', 'watchdog: BUG: soft lockup'],
    // damaged or vendor printk times
    ['[  240.] INFO: task kinteractiveup:64 blocked for more than 120 seconds.', 'INFO: task kinteractiveup:64 blocked for more than 120 seconds.'],
    ['[ 6020.126793@0] [ffffff80201c7800+  32][<ffffff80091f0e2c>] vmalloc_to_page+0xd8/0xe4', '[ffffff80201c7800+  32][<ffffff80091f0e2c>] vmalloc_to_page+0xd8/0xe4'],
    ['   169.077336! qeth: register layer 2 discipline', 'qeth: register layer 2 discipline'],
    ['   260.718071! Krnl PSW : 0704e00180000000 000003ff8001ce88 (qdio_do_sqbs+0x310/0x318  qdio!)', 'Krnl PSW : 0704e00180000000 000003ff8001ce88 (qdio_do_sqbs+0x310/0x318 [qdio])'],
    ['   260.716787! WARNING: CPU: 0 PID: 12 at x.c:184 qdio_do_sqbs+0x30c/0x318  qdio!', 'WARNING: CPU: 0 PID: 12 at x.c:184 qdio_do_sqbs+0x30c/0x318 [qdio]'],
    ['kernel BUG at mm/x.c:12  oops!', 'kernel BUG at mm/x.c:12  oops!'],
    [' 30.000001] ARNING: possible circular', 'ARNING: possible circular'],
    ['.000001] Modules linked in: tun', 'Modules linked in: tun'],
    ['[2023/01/02, 10:11:12] [   12.345678] BUG: z', 'BUG: z'],
    ['[2023-01-02 10:11:12.123] BUG: z', 'BUG: z'],
    // Markdown and HTML
    ['> [  12.345678] WARNING: CPU: 0 PID: 1 at x', 'WARNING: CPU: 0 PID: 1 at x'],
    ['> > [  12.345678] WARNING: CPU: 0 PID: 1 at x', 'WARNING: CPU: 0 PID: 1 at x'],
    ['>  dump_stack+0x1/0x2', ' dump_stack+0x1/0x2'],
    ['[   10.683249] 8<--- cut here ---  ', '8<--- cut here ---'],
    ['<b>   260.716787! WARNING: CPU: 0 PID: 12 at x.c:1 f+0x1/0x2</b>', 'WARNING: CPU: 0 PID: 12 at x.c:1 f+0x1/0x2'],
    ['<pre>', ''],
    // a web page's source
    ['[  71.427930]  [&lt;ffffffff81662d11&gt;] dump_stack+0x45/0x56', ' [<ffffffff81662d11>] dump_stack+0x45/0x56'],
    ['&lt;IRQ&gt;', '<IRQ>'],
    // pager and tmux marks
    ['[  144.813664] kernel BUG at x.c:5!                                            [47/1973]', 'kernel BUG at x.c:5!'],
    ['[  144.813664] kernel BUG at x.c:5!                                            [47', 'kernel BUG at x.c:5!'],
    [
      'Nov  3 15:39:13 host kernel: [509490.688230] Modules linked in: tun sha256_generic hmac drbg md5 ecb cfg80211 rfkill x_ta$',
      'Modules linked in: tun sha256_generic hmac drbg md5 ecb cfg80211 rfkill x_ta',
    ],
  ])('%s', (line, expected) => {
    expect(stripLogPrefix(line)).toBe(expected);
  });

  it.each([
    // another program's syslog record keeps its tag, so it never reads as a kernel message
    'Nov  9 10:19:35 ohm openvpn[1118]: WARNING: Make sure you understand the semantics',
    'Sep 21 16:36:22 dhcp-24-159.brq.redhat.com /usr/libexec/gdm-x-session[1115]: (EE) Backtrace:',
    // kernel text that looks a little like a prefix
    ' [<ffffffff81067c33>] warn_slowpath_common+0x83/0xc0',
    '-> #1 (&mm->mmap_lock){++++}:',
    'Price: $',
    'Read of size 8 at addr ffff888012345678 by task a/1 [1/2]',
    'CPU 0',
    '<IRQ>',
    // a host field longer than a node name can be (__NEW_UTS_LEN, 64) is not a host
    'Oct 12 23:25:16 some-totally-nonexistent-hostname-that-is-longer-than-any-node-name-may-be kernel: mce: [Hardware Error]: Machine check events logged',
  ])('leaves %j alone', (line) => {
    expect(stripLogPrefix(line)).toBe(line);
  });

  it('names every rule and tells prefixed lines', () => {
    expect(new Set(prefixRules.map((rule) => rule.name)).size).toBe(prefixRules.length);
    expect(hasLogPrefix('[  1.000000] x')).toBe(true);
    expect(hasLogPrefix('g80211 hid_logitech_dj rfkill')).toBe(false);
  });

  it.each([
    ['spaces', ' '.repeat(100_000)],
    ['digits', '1'.repeat(100_000)],
    ['letters', 'a'.repeat(100_000)],
    ['brackets', '[ 1.'.repeat(25_000)],
    ['clock-like', '12 10:11:12 '.repeat(8_000)],
    ['quotes', '> '.repeat(50_000)],
    ['tmux-like', ' [1'.repeat(30_000)],
  ])('stays linear on a long line of %s', (_name, line) => {
    const started = performance.now();
    stripLogPrefix(line);
    trailingRecordHeader(`${line}kernel: `);
    expect(performance.now() - started).toBeLessThan(250);
  });
});

describe('toLogLines: damaged lines', () => {
  it.each([
    ['glued syslog headers', 'Apr  6 02:50:06 h kernel: '],
    ['tags', 'aaaaaaaaaaaa kernel:'],
    ['timestamps', '[  1.123456] x'],
    ['locations', ' at x.c:1'],
  ])('stays fast on 2 MB of long lines of %s', (_name, unit) => {
    const line = unit.repeat(Math.ceil(3990 / unit.length)).slice(0, 3990);
    const started = performance.now();
    toLogLines(Array.from({ length: 500 }, () => line).join('\n'));
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('splits a record glued to the end of a message and drops its header', () => {
    const glued = 'Fri Jul  7 07:29:14 2017 kern.warn kernel: [81118.867491] Modules linked in: xt_CLASSIFY ums_usbat ums_sddrFri Jul  7 07:29:14 2017 kern.warn kernel: [81118.939938]  nf_conntrack_snmp nf_conntrack_sip';
    expect(texts(glued)).toEqual(['Modules linked in: xt_CLASSIFY ums_usbat ums_sddr', ' nf_conntrack_snmp nf_conntrack_sip']);
    expect(texts('Apr  6 02:50:06 host kernel: Modules linked in: tun ahciApr  6 02:50:06 host kernel:  tg3 cec')).toEqual(['Modules linked in: tun ahci', ' tg3 cec']);
    expect(texts('Apr  6 02:50:06 host kernel: the kernel: says hi')).toEqual(['the kernel: says hi']);
    expect(trailingRecordHeader('ums_sddrFri Jul  7 07:29:14 2017 kern.warn kernel: ')).toBe(8);
    expect(trailingRecordHeader('Modules linked in: tun')).toBe(-1);
  });

  it('joins lines a terminal wrapped at its width', () => {
    const pad = (text: string) => text.padEnd(100, ' ');
    const screen = [
      pad('[  144.808814] ------------[ cut here ]------------'),
      pad('[  144.826197] Modules linked in: ctr ccm 8021q garp stp llc arc4 joydev evdev hid_logitech_hidpp cf'),
      pad('g80211 hid_logitech_dj rfkill'),
      pad('[  144.871548] CPU: 0 PID: 482 Comm: insmod Tainted: G         C O      4.19.97+ #1294'),
      '[  144.879446] Hardware name: BCM2835',
    ].join('\n');
    expect(texts(screen)).toEqual([
      '------------[ cut here ]------------',
      'Modules linked in: ctr ccm 8021q garp stp llc arc4 joydev evdev hid_logitech_hidpp cfg80211 hid_logitech_dj rfkill',
      'CPU: 0 PID: 482 Comm: insmod Tainted: G         C O      4.19.97+ #1294',
      'Hardware name: BCM2835',
    ]);
  });

  it('joins a record cut at the logger size limit, but not indented dump lines', () => {
    const long = `[178856.137438] Modules linked in: ${'mod_a '.repeat(160)}i2`;
    expect(texts(`${long}\nc_core video [last unloaded: x]\n[178856.137482] Pid: 1, comm: a Not tainted 3.2.5 #1`)).toEqual([
      `Modules linked in: ${'mod_a '.repeat(160)}i2c_core video [last unloaded: x]`,
      'Pid: 1, comm: a Not tainted 3.2.5 #1',
    ]);
    const stack = ['[   76.080000] Stack : 00000000 00000004', '          803756e2 00000031', '[   76.080000] Call Trace:'].join('\n');
    expect(texts(stack)).toEqual(['Stack : 00000000 00000004', '          803756e2 00000031', 'Call Trace:']);
  });

  it('joins a warning location to the function that went to the next line', () => {
    expect(texts('WARNING: at arch/x86/kernel/cpu/mtrr/generic.c:467\ngeneric_get_mtrr+0x11e/0x140() (Not tainted)')).toEqual([
      'WARNING: at arch/x86/kernel/cpu/mtrr/generic.c:467 generic_get_mtrr+0x11e/0x140() (Not tainted)',
    ]);
    expect(texts('[  1.000000] WARNING: at x.c:5\n[  1.000001] f+0x1/0x2')).toEqual(['WARNING: at x.c:5', 'f+0x1/0x2']);
    expect(toLogLines('x\nWARNING: at x.c:5\nf+0x1/0x2() (Not tainted)\ny').map((line) => line.index)).toEqual([0, 1, 3]);
  });

  it('keeps one copy of the lines two consoles printed, but not a lone repeat or a coarse clock', () => {
    const doubled = ['[    1.455821] printk: console [ttyS0] enabled', '[    1.457016] printk: bootconsole [earlyser0] disabled'].flatMap((line) => [line, line]);
    expect(texts(doubled.join('\n'))).toEqual(['printk: console [ttyS0] enabled', 'printk: bootconsole [earlyser0] disabled']);
    const stale = ['[   30.959781]  warn_slowpath_fmt+0x47/0x50', '[   30.959781]  ? prepare_to_wait_event+0x75/0xf0', '[   30.959781]  ? prepare_to_wait_event+0x75/0xf0', '[   30.959781]  __might_sleep+0x77/0x80'];
    expect(texts(stale.join('\n'))).toHaveLength(4);
    expect(texts('[  76.080000]  f+0x1/0x2\n[  76.080000]  f+0x1/0x2\n[  76.090000]  g+0x1/0x2\n[  76.090000]  g+0x1/0x2')).toHaveLength(4);
  });

  it('removes a line-number column that counts up, and only such a column', () => {
    const numbered = ['BUG: soft lockup - CPU#1 stuck for 22s! [X:5189]', 'Modules linked in: a', 'Call Trace:', ' [<c0000001>] f+0x1/0x2'].map((line, at) => `${String(at + 7).padStart(6)}\t${line}`);
    expect(texts(numbered.join('\n'))).toEqual(['BUG: soft lockup - CPU#1 stuck for 22s! [X:5189]', 'Modules linked in: a', 'Call Trace:', ' [<c0000001>] f+0x1/0x2']);
    const dump = ['0000 00 11 22 33', '0010 44 55 66 77', '0020 88 99 aa bb', '0030 cc dd ee ff'];
    expect(texts(dump.join('\n'))).toEqual(dump);
  });

  it("drops syslogd's wall banners around emergency messages", () => {
    const wall = [
      'Message from syslogd@TheBlackMonster at Aug  9 00:12:14 ...',
      ' kernel:[  622.405154] Internal error: Oops: 96000004 [#1] SMP',
      '',
      'Message from syslogd@TheBlackMonster at Aug  9 00:12:14 ...',
      ' kernel:[  623.348159] Process kworker/u8:0 (pid: 1626, stack limit = 0xffffffc0ae41c000)',
    ].join('\n');
    expect(toLogLines(wall).map((line) => [line.index, line.text])).toEqual([
      [1, 'Internal error: Oops: 96000004 [#1] SMP'],
      [4, 'Process kworker/u8:0 (pid: 1626, stack limit = 0xffffffc0ae41c000)'],
    ]);
  });
});

describe('rules that cannot match a line starting with a printk time', () => {
  // stripLogPrefix skips them on such lines; the claim must hold for every printk time shape.
  const printkTime = fc
    .tuple(fc.integer({ min: 0, max: 6 }), fc.stringMatching(/^\d{1,10}$/), fc.stringMatching(/^\d{0,9}$/), fc.option(fc.stringMatching(/^@\d{1,4}$/)), fc.string({ maxLength: 40 }))
    .map(([blanks, seconds, fraction, cpu, rest]) => `[${' '.repeat(blanks)}${seconds}.${fraction}${cpu ?? ''}]${rest}`);
  const flagged = prefixRules.filter((rule) => rule.notAtPrintkTime);

  it('are the dmesg and chat date rules', () => {
    expect(flagged.map((rule) => rule.name).sort()).toEqual(['bracketed-date', 'dmesg-delta', 'dmesg-human-time', 'dmesg-reltime']);
  });

  it.each(flagged.map((rule) => [rule.name, rule] as const))('%s', (_name, rule) => {
    fc.assert(fc.property(printkTime, (line) => !rule.pattern.test(line)), { numRuns: 2000 });
  });
});

describe('shortcuts that spare a line the rules', () => {
  // Characters that make up printk times and what follows them, so that near misses are common.
  const timeLike = fc.array(fc.constantFrom('[', ']', ' ', '.', '@', '0', '7', '12345', '123456789', '1234567890', 'T', 'x', '!', ':'), { maxLength: 16 }).map((parts) => parts.join(''));

  it('the printk time read by hand ends where the printk-time rule says', () => {
    const rule = prefixRules.find((candidate) => candidate.name === 'printk-time');
    fc.assert(
      fc.property(timeLike, (line) => {
        const match = rule?.pattern.exec(line);
        const end = printkTimeEnd(line);
        const byHand = end < 0 ? -1 : end + (line[end] === ' ' ? 1 : 0);
        expect(byHand).toBe(match ? match[0].length : -1);
      }),
      { numRuns: 20_000 },
    );
  });

  it.each(prefixRules.filter((rule) => rule.firstNonBlank).map((rule) => [rule.name, rule] as const))('%s matches only lines whose first non-blank character it lists', (_name, rule) => {
    fc.assert(
      fc.property(timeLike, (line) => {
        const lead = line.trimStart()[0];
        if (rule.pattern.test(line)) expect(rule.firstNonBlank).toContain(lead);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('toLogLines: journal exports', () => {
  const records = [
    { __CURSOR: 's=1;i=1', __REALTIME_TIMESTAMP: '1712386206000001', _TRANSPORT: 'kernel', SYSLOG_IDENTIFIER: 'kernel', MESSAGE: 'BUG: kernel NULL pointer dereference, address: 0000000000000008' },
    { __CURSOR: 's=1;i=2', __REALTIME_TIMESTAMP: '1712386206000002', _TRANSPORT: 'kernel', SYSLOG_IDENTIFIER: 'kernel', MESSAGE: [0x52, 0x49, 0x50, 0x3a, 0x20, 0x30, 0x30, 0x31, 0x30, 0x3a, 0x66, 0x6f, 0x6f, 0x2b, 0x30, 0x78, 0x31, 0x2f, 0x30, 0x78, 0x32, 0xff] },
    { __CURSOR: 's=1;i=3', __REALTIME_TIMESTAMP: '1712386206000003', _TRANSPORT: 'syslog', SYSLOG_IDENTIFIER: 'openvpn', MESSAGE: 'WARNING: cipher is weak' },
  ];
  const expected = ['BUG: kernel NULL pointer dereference, address: 0000000000000008', 'RIP: 0010:foo+0x1/0x2\ufffd', 'openvpn: WARNING: cipher is weak'];

  it.each([
    ['json', records.map((record) => JSON.stringify(record)).join('\n')],
    ['json-seq', records.map((record) => `\u001e${JSON.stringify(record)}`).join('\n')],
    ['json-sse', records.map((record) => `data: ${JSON.stringify(record)}\n`).join('\n')],
  ])('journalctl -o %s reads as its messages, another program keeping its name', (_mode, input) => {
    expect(texts(input).filter((text) => text !== '')).toEqual(expected);
  });

  it('journalctl -o json-pretty reads as its messages, on the lines that carried them', () => {
    // As journalctl prints it: a field a line, indented by eight blanks, a byte array on one line.
    const pretty = records
      .map((record) => ['{', Object.entries(record).map(([field, value]) => `        "${field}" : ${JSON.stringify(value)}`).join(',\n'), '}'].join('\n'))
      .join('\n');
    const lines = toLogLines(pretty);
    expect(lines.map((line) => line.text)).toEqual(expected);
    expect(lines.map((line) => pretty.split('\n')[line.index])).toEqual([expect.stringContaining('"MESSAGE" : "BUG'), expect.stringContaining('"MESSAGE" : [82,'), expect.stringContaining('"MESSAGE" : "WARNING')]);
  });

  it('a log that only mentions MESSAGE fields is left as it is', () => {
    const text = 'systemd-journald: "MESSAGE" : "x" is a field\n{ "MESSAGE": "not a journal record" }';
    expect(texts(text)).toEqual(text.split('\n'));
  });
});

describe('repairLostColumns', () => {
  it.each([
    ['ARNING: possible circular locking dependency detected', 'WARNING: possible circular locking dependency detected'],
    ['NING: possible recursive locking detected', 'WARNING: possible recursive locking detected'],
    ['odules linked in: tun ahci', 'Modules linked in: tun ahci'],
    ['dules linked in:', 'Modules linked in:'],
    ['ardware name: QEMU Standard PC', 'Hardware name: QEMU Standard PC'],
    ['ernel panic - not syncing: Fatal exception', 'Kernel panic - not syncing: Fatal exception'],
    ['G: unable to handle kernel NULL pointer dereference at 0', 'BUG: unable to handle kernel NULL pointer dereference at 0'],
    // a blank lost inside the line: the old WARNING's `at` glued to its source file
    ['WARNING: atarch/x86/xen/mmu.c:475 xen_make_pte+0x32/0x8e()', 'WARNING: at arch/x86/xen/mmu.c:475 xen_make_pte+0x32/0x8e()'],
    ['WARNING: attempt to access beyond end of device', 'WARNING: attempt to access beyond end of device'],
  ])('%s', (damaged, repaired) => {
    expect(repairLostColumns(damaged)).toBe(repaired);
  });

  it.each(['les linked in: x', 'name: QEMU', 'panic - not syncing', 'Modules linked in: x', 'WARNING: possible circular locking dependency detected', ''])(
    'leaves %j alone',
    (line) => {
      expect(repairLostColumns(line)).toBe(line);
    },
  );

  it('repairs a line whose timestamp and banner both lost their start', () => {
    expect(texts('.000001] ARNING: possible circular locking dependency detected')).toEqual(['WARNING: possible circular locking dependency detected']);
  });

  it('finds the report behind a banner that lost its first column', () => {
    const log = [
      '[   30.000000] ======================================================',
      '[   30.000001] ARNING: possible circular locking dependency detected',
      '[   30.000002] 6.1.0 #1 Not tainted',
      '[   30.000003] ------------------------------------------------------',
      '[   30.000004] syz-executor/1 is trying to acquire lock:',
    ].join('\n');
    expect(parseOops(log)[0]?.crashClass).toBe('LOCKDEP');
  });
});

describe('interleaved messages inside a stack', () => {
  it("keeps reading frames past other subsystems' lines", () => {
    const log = [
      '[  100.000000] WARNING: CPU: 0 PID: 1 at drivers/foo/foo.c:10 foo_xmit+0x10/0x20 [foo]',
      '[  100.000001] Modules linked in: foo',
      '[  100.000002] CPU: 0 PID: 1 Comm: a Not tainted 6.1.0 #1',
      '[  100.000003] Call Trace:',
      '[  100.000004]  <TASK>',
      '[  100.000005]  foo_xmit+0x10/0x20 [foo]',
      '[  100.000006] audit: type=1400 audit(1.2:3): avc:  denied  { read } for pid=1',
      '[  100.000007] usb 1-1: new high-speed USB device number 2 using xhci_hcd',
      '[  100.000008] IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready',
      '[  100.000009]  dev_hard_start_xmit+0x1/0x2',
      '[  100.000010]  __dev_queue_xmit+0x1/0x2',
      '[  100.000011]  </TASK>',
      '[  100.000012] ---[ end trace 0000000000000000 ]---',
    ].join('\n');
    const [report] = parseOops(log);
    expect(report?.frames.map((frame) => frame.normalized)).toEqual(['foo_xmit', 'dev_hard_start_xmit', '__dev_queue_xmit']);
  });
});
