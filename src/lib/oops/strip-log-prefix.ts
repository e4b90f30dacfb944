/*
 * What the logging path and the pasting put around a kernel message, removed so the formats see
 * the line as printk wrote it. Each rule is one anchored regex with bounded repetition (no nested
 * quantifiers over the same characters), so a line costs linear time whatever it holds.
 *
 * The rules run in order, each once, on what the previous ones left: first what wraps the whole
 * line (pasting, Markdown, HTML), then what a logger put in front (syslog, journal, dmesg
 * options, logread), then what the kernel itself prints first (printk time, caller id, level).
 */

// A month as a locale prints it: letters of any script (`Apr`, `gru`, `sty`, `Okt.`, `paź`) or a
// number with a unit (`8月`, `12월`). A log read with the wrong encoding shows such names as
// Latin-1 debris (`8æ\x9c\x88`), which counts as well.
const MONTH = String.raw`(?:[\p{L}\u0080-\u00FF]{2,12}\.?|\d{1,2} ?[^\x00-\x7F\s]{1,6})`;
// `%e` pads the day with a space, `%d` with a zero; CJK locales may add a unit (`14日`).
const DAY = String.raw`\d{1,2}\p{L}?`;
const CLOCK = String.raw`\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,9})?`;
const ZONE = String.raw`(?:Z|[+-]\d{2}:?\d{2})`;
const ISO_TIME = String.raw`\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?${ZONE}?`;
// The kernel's own printk time, `[ 3107.388125]`; a pasted copy can lose the fraction's digits
// (`[  240.]`), and some vendor kernels append the CPU (`[ 6020.023137@0]`).
const PRINTK_TIME = String.raw`\[ *\d{1,10}\.\d{0,9}(?:@\d{1,4})?\]`;

interface PrefixRule {
  /** What wrote it; tests and debugging name rules by it. */
  name: string;
  pattern: RegExp;
  /** The characters a line it applies to can start with, when few: a cheap test before the regex. */
  first?: string;
  /** Text a line it applies to always holds. */
  needs?: string;
  /**
   * The rule cannot match a line that starts with a printk time (`[ 3107.388125]`): what it
   * wants after the `[` is not digits then a full stop then `]`. Most lines start so.
   */
  notAtPrintkTime?: true;
  /** The characters the first non-blank character of a line it applies to can be. */
  firstNonBlank?: string;
}

const DIGITS = '0123456789';
// A host name as the machine's syslog writes it: at most __NEW_UTS_LEN (64) characters, the
// kernel's limit on the node name (include/uapi/linux/utsname.h). A longer field is not one.
const HOST = 64;

