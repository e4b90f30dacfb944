import { describe, expect, it } from 'vitest';
import { toLogLines } from '../../src/lib/oops/log-lines.ts';
import { parseOops } from '../../src/lib/oops/parse-oops.ts';

/*
 * What terminals, issue trackers, chat clients, mail readers and web pages do to a pasted report,
 * each applied to two short real reports: the parser must still find the report, its title and
 * its guilty function, and read the taint and the modules.
 */

// An x86-64 WARNING as `dmesg` prints it (lines from a GitHub issue about the qxl driver).
const WARNING = `[  101.118265] ------------[ cut here ]------------
[  101.118272] WARNING: CPU: 0 PID: 1113 at drivers/gpu/drm/qxl/qxl_release.c:70 qxl_fence_wait+0x12e/0x160 [qxl]
[  101.118310] Modules linked in: uinput ip6t_rpfilter ip6t_REJECT xt_conntrack qxl(OE) drm_kms_helper ttm drm
[  101.118353] CPU: 0 PID: 1113 Comm: Xorg.bin Tainted: G        W  OE  5.10.0-18-amd64 #1 Debian 5.10.140-1
[  101.118356] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.7.5-20140709_153950- 04/01/2014
[  101.118360] RIP: 0010:qxl_fence_wait+0x12e/0x160 [qxl]
[  101.118395] Call Trace:
[  101.118402]  dma_fence_wait_timeout+0x3d/0x110
[  101.118410]  ttm_bo_wait+0x4a/0x70 [ttm]
[  101.118421]  qxl_bo_wait+0x2f/0x70 [qxl]
[  101.118430]  qxl_gem_object_free+0x1f/0x40 [qxl]
[  101.118437]  drm_gem_object_release_handle+0x5a/0x90 [drm]
[  101.118455]  drm_ioctl+0x22e/0x3f0 [drm]
[  101.118470]  __x64_sys_ioctl+0x83/0xb0
[  101.118478]  do_syscall_64+0x33/0x80
[  101.118484]  entry_SYSCALL_64_after_hwframe+0x61/0xc6
[  101.118490] ---[ end trace 7ee2a0e8bdb2d4a1 ]---
`;
const WARNING_TITLE = 'WARNING in qxl_fence_wait';

// An arm64 oops (lines from a Raspberry Pi report).
const ARM64 = `[32185.008840] Unable to handle kernel NULL pointer dereference at virtual address 0000000000000008
[32185.008860] Mem abort info:
[32185.008870]   ESR = 0x96000005
[32185.008900] Internal error: Oops: 96000005 [#1] PREEMPT SMP
[32185.008910] Modules linked in: brcmfmac brcmutil cfg80211 rfkill
[32185.008950] CPU: 2 PID: 4117 Comm: kworker/2:1 Tainted: G         C        5.15.32-v8+ #1538
[32185.008960] Hardware name: Raspberry Pi 4 Model B Rev 1.4 (DT)
[32185.008980] pc : brcmf_sdiod_freezer_count+0x10/0x30 [brcmfmac]
[32185.008990] lr : brcmf_sdio_isr+0x40/0x2e0 [brcmfmac]
[32185.009200] Call trace:
[32185.009210]  brcmf_sdiod_freezer_count+0x10/0x30 [brcmfmac]
[32185.009220]  brcmf_sdio_isr+0x40/0x2e0 [brcmfmac]
[32185.009230]  brcmf_sdiod_ib_irqhandler+0x28/0x40 [brcmfmac]
[32185.009240]  process_sdio_pending_irqs+0x120/0x1e0
[32185.009250]  sdio_irq_work+0x3c/0x64
[32185.009260]  process_one_work+0x1f0/0x4b0
[32185.009270]  worker_thread+0x50/0x490
[32185.009280]  kthread+0x154/0x160
[32185.009290]  ret_from_fork+0x10/0x20
[32185.009300] Code: d503233f a9bf7bfd 910003fd f9400000 (b9400800)
[32185.009310] ---[ end trace 8e9f3a5c2b1d0e7f ]---
`;
const ARM64_TITLE = 'BUG: unable to handle kernel NULL pointer dereference in brcmf_sdiod_freezer_count';

