import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../src/lib/oops/report-metadata.ts';
import { decodeTaint, decodeVerboseTaint } from '../../src/lib/oops/taint.ts';

const moduleNames = (lines: string[]) => readMetadata(lines).modules.map((module) => module.name + (module.flags ? `(${module.flags})` : ''));

describe('taint spellings', () => {
  it.each([
    ['G        W  OE', 'WOE'],
    ['P           O', 'PO'],
    ['G OEL', 'OEL'],
    ['G  D', 'D'],
    ['PF          O', 'PFO'],
    ['             ', ''],
    // Red Hat's own flags follow a run of dashes and mean something else there
    ['G    B          ------------ T', 'B'],
    ['G           --------------- H', ''],
    ['G        W  OE K------------', 'WOEK'],
  ])('%j → %s', (field, letters) => {
    expect(decodeTaint(field).letters).toBe(letters);
  });

  it('reads the spelled-out flags of 6.9 and later kernels', () => {
    const taint = decodeVerboseTaint('[P]=PROPRIETARY_MODULE, [W]=WARN, [O]=OOT_MODULE');
    expect(taint.letters).toBe('PWO');
    expect(taint.flags.map((flag) => flag.bit)).toEqual([0, 9, 12]);
  });
});

describe('readMetadata: the task line', () => {
  it.each([
    [
      'CPU: 21 PID: 0 Comm: swapper/21 Kdump: loaded Tainted: P           OE  ------------   3.10.0-1062.el7.x86_64 #1',
      { cpu: 21, pid: 0, comm: 'swapper/21', kernel: '3.10.0-1062.el7.x86_64', taint: 'POE' },
    ],
    ['CPU: 0 PID: 4952 Comm: bash Kdump: loaded Not tainted 5.4.0-0.rc6.git0.1.fc32.x86_64 #1', { cpu: 0, pid: 4952, comm: 'bash', kernel: '5.4.0-0.rc6.git0.1.fc32.x86_64', taint: '' }],
    ['CPU: 2 PID: 9 Comm: kworker/2:1 Tainted: G OEL 5.10.0-18-2-amd64 #1 Debian 5.10.140-1', { cpu: 2, pid: 9, comm: 'kworker/2:1', kernel: '5.10.0-18-2-amd64', taint: 'OEL' }],
    ['CPU: 0 PID: 23 Comm: kworker/u2:0Tainted: G        W        5.18.0-rc7 #5', { cpu: 0, pid: 23, comm: 'kworker/u2:0', kernel: '5.18.0-rc7', taint: 'W' }],
    ['CPU: 0 UID: 0 PID: 9855 Comm: repro Not tainted 6.17.0-rc6 #33 PREEMPT(full)', { cpu: 0, pid: 9855, comm: 'repro', kernel: '6.17.0-rc6', taint: '' }],
    // kernels before 3.10 print `Pid:` instead
    ['Pid: 912, comm: X Tainted:              3.1.0-0.rc9.git0.0.fc16.x86_64 #1', { pid: 912, comm: 'X', kernel: '3.1.0-0.rc9.git0.0.fc16.x86_64', taint: '' }],
    ['Pid: 14833, comm: bash Tainted: P O 3.2.0-4-amd64 #1 Debian 3.2.35-2', { pid: 14833, comm: 'bash', kernel: '3.2.0-4-amd64', taint: 'PO' }],
    ['Pid: 1743, comm: sshd Tainted: G           --------------- H  2.6.32-279.9.1.el6.x86_64 #1', { pid: 1743, comm: 'sshd', kernel: '2.6.32-279.9.1.el6.x86_64', taint: '' }],
    ['Pid: 4008, comm: rm Tainted: G    B       2.6.38.6-27.fc15.i686 #1 ECS', { pid: 4008, comm: 'rm', kernel: '2.6.38.6-27.fc15.i686', taint: 'B' }],
    ['Pid: 2981, comm: Xorg Not tainted (2.6.27.9-159.fc10.i686 #1)', { pid: 2981, comm: 'Xorg', kernel: '2.6.27.9-159.fc10.i686', taint: '' }],
    // the lock validator's banner names the release first
    ['5.15.0-rc2-syzkaller #0 Not tainted', { kernel: '5.15.0-rc2-syzkaller', taint: '' }],
    ['CPU: 0 PID: 37 Comm: kworker/0:1 Not tainted <KERNEL_VERSION> #1', { cpu: 0, pid: 37, comm: 'kworker/0:1', taint: '' }],
    // a console garbled the PID; the taint and release after it still read
    ['CPU: 0 PID: p Comm: kworker/u2:0Tainted: G        W        5.18.0-rc7 #5', { cpu: 0, kernel: '5.18.0-rc7', taint: 'W' }],
    // powerpc puts the taint in its register dump, the slab allocator in its banner
    ['REGS: c000000fffdc7d60 TRAP: 0e60   Tainted: G   M                (6.0.0-dirty)', { kernel: '6.0.0-dirty', taint: 'M' }],
    ['BUG kmalloc-8 (Tainted: G    B         ): Object already free', { taint: 'B' }],
    ['BUG UNIX (Not tainted): kasan: bad access detected', { taint: '' }],
  ])('%s', (line, expected) => {
    const { taint, ...metadata } = readMetadata([line]);
    const { taint: letters, ...rest } = expected;
    expect(metadata).toMatchObject(rest);
    expect(taint?.letters).toBe(letters);
  });

  it('leaves out a release the reporter redacted', () => {
    expect(readMetadata(['CPU: 0 PID: 37 Comm: kworker/0:1 Not tainted <KERNEL_VERSION> #1']).kernel).toBeUndefined();
    const syzbot = readMetadata(['CPU: 0 UID: 0 PID: 10040 Comm: kworker/u8:0 Tainted: G             L      syzkaller #0 PREEMPT', 'Tainted: [L]=SOFTLOCKUP']);
    expect(syzbot).toMatchObject({ cpu: 0, pid: 10040, comm: 'kworker/u8:0' });
    expect(syzbot.kernel).toBeUndefined();
    expect(syzbot.taint?.letters).toBe('L');
  });

  it('takes the CPU from the line before an old `Pid:` line', () => {
    expect(readMetadata(['CPU 1 ', 'Pid: 5, comm: a Not tainted 2.6.32 #1'])).toMatchObject({ cpu: 1, pid: 5, comm: 'a' });
    expect(readMetadata(['Pid: 5, comm: a Not tainted 2.6.32 #1', 'CPU 3 '])).toMatchObject({ cpu: 3, pid: 5 });
  });

  it('reads the 32-bit ARM register header of kernels before 3.10', () => {
    const metadata = readMetadata(['Pid: 1, comm:              swapper', 'CPU: 0    Not tainted  (2.6.32-17-ridgerun #22)']);
    expect(metadata).toMatchObject({ cpu: 0, pid: 1, comm: 'swapper', kernel: '2.6.32-17-ridgerun' });
    expect(readMetadata(['CPU: 1    Tainted: P           (2.6.35 #1)']).taint?.letters).toBe('P');
  });

  it('reads the i386 register dump of 2.6 kernels', () => {
    const metadata = readMetadata([
      'CPU:    0',
      'EIP:    0060:[<c022a7b5>]    Not tainted VLI',
      'EFLAGS: 00010202   (2.6.18-8.el5 #1)',
      'Process modprobe (pid: 4467, ti=c7878000 task=ce5c94c0 task.ti=c7878000)',
    ]);
    expect(metadata).toMatchObject({ cpu: 0, pid: 4467, comm: 'modprobe', kernel: '2.6.18-8.el5' });
    expect(metadata.taint?.letters).toBe('');
    expect(readMetadata(['EIP:    0060:[<c022a7b5>]    Tainted: P    B   VLI']).taint?.letters).toBe('PB');
  });

  it('takes the task from the `Process` line when nothing else names it', () => {
    expect(readMetadata(['Process kworker/u8:0 (pid: 1626, stack limit = 0xffffffc0ae41c000)'])).toMatchObject({ pid: 1626, comm: 'kworker/u8:0' });
    expect(readMetadata(['CPU: 1 PID: 7 Comm: a Not tainted 4.4.0 #1', 'Process b (pid: 8, stack limit = 0x0)'])).toMatchObject({ pid: 7, comm: 'a' });
  });

  it('falls back on the WARNING line for CPU and PID', () => {
    expect(readMetadata(['WARNING: CPU: 1 PID: 75398 at mm/page_alloc.c:3843 rmqueue+0x96/0x1260', 'Modules linked in: tls'])).toMatchObject({ cpu: 1, pid: 75398 });
    expect(readMetadata(['WARNING: CPU: 1 PID: 7 at x.c:1 f+0x1/0x2', 'CPU: 3 PID: 8 Comm: b Not tainted 6.1.0 #1'])).toMatchObject({ cpu: 3, pid: 8 });
  });

  it('reads the taint from the spelled-out line or from an old WARNING line', () => {
    expect(readMetadata(['Tainted: [L]=SOFTLOCKUP']).taint?.letters).toBe('L');
    expect(readMetadata(['CPU: 0 PID: 1 Comm: a Tainted: G             L     6.10.0 #1', 'Tainted: [L]=SOFTLOCKUP']).taint?.letters).toBe('L');
    expect(readMetadata(['generic_get_mtrr+0x11e/0x140() (Not tainted)']).taint?.letters).toBe('');
    expect(readMetadata(['WARNING: at x.c:1 f+0x1/0x2() (Tainted: P        W  )']).taint?.letters).toBe('PW');
  });
});