export const prefixRules: readonly PrefixRule[] = [
  // Markup that opens a code block, glued to the first line of the paste: Markdown and chat
  // fences (```` ``` ````, `~~~`), Jira's `{noformat}` and `{code:lang}`.
  { name: 'code-block-open', pattern: /^(?:`{3,}|~{3,}|\{(?:noformat|code(?::[^{}]{0,60})?)\})/, first: '`~{' },
  // Left-overs of an HTML page the log was copied from: `<pre>`, `<b>` (a rendered issue).
  { name: 'html-tags', pattern: /^(?:<\/?(?:pre|code|b|i|tt|samp|span|div|p|br)\b[^<>]{0,80}>)+/, first: '<' },
  // Markdown block quotes, possibly nested: `> `, `> > `, `>> `.
  { name: 'markdown-quote', pattern: /^ {0,3}>(?: ?>){0,7} ?/, first: ' >' },
  // An editor's or `cat -n`'s line number in front of a timestamped line: `  11746 [46223316.65]`.
  { name: 'line-number', pattern: new RegExp(String.raw`^ *\d{1,8}(?: +|\t)(?=${PRINTK_TIME})`), first: ` ${DIGITS}`, needs: '[' },
  // A serial console or CI runner's wall clock before the printk time: `16:56:35 [ 82.646346]`.
  { name: 'wall-clock', pattern: new RegExp(String.raw`^${CLOCK} +(?=${PRINTK_TIME})`), first: DIGITS, needs: '[' },
  // A reporter's indentation in front of the printk time.
  { name: 'indent', pattern: new RegExp(String.raw`^[ \t]{1,80}(?=${PRINTK_TIME})`), first: ' \t', needs: '[' },
  // `/dev/kmsg` records read raw: `6,339,5140900,-;message` (level, sequence, usec, flags).
  { name: 'kmsg-record', pattern: /^\d{1,3},\d{1,20},\d{1,20},[-+c]{1,3}(?:,[^;]{0,40})?;/, first: DIGITS, needs: ';' },
  // syslog, `journalctl -k` (short, short-precise), any locale, with or without a hostname, with
  // the priority when read off the wire (`<4>Apr  6 …`):
  // `Apr  6 02:50:06 host kernel: `, `8月 14 10:24:12 xxxx kernel: `, `Aug 13 12:28:38 kernel: `.
  // Only the kernel's own records: another program's (`openvpn[1118]: WARNING: …`) keeps its tag,
  // so it never reads as a kernel message.
  {
    name: 'syslog',
    pattern: new RegExp(String.raw`^(?:<\d{1,3}>)?${MONTH} {1,2}${DAY} ${CLOCK}(?: \d{4})? (?:\S{1,${HOST}} )?kernel: ?`, 'u'),
    needs: 'kernel',
  },
  // OpenWrt `logread`: weekday, date, year, facility.level: `Fri Jul  7 07:29:14 2017 kern.warn kernel: `.
  {
    name: 'logread',
    pattern: new RegExp(String.raw`^\p{L}{2,12}\.? {1,2}${MONTH} {1,2}${DAY} ${CLOCK} \d{4} [a-z]{1,10}\.[a-z]{1,10} kernel: ?`, 'u'),
    needs: 'kernel',
  },
  // ISO-8601 time: `journalctl -o short-iso`, rsyslog's high-precision template and RFC 5424
  // (`<4>1 2024-04-06T02:50:06.1Z host kernel - - - msg`).
  {
    name: 'iso-syslog',
    pattern: new RegExp(String.raw`^(?:<\d{1,3}>\d{1,2} )?${ISO_TIME} (?:\S{1,${HOST}} )?kernel(?:: ?| (?:\S{1,128} ){2}(?:-|\[[^\]]{0,200}\]) ?)`),
    first: `<${DIGITS}`, needs: 'kernel',
  },
  // `journalctl -o short-full`: weekday, ISO date, time and zone: `Sat 2024-04-06 02:50:06 CEST host kernel: `.
  {
    name: 'journal-full',
    pattern: new RegExp(String.raw`^\p{L}{2,4}\.? \d{4}-\d{2}-\d{2} ${CLOCK} [\w+-]{1,8} (?:\S{1,${HOST}} )?kernel: ?`, 'u'),
    needs: 'kernel',
  },
  // `journalctl -o verbose`: the message as a field, `    MESSAGE=BUG: …`.
  { name: 'journal-verbose', pattern: /^\s{0,8}MESSAGE=/, first: ' \tM', needs: 'MESSAGE=' },
  // `journalctl -o short-unix`: `1712386206.123456 host kernel: `.
  { name: 'journal-unix', pattern: new RegExp(String.raw`^\d{9,11}\.\d{1,9} (?:\S{1,${HOST}} )?kernel: ?`), first: DIGITS, needs: 'kernel' },
  // `journalctl -o short-monotonic`: the printk time, then the host and the tag: `[ 1234.567890] host kernel: `.
  { name: 'journal-monotonic', pattern: new RegExp(String.raw`^${PRINTK_TIME} (?:\S{1,${HOST}} )?kernel: ?`), first: '[', needs: 'kernel' },
  // `journalctl -o short-delta`: the same with the time since the previous record,
  // `[ 1234.567890 <    0.000123>] host kernel: `.
  { name: 'journal-delta', pattern: new RegExp(String.raw`^\[ *\d{1,10}\.\d{1,9} < *\d{1,10}\.\d{1,9}>\] (?:\S{1,${HOST}} )?kernel: ?`), first: '[', needs: 'kernel' },
  // A syslog line whose date was cut off in the paste: `raspberrypi-02 kernel: [509490.688179] `.
  { name: 'cut-syslog', pattern: new RegExp(String.raw`^\S{1,${HOST}} kernel: ?(?=${PRINTK_TIME})`), needs: 'kernel' },
  // A fuzzer's or console tool's date: `2018/01/09 14:28:48 `.
  { name: 'tool-date', pattern: /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,9})? /, first: DIGITS, needs: '/' },
  // A chat or capture tool's bracketed date: `[2023/01/02, 10:11:12] `, `[2023-01-02 10:11:12.123] `.
  { name: 'bracketed-date', pattern: new RegExp(String.raw`^\[\d{4}[-/.]\d{2}[-/.]\d{2},? {0,2}T?${CLOCK}${ZONE}?\] ?`), first: '[', needs: ':', notAtPrintkTime: true },
  // The tag alone, as syslogd's wall broadcast prints it: ` kernel:[  622.405154] Internal error`.
  { name: 'kernel-tag', pattern: /^ ?kernel: ?/, first: ' k' },
  // `dmesg -x`: facility and level, `kern  :warn  : `.
  { name: 'dmesg-level', pattern: /^(?:kern|user|daemon|syslog|local\d)\s{0,8}:(?:emerg|alert|crit|err|warn|notice|info|debug)\s{0,8}: /, first: 'kudsl', needs: ':' },
  // `dmesg --time-format iso`: `2024-04-06T02:50:06,123456+02:00 ` (util-linux writes a comma).
  { name: 'dmesg-iso-time', pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2},\d{6}[+-]\d{2}:?\d{2} /, first: DIGITS, needs: ',' },
  // `dmesg -d`: the time and the delta to the previous message, `[    1.234567 <    0.000123>] `.
  { name: 'dmesg-delta', pattern: /^\[ *\d{1,10}\.\d{1,9} < *\d{1,10}\.\d{1,9}>\] ?/, first: '[', needs: '<', notAtPrintkTime: true },
  // `dmesg -e`: a minute's local time, then deltas: `[Apr  6 02:50] `, `[  +0.000123] `.
  { name: 'dmesg-reltime', pattern: new RegExp(String.raw`^\[(?:${MONTH} {1,2}${DAY} \d{2}:\d{2}| *[+-]\d{1,10}\.\d{1,9})\] ?`, 'u'), first: '[', notAtPrintkTime: true },
  // `dmesg -T`: `[Sat Apr  6 02:50:06 2024] `, in any locale.
  { name: 'dmesg-human-time', pattern: new RegExp(String.raw`^\[\p{L}{2,12}\.? {1,2}${MONTH} {1,2}${DAY} ${CLOCK} \d{4}\] ?`, 'u'), first: '[', needs: ':', notAtPrintkTime: true },
  // A printk log level read from the ring buffer: `<4>`.
  { name: 'level', pattern: /^<\d{1,3}>/, first: '<' },
  // A login prompt the console printed just before the kernel line.
  { name: 'login-prompt', pattern: new RegExp(String.raw`^\S{1,${HOST}} login: `), needs: ' login: ' },
  // The printk time: `[ 3107.388125] `.
  { name: 'printk-time', pattern: new RegExp(String.raw`^${PRINTK_TIME} ?`), first: '[' },
  // The same with its first characters lost by a console that dropped the start of the line:
  // ` 12.345678] `, `.345678] `.
  { name: 'printk-time-cut', pattern: /^ {0,12}\d{0,10}\.\d{1,9}\] ?/, first: ` .${DIGITS}`, firstNonBlank: `.${DIGITS}`, needs: '] ' },
  // The same on a 3270 console (s390 under Hercules), which shows `[` as a blank and `]` as `!`.
  { name: 'printk-time-3270', pattern: /^ {1,12}\d{1,10}\.\d{6}! ?/, first: ' ', firstNonBlank: DIGITS, needs: '!' },
  // The printk caller id (CONFIG_PRINTK_CALLER): `[ T1234] `, `[  C0] `.
  { name: 'caller', pattern: /^\[ *[TC]\d{1,7}\] ?/, first: '[' },
  // A level left after the time by kdump's `vmcore-dmesg` or `dmesg -r`: `[ 1.0] <4>`.
  { name: 'level-after-time', pattern: /^<\d{1,3}>/, first: '<' },
  // Another writer's text can precede a console line: `syzkaller login: [   50.946624] WARNING: …`.
  { name: 'other-writer', pattern: /^[^[]{1,200}?\[ *\d+\.\d{6}\](?:\[ *[TC]\d+\])? ?/, needs: '[' },
];