const perLine = (damage: (line: string, index: number) => string) => (text: string) =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map(damage)
    .join('\n');

/** Cuts every line longer than `width` into pieces of `width` characters, as a terminal does. */
const hardWrap = (width: number) => (text: string) =>
  text
    .split('\n')
    .flatMap((line) => {
      const pieces: string[] = [];
      let rest = line;
      for (; rest.length > width; rest = rest.slice(width)) pieces.push(rest.slice(0, width));
      return [...pieces, rest];
    })
    .join('\n');

/** Wraps every line longer than `width` at its last blank before it, as a mail client does. */
const wordWrap = (width: number) => (text: string) =>
  text
    .split('\n')
    .flatMap((line) => {
      const pieces: string[] = [];
      let rest = line;
      while (rest.length > width) {
        const cut = rest.lastIndexOf(' ', width);
        const at = cut > 0 ? cut : width;
        pieces.push(rest.slice(0, at));
        rest = rest.slice(at).replace(/^ /, '');
      }
      return [...pieces, rest];
    })
    .join('\n');

const damages: ReadonlyArray<[string, (text: string) => string]> = [
  ['wrapped at 80 columns', hardWrap(80)],
  ['wrapped at 100 columns', hardWrap(100)],
  ['wrapped at 120 columns', hardWrap(120)],
  ['wrapped at 132 columns', hardWrap(132)],
  ['wrapped at 160 columns', hardWrap(160)],
  ['word-wrapped at 72 columns (a mail client)', wordWrap(72)],
  ['word-wrapped at 100 columns', wordWrap(100)],
  ["a frame's offset wrapped onto the next line", (text) => text.replace(/(\w)\+0x/g, '$1\n+0x')],
  ['Windows line ends', (text) => text.replace(/\n/g, '\r\n')],
  ['tabs for blanks', perLine((line) => line.replace('] ', ']\t').replace(/^(\S+)\t {2}/, '$1\t\t'))],
  ['no-break spaces (a web page)', (text) => text.replace(/ /g, '\u00a0')],
  ['every other blank a no-break space', (text) => text.replace(/ {2}/g, '\u00a0 ')],
  ['zero-width spaces (a chat client)', perLine((line) => `\u200b${line.replace(/(.{24})/g, '$1\u200b')}`)],
  ['a byte-order mark', (text) => `\ufeff${text}`],
  ['smart quotes', (text) => text.replace(/'([^']*)'/g, '\u2018$1\u2019').replace(/"([^"]*)"/g, '\u201c$1\u201d')],
  ['typographic dashes for hyphens (a word processor)', (text) => text.replace(/--/g, '\u2014')],
  ['Markdown quote `> `', perLine((line) => `> ${line}`)],
  ['Markdown quote `>` without a blank', perLine((line) => `>${line}`)],
  ['email quoting `>> `', perLine((line) => `>> ${line}`)],
  ['wrapped at 100 columns, then quoted in a reply', (text) => perLine((line) => `> ${line}`)(hardWrap(100)(text))],
  ['wrapped at 120 columns, quoted, Windows line ends', (text) => perLine((line) => `> ${line}`)(hardWrap(120)(text)).replace(/\n/g, '\r\n')],
  ['a code fence on lines of its own', (text) => `\`\`\`text\n${text}\`\`\`\n`],
  ['a code fence glued to the first and last lines (Slack, Discord)', (text) => `\`\`\`${text.trimEnd()}\`\`\``],
  ['Jira {noformat}', (text) => `{noformat}\n${text}{noformat}\n`],
  ['Jira {noformat} glued', (text) => `{noformat}${text.trimEnd()}{noformat}`],
  ['Jira {code:none} glued', (text) => `{code:none}${text.trimEnd()}{code}`],
  ['line numbers `12: ` (grep -n)', perLine((line, index) => `${index + 1}:${line}`)],
  ['line numbers `12 | ` (a code viewer)', perLine((line, index) => `${String(index + 1).padStart(3)} | ${line}`)],
  ['line numbers and a tab (cat -n)', perLine((line, index) => `${String(index + 1).padStart(6)}\t${line}`)],
  ['dmesg --color=always', perLine((line) => line.replace(/^(\[[^\]]*\])/, '\u001b[32m$1\u001b[0m').replace(/(WARNING|Internal error|Call [Tt]race)/, '\u001b[1;31m$1\u001b[0m'))],
  ['screen and minicom control sequences', perLine((line) => `\u001b[K${line}\u001b[0m\u001b[?25h\r`)],
  ['journalctl -o cat', perLine((line) => line.replace(/^\[ *\d+\.\d+\] ?/, ''))],
  ['kern.log with RFC 3339 times', perLine((line) => `2024-04-06T02:50:06.123456+02:00 build-host kernel: ${line}`)],
  ['syslog with a host name', perLine((line) => `Apr  6 02:50:06 build-host kernel: ${line}`)],
  ['serial console: carriage returns before and after', perLine((line, index) => `${index % 3 === 0 ? '\r' : ''}${line}\r\r`)],
  ['serial console: a prompt overwritten by the next message', perLine((line, index) => (index === 4 ? `login: \r${line}` : line))],
];