describe('readMetadata: Modules linked in', () => {
  it('continues on unindented lines of module names up to the next report line', () => {
    expect(moduleNames(['Modules linked in: radeon(+)(U) ttm(U) drm(U) i2c_algo_bit(U)', 'i2c_core(U) dm_mod(U)', 'Pid: 143, comm: modprobe Not tainted 2.6.32-19.el6.x86_64 #1'])).toEqual([
      'radeon(+U)', 'ttm(U)', 'drm(U)', 'i2c_algo_bit(U)', 'i2c_core(U)', 'dm_mod(U)',
    ]);
  });

  it('continues on indented lines and ends after `[last unloaded: x]`', () => {
    expect(moduleNames(['Modules linked in: tcp_lp fuse 8021q', 'nf_conntrack_ipv6 xt_CT', 'i2c_core video [last unloaded: mperf]', 'ipv6 tun'])).toEqual([
      'tcp_lp', 'fuse', '8021q', 'nf_conntrack_ipv6', 'xt_CT', 'i2c_core', 'video',
    ]);
    expect(moduleNames(['Modules linked in: a_mod', ' nf_conntrack_snmp nf_conntrack_sip', 'CPU: 0 PID: 1 Comm: x Not tainted 4.4.0 #1'])).toEqual(['a_mod', 'nf_conntrack_snmp', 'nf_conntrack_sip']);
  });

  it.each([
    ['CPU 0'],
    ['RIP: 0010:foo+0x1/0x2'],
    ['Hardware name: QEMU'],
    [''],
    ['Call Trace:'],
    ['usb 1-1: new high-speed USB device'],
  ])('stops at %j', (next) => {
    expect(moduleNames(['Modules linked in: tun', next, 'later_mod'])).toEqual(['tun']);
  });
});

describe('readMetadata on hostile lines', () => {
  it.each([
    ['a blank taint column', `CPU: 1 PID: 2 Comm: a Tainted: ${' '.repeat(400_000)}x`],
    ['a blank lockdep taint', `1.1 #1 Tainted: ${' '.repeat(400_000)}x`],
    ['an old Pid line', `Pid: 1, comm: a Tainted: ${' '.repeat(400_000)}x`],
    ['a parenthesised taint', `(Tainted: ${'A'.repeat(400_000)} x)`],
  ])('stays fast on %s', (_name, line) => {
    const started = performance.now();
    readMetadata([line, line]);
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('reads a module list of any length without running out of stack', () => {
    expect(readMetadata([`Modules linked in: ${'mod_a '.repeat(200_000)}`, ' mod_b'.repeat(100_000)]).modules).toHaveLength(300_000);
  });
});