/*
 * What a terminal or pager leaves at the end of a line: Markdown's two-space line breaks and other
 * trailing blanks, `less -S`'s `$` on a line cut at the screen edge, tmux's copy-mode position
 * (`[47/1973]`, cut to `[47` when the screen ended there). The `$` only counts on a line as long
 * as a screen, the position only after padding: a kernel message ends in neither.
 */
const TMUX_POSITION = /^\[\d{1,6}(?:\/\d{0,7}\]?)?$/;
const HTML_CLOSE = /(?:<\/(?:pre|code|b|i|tt|samp|span|div|p)>)+$/;
// The same markup closing the block, glued to the last line: ```` ``` ````, `{noformat}`, `{code}`.
const BLOCK_CLOSE = /(?:`{3,}|~{3,}|\{noformat\}|\{code\})$/;
function endsInBlockClose(line: string): boolean {
  return line.endsWith('```') || line.endsWith('~~~') || line.endsWith('{noformat}') || line.endsWith('{code}');
}
const SCREEN_WIDTH = 79;

function stripLineEnd(line: string, capturedLength: number): string {
  let rest = line.endsWith('>') ? line.replace(HTML_CLOSE, '') : line;
  const final = rest.charCodeAt(rest.length - 1);
  // '`', '~', '}'
  if ((final === 0x60 || final === 0x7e || final === 0x7d) && endsInBlockClose(rest)) rest = rest.replace(BLOCK_CLOSE, '');
  const last = rest.at(-1) ?? '';
  // The position holds no `[` after its own: only the line's last `[` can start it.
  const position = last === ']' || DIGITS.includes(last) ? rest.lastIndexOf('[') : -1;
  if (position >= 0 && TMUX_POSITION.test(rest.slice(position)) && /[ \t]{2}$/.test(rest.slice(0, position))) rest = rest.slice(0, position);
  rest = rest.trimEnd();
  if (capturedLength >= SCREEN_WIDTH && rest.endsWith('$') && /\w/.test(rest.at(-2) ?? '')) rest = rest.slice(0, -1);
  return rest;
}