describe.each([
  ['an x86-64 WARNING', WARNING, WARNING_TITLE, 'qxl_fence_wait', 'WOE', 8],
  ['an arm64 oops', ARM64, ARM64_TITLE, 'brcmf_sdiod_freezer_count', 'C', 4],
])('%s, damaged', (_name, report, title, guilty, taint, modules) => {
  it('parses clean', () => {
    const [found] = parseOops(report);
    expect(found).toMatchObject({ title, guiltyFrame: guilty });
  });

  it.each(damages)('%s', (_damage, damage) => {
    const found = parseOops(damage(report));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ title, guiltyFrame: guilty });
    expect(found[0]?.taint?.letters).toBe(taint);
    expect(found[0]?.modules).toHaveLength(modules);
  });
});

describe('typography undone', () => {
  it('gives the kernel its straight quotes and hyphens back', () => {
    const texts = toLogLines('\u201cecho 0 > /proc/sys/kernel/hung_task_timeout_secs\u201d disables this message.\n\u2014\u2014\u2014[ cut here ]\u2014\u2014\u2014').map((line) => line.text);
    expect(texts).toEqual(['"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.', '------[ cut here ]------']);
  });
});

describe('report span', () => {
  it('ends at the end marker, not on the blank line after the last line feed', () => {
    const [found] = parseOops(`${WARNING}\n`);
    expect(found?.startLine).toBe(2);
    expect(found?.endLine).toBe(WARNING.trimEnd().split('\n').length);
  });

  it("leaves the next report's cut-here line and other writers' lines after the marker out", () => {
    const log = `${WARNING}[  101.2] e1000e: eth0 NIC Link is Up\n${WARNING}`;
    const [first, second] = parseOops(log);
    expect(first?.endLine).toBe(17);
    expect(second?.startLine).toBe(20);
  });

  it('ends a report without a marker at its last printed line', () => {
    const withoutMarker = WARNING.replace(/.*end trace.*\n/, '');
    const [found] = parseOops(`${withoutMarker}\n\n`);
    expect(found?.endLine).toBe(16);
  });

  it("ends an old x86 oops without a marker at __die()'s summary and the fault address", () => {
    const log = [
      'BUG: unable to handle kernel NULL pointer dereference at 0000000000000008',
      'IP: [<ffffffff8144d081>] __free_pages+0x21/0x80',
      'Oops: 0000 [#1] SMP',
      'Pid: 2981, comm: Xorg Not tainted 2.6.32-5-amd64 #1',
      'Call Trace:',
      ' [<ffffffff81103599>] path_lookupat+0x7c/0x2bd',
      ' [<ffffffff8100a04c>] do_one_initcall+0x3c/0x1d0',
      'RIP  [<ffffffff8144d081>] __free_pages+0x21/0x80',
      ' RSP <ffff8801c5777940>',
      'CR2: 0000000000000008',
      '[drm] nouveau 0000:01:00.0: Setting dpms mode 3 on vga encoder (output 0)',
      '[drm] nouveau 0000:01:00.0: Output VGA-1 is running on CRTC 0 using output A',
    ].join('\n');
    const [found] = parseOops(log);
    expect(found?.endLine).toBe(10);
  });
});