// Per rule, a table of the first characters it allows, and the bit of the text it needs: a line is
// offered only to the rules that can match it. Most lines start with `[` or a blank and hold no
// `kernel`, so they skip nearly all of them without running a regex.
/** A lookup table of the ASCII characters in `chars`: `table[code] === 1`. */
function characterTable(chars: string | undefined): Uint8Array | undefined {
  if (chars === undefined) return undefined;
  const table = new Uint8Array(128);
  for (const char of chars) table[char.charCodeAt(0)] = 1;
  return table;
}

const firstTables = prefixRules.map((rule) => characterTable(rule.first));
const needed = [...new Set(prefixRules.flatMap((rule) => (rule.needs === undefined ? [] : [rule.needs])))];
const needBits = prefixRules.map((rule) => (rule.needs === undefined ? 0 : 1 << needed.indexOf(rule.needs)));

const notAtPrintkTime = prefixRules.map((rule) => rule.notAtPrintkTime === true);
const nonBlankTables = prefixRules.map((rule) => characterTable(rule.firstNonBlank));

/** The code of the first character of `text` that is not a blank (NaN when there is none). */
function firstNonBlankCode(text: string): number {
  let at = 0;
  while (text.charCodeAt(at) === 0x20) at++;
  return text.charCodeAt(at);
}
const PRINTK_TIME_RULE = prefixRules.findIndex((rule) => rule.name === 'printk-time');

/**
 * Where a printk time at the start of the text ends (after its `]`), or -1: PRINTK_TIME read by
 * hand, since most lines start with one and every line asks. A property test holds it to the
 * `printk-time` rule's pattern.
 */
export function printkTimeEnd(text: string): number {
  if (text.charCodeAt(0) !== 0x5b) return -1;
  let at = 1;
  while (text.charCodeAt(at) === 0x20) at++;
  const digits = at;
  while (at - digits < 11 && isDigit(text.charCodeAt(at))) at++;
  if (at === digits || at - digits > 10 || text.charCodeAt(at) !== 0x2e) return -1;
  const fraction = ++at;
  while (at - fraction < 10 && isDigit(text.charCodeAt(at))) at++;
  if (at - fraction > 9) return -1;
  if (text.charCodeAt(at) === 0x40) {
    const cpu = ++at;
    while (at - cpu < 5 && isDigit(text.charCodeAt(at))) at++;
    if (at === cpu || at - cpu > 4) return -1;
  }
  return text.charCodeAt(at) === 0x5d ? at + 1 : -1;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function mayStart(index: number, code: number): boolean {
  const table = firstTables[index];
  return table === undefined || (code < 128 && table[code] === 1);
}

// For each ASCII first character (and one more row for any other character and for an empty
// line), the first rule at or after each position of the list that a line starting with it can
// match: a line skips the rules that cannot apply without looking at them.
const RULES = prefixRules.length;
const OTHER = 128;
const nextRules = new Int8Array((OTHER + 1) * (RULES + 1)).fill(-1);
for (let code = 0; code <= OTHER; code++) {
  for (let index = RULES - 1; index >= 0; index--) {
    const applies = code === OTHER ? firstTables[index] === undefined : mayStart(index, code);
    nextRules[code * (RULES + 1) + index] = applies ? index : (nextRules[code * (RULES + 1) + index + 1] ?? -1);
  }
}

/** The first rule after `after` that a line starting with `code` can match, or -1. */
function nextRule(after: number, code: number): number {
  return nextRules[(code < OTHER ? code : OTHER) * (RULES + 1) + after + 1] ?? -1;
}

// The 3270 console changed every bracket of the line, not only the timestamp's: a module tag
// `[qdio]` reads `  qdio!` (blank for `[`, `!` for `]`), at the end of a frame or before its `)`.
const CONSOLE_3270 = prefixRules.findIndex((rule) => rule.name === 'printk-time-3270');
const MODULE_3270 = / {2}([A-Za-z0-9_]{1,64})!(?=\)|\s*$)/g;

function restore3270Brackets(text: string): string {
  return text.includes('!') ? text.replace(MODULE_3270, ' [$1]') : text;
}

// A log copied out of a web page's source keeps its markup escaped: `[&lt;ffffffff81062d11&gt;]`,
// `&lt;IRQ&gt;`. Kernel text never spells these entities itself.
const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };
const ENTITY = /&(lt|gt|amp|quot|#39|apos|nbsp);/g;

function decodeEntities(line: string): string {
  return line.includes('&') ? line.replace(ENTITY, (_all, name: string) => ENTITIES[name] ?? '') : line;
}

/** The kernel message in a captured line, without what the logging path and the pasting added. */
export function stripLogPrefix(line: string): string {
  let rest = decodeEntities(line.endsWith('\r') ? line.slice(0, -1) : line);
  let code = rest.charCodeAt(0);
  // Which needed texts the line holds (`held`), of those looked up (`looked`) since it last changed.
  let looked = 0;
  let held = 0;
  // Where the printk time the line starts with ends (-1: none); undefined until a rule asks.
  let timeEnd: number | undefined;
  // The line's first non-blank character; undefined until a rule asks.
  let lead: number | undefined;
  let index = -1;
  for (;;) {
    index = nextRule(index, code);
    if (index < 0) break;
    if (notAtPrintkTime[index] && (timeEnd ??= printkTimeEnd(rest)) >= 0) continue;
    const leads = nonBlankTables[index];
    if (leads !== undefined) {
      lead ??= firstNonBlankCode(rest);
      if (!(lead < 128 && leads[lead] === 1)) continue;
    }
    const bit = needBits[index] ?? 0;
    if (bit !== 0) {
      if ((looked & bit) === 0) {
        looked |= bit;
        if (rest.includes(prefixRules[index]?.needs ?? '')) held |= bit;
      }
      if ((held & bit) === 0) continue;
    }
    let length: number;
    if (index === PRINTK_TIME_RULE) {
      // The rule's pattern, read by hand: the time and one blank after it.
      const end = (timeEnd ??= printkTimeEnd(rest));
      length = end < 0 ? 0 : rest.charCodeAt(end) === 0x20 ? end + 1 : end;
    } else {
      length = prefixRules[index]?.pattern.exec(rest)?.[0].length ?? 0;
    }
    if (length === 0) continue;
    rest = rest.slice(length);
    code = rest.charCodeAt(0);
    looked = 0;
    held = 0;
    timeEnd = undefined;
    lead = undefined;
    if (index === CONSOLE_3270) rest = restore3270Brackets(rest);
  }
  return stripLineEnd(rest, line.length);
}

/** Whether a captured line starts with anything a logger, a console or the kernel puts first. */
export function hasLogPrefix(line: string): boolean {
  // Most lines start with a printk time, which the printk-time rule takes.
  if (printkTimeEnd(line) >= 0) return true;
  const code = line.charCodeAt(0);
  return prefixRules.some((rule, index) => mayStart(index, code) && (rule.needs === undefined || line.includes(rule.needs)) && rule.pattern.test(line));
}

// A syslog or logread record header at the very end of a text: the start of the next record,
// glued to a message that lost its line end (`…ums_sddrFri Jul  7 07:29:14 2017 kern.warn kernel: `).
const HEADER_BODY = String.raw`(?:\p{L}{2,3}\.? {1,2})?${MONTH} {1,2}${DAY} ${CLOCK}(?: \d{4})?(?: [a-z]{1,10}\.[a-z]{1,10})? (?:\S{1,${HOST}} )?kernel: ?$`;
const TRAILING_HEADER = new RegExp(HEADER_BODY, 'u');
const HEADER_AT = new RegExp(HEADER_BODY, 'uy');

/**
 * Where a record header glued to the end of `text` starts, or -1. The glued word and the month
 * (or weekday) run together, so where one ends is a guess: at a lower-to-upper case step
 * (`ahciApr`, `sddrFri`) when there is one, else where the letters start.
 */
export function trailingRecordHeader(text: string): number {
  if (!/kernel: ?$/.test(text)) return -1;
  const start = TRAILING_HEADER.exec(text)?.index ?? -1;
  if (start < 0) return -1;
  for (let at = text.slice(start).search(/\d/) + start - 1; at > start; at--) {
    if (!/\p{Lu}/u.test(text[at] ?? '') || !/\p{Ll}/u.test(text[at - 1] ?? '')) continue;
    HEADER_AT.lastIndex = at;
    if (HEADER_AT.test(text)) return at;
  }
  return start;
}

// `[  771.746713][T15335]` or `[  771.755252][    C1]`: the printk caller id (CONFIG_PRINTK_CALLER).
const CALLER = /^[^\[]{0,200}?\[ *\d+\.\d+\]\[ *([TC]\d+)\]/;

/** The task (`T1234`) or CPU (`C0`) that printed a console line, when the kernel records it. */
export function logCaller(line: string): string | undefined {
  return CALLER.exec(line)?.[1];
}
