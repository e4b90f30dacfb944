import { journalMessages } from './journal-export.ts';
import { repairLostColumns } from './repair-lost-columns.ts';
import { hasLogPrefix, logCaller, stripLogPrefix, trailingRecordHeader } from './strip-log-prefix.ts';

/** One console line: as captured, and with the logging path's prefixes removed. */
export interface LogLine {
  /** 0-based index in the input. */
  index: number;
  raw: string;
  text: string;
  /** Who printed it (`T1234`, `C0`), from the printk caller id; absent when not printed. */
  caller?: string;
}

// A printk time in the middle of a line: another message run into this one.
const EMBEDDED_TIMESTAMP = /\[ *\d+\.\d{6}\](?:\[ *[TC]\d+\])?/y;
// `Message from syslogd@host at Aug  9 00:12:14 ...`: syslogd's wall broadcast of an emergency
// message; the message itself follows on the next line.
const WALL_BANNER = /^(?:Broadcast message|Message) from \S{1,255}@\S{1,255} (?:at|\().{0,80}\.\.\.\s*$/;
// A printk time with microseconds, as the kernel prints it from a fine clock. A clock that
// ticks in jiffies (`[   76.080000]`) stamps many distinct lines alike, so it proves nothing.
const PRECISE_TIME = /\[ *\d+\.\d{3}(?!000)\d{3}\]/;

// A line that ends in a source location, and a line that starts with a function and offset.
const LOCATION = /^ at [\w./-]{1,200}\.[chS]:\d{1,6}$/;
const FUNCTION_START = /^ ?[A-Za-z_][\w.]{0,120}\+0x[0-9a-f]{1,16}\/0x[0-9a-f]{1,16}/;

function endsInLocation(line: string): boolean {
  // A location ends in `:` and its line number (at most six digits).
  const last = line.charCodeAt(line.length - 1);
  if (last < 0x30 || last > 0x39 || line.length - line.lastIndexOf(':') > 7) return false;
  const at = line.lastIndexOf(' at ');
  return at >= 0 && line.length - at < 220 && LOCATION.test(line.slice(at));
}

/**
 * Splits a captured log into lines, tolerating `\r\n`, NUL bytes and ANSI colour codes, and undoes
 * what consoles and pasting did to the lines:
 * - a line that carries a second printk timestamp (or a whole second syslog record) in its
 *   middle is two messages run together; each part becomes a line of its own (same index);
 * - a line a terminal wrapped at its width goes back together with its continuation, and so does
 *   a warning location whose function went to the next line;
 * - a message printed twice by two consoles (netconsole and serial) is kept once;
 * - syslogd's wall banners between the messages are dropped.
 */
export function toLogLines(input: string): LogLine[] {
  const lines: LogLine[] = [];
  // Cleaned as a whole: most logs hold none of the characters cleaning removes, and one look at
  // the input spares a look at each line.
  const clean = cleanInput(input);
  const returns = clean.includes('\r');
  const split = clean.split('\n').map((line) => cleanLine(line));
  const journal = journalMessages(clean, split);
  const physical = withoutLineNumbers(withoutCommonIndent(withoutQuoteMarks(journal?.lines ?? split)));
  const width = screenWidth(physical);
  const wordWrap = wordWrapWidth(physical);
  for (let index = 0; index < physical.length; index++) {
    let raw = physical[index] ?? '';
    if (journal?.notLog.has(index)) continue;
    if (isWallBanner(raw)) {
      // The blank line syslogd puts before each banner goes with it.
      if (lines.at(-1)?.raw === '') lines.pop();
      continue;
    }
    // A line as wide as the screen, or as long as a log record may be, continued on the next line
    // without any prefix: the terminal or the logger cut it. Its pieces are one message again,
    // placed where it starts.
    const first = raw;
    const start = index;
    let prefixed: boolean | undefined;
    while (isCut(physical[index] ?? '', width) && isWrappedContinuation(physical[index + 1], (prefixed ??= hasLogPrefix(first)))) {
      raw += physical[++index] ?? '';
    }
    // A line a mail client or an issue tracker wrapped at a blank: the word that did not fit is on
    // the next line, and with it the line would have been longer than any line of the paste.
    while (width === 0 && wordWrap > 0 && isWordWrapped(physical[index] ?? '', physical[index + 1], wordWrap)) {
      const next = physical[++index] ?? '';
      raw += /^\s/.test(next) || raw.endsWith(' ') ? next : ` ${next}`;
    }
    // A frame whose offset went to the next line (`do_syscall_64` / `+0x3d/0x90`): a wrapper that
    // breaks lines at punctuation did it, at any width. No kernel line starts with an offset.
    while (mayStartWithOffset(physical[index + 1]) && FRAME_OFFSET_START.test(physical[index + 1] ?? '') && /[\w.\]]$/.test(raw)) {
      raw += (physical[++index] ?? '').trimStart();
    }
    // `at file.c:467` at the end of a line and the function on the next: the location and the
    // `%pS` that follows it on one printk (kernel/panic.c __warn()) were broken apart.
    if (endsInLocation(raw) && FUNCTION_START.test(physical[index + 1] ?? '') && !hasLogPrefix(physical[index + 1] ?? '')) {
      raw += ` ${(physical[++index] ?? '').trim()}`;
    }
    // Two consoles printing the same records (a boot console and the real one, netconsole and
    // serial) double every line for a while: drop the second copy inside such a run. A lone pair
    // is kept: a stack can hold the same stale `?` entry twice, printed in the same microsecond.
    if (raw === physical[index] && doubled(physical, index) && (doubled(physical, index - 2) || doubled(physical, index + 2))) continue;
    const parts = returns && raw.includes('\r') ? carriageReturnPieces(raw).flatMap(splitRecords) : splitRecords(raw);
    for (const part of parts) {
      const text = repairLostColumns(stripLogPrefix(part));
      // A syslog header split off its message leaves nothing behind.
      if (parts.length > 1 && text.trim() === '') continue;
      const caller = part.includes('][') ? logCaller(part) : undefined;
      const line: LogLine = { index: start, raw, text };
      if (caller) line.caller = caller;
      lines.push(line);
    }
  }
  return lines;
}

// A line number an editor, `cat -n`, `grep -n` or a code viewer put in front: digits, then a tab
// or a blank (`cat -n`), a colon (`grep -n`, `nl -s:`), or a bar (a rendered gutter, `12 | `).
const LINE_NUMBER = /^ {0,8}(\d{1,8})(?:[:|] ?| \| ?|\t| )/;

/**
 * A log copied with its line numbers (`cat -n`, an editor's gutter) carries a column that counts
 * up by one from line to line. When nearly every line carries it, it is removed from all of them;
 * a number that merely starts some lines (a hex dump, a count) never counts up like that.
 */
function withoutLineNumbers(lines: readonly string[]): readonly string[] {
  const filled = lines.filter((line) => line.trim() !== '').length;
  if (filled < 3) return lines;
  let counting = 0;
  let previous = -2;
  for (const line of lines) {
    // Only a line that starts with a digit or a blank can carry a number.
    const first = line.charCodeAt(0);
    const number = (first >= 0x30 && first <= 0x39) || first === 0x20 ? Number(LINE_NUMBER.exec(line)?.[1] ?? -10) : -10;
    if (number === previous + 1) counting++;
    previous = number;
  }
  if (counting < filled * 0.9 - 1) return lines;
  return lines.map((line) => line.replace(LINE_NUMBER, ''));
}

// A mail or Markdown quote mark, nested or not: `> `, `>> `, `> > `.
const QUOTE_MARK = /^ {0,3}>(?: ?>){0,7} ?/;

/**
 * A paste quoted in a reply carries quote marks on every line, the pieces of its wrapped lines
 * included. When nearly every line carries one they are removed from all of them first, so that
 * wrapped lines can be put back together; a few quoted lines among others keep theirs (the
 * prefix rules remove it).
 */
function withoutQuoteMarks(lines: readonly string[]): readonly string[] {
  let filled = 0;
  let quoted = 0;
  for (const line of lines) {
    // A quote mark is indented by at most three blanks.
    let at = 0;
    while (at < 4 && line.charCodeAt(at) === 0x20) at++;
    if (at === line.length) continue;
    filled++;
    if (line.charCodeAt(at) === 0x3e && QUOTE_MARK.test(line)) quoted++;
  }
  if (filled < 3 || quoted < filled * 0.9) return lines;
  return lines.map((line) => line.replace(QUOTE_MARK, ''));
}

/**
 * A paste indented as a whole: a Markdown or Stack Exchange code block (four blanks), a mail
 * client's or an editor's indent. The kernel starts every report's first line in the first column,
 * so blanks that every line of the paste carries were put there after the fact and come off all of
 * them, indented frames keeping the rest of theirs. One blank is not enough to tell: an excerpt of
 * frames alone is indented by one blank as printed.
 */
const MIN_PASTED_INDENT = 2;

function withoutCommonIndent(lines: readonly string[]): readonly string[] {
  let indent = Infinity;
  let filled = 0;
  for (const line of lines) {
    let at = 0;
    while (at < line.length && at < indent && line.charCodeAt(at) === 0x20) at++;
    if (at === line.length) continue;
    filled++;
    indent = Math.min(indent, at);
    if (indent < MIN_PASTED_INDENT) return lines;
  }
  if (filled < 3 || indent === Infinity) return lines;
  return lines.map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length)));
}

/** Line `at` repeats the line before it, time included, and the time is precise enough to tell. */
function doubled(lines: readonly string[], at: number): boolean {
  const line = lines[at];
  return at > 0 && line !== undefined && line === lines[at - 1] && PRECISE_TIME.test(line);
}

function isWallBanner(line: string): boolean {
  return (line.startsWith('Message from ') || line.startsWith('Broadcast message from ')) && WALL_BANNER.test(line);
}

// Terminal control sequences a capture keeps (`dmesg --color=always`, minicom and screen logs):
// CSI sequences (colours, erase-line `ESC[K`, cursor `ESC[?25h`), OSC titles, and two-byte escapes.
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROL = /\u001b(?:\[[0-9;?]{0,32}[ -/]{0,4}[@-~]|\][^\u0007\u001b\n]{0,256}(?:\u0007|\u001b\\)?|[()][0-9A-Za-z]|[=>78DEHM])/g;
// Blanks a web page, a chat client or a word processor puts in place of spaces (no-break, thin,
// ideographic), and invisible characters they insert to allow line breaks (zero-width space,
// joiners, byte-order mark, soft hyphen). The kernel prints none of them.
const ODD_BLANK = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
// eslint-disable-next-line no-control-regex
// Typography a word processor or a chat client applies: curly quotes for the kernel's straight
// ones, an em dash for two hyphens and an en dash for one (`—-[ end trace`, `——[ cut here ]——`).
const TYPOGRAPHY: Readonly<Record<string, string>> = { '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"', '\u2013': '-', '\u2014': '--' };
const TYPOGRAPHIC = /[\u2013\u2014\u2018\u2019\u201c\u201d]/g;
const NEEDS_CLEANING = /[\u0000\u0009\u001b\u00a0\u00ad\u2000-\u200d\u2013\u2014\u2018\u2019\u201c\u201d\u202f\u205f\u2060\u3000\ufeff]/;

/** The input without terminal control sequences, NUL bytes, odd blanks, invisible characters and typography. */
function cleanInput(input: string): string {
  if (!NEEDS_CLEANING.test(input)) return input;
  let clean = input;
  if (clean.includes('\u001b')) clean = clean.replace(TERMINAL_CONTROL, '');
  // eslint-disable-next-line no-control-regex
  if (clean.includes('\u0000')) clean = clean.replace(/\u0000/g, '');
  // A tab stands where the console had blanks (a tab-expanding editor undone, a copied table
  // cell); the kernel's own messages indent with spaces.
  if (clean.includes('\t')) clean = clean.replace(/\t/g, ' ');
  return clean
    .replace(INVISIBLE, '')
    .replace(ODD_BLANK, ' ')
    .replace(TYPOGRAPHIC, (char) => TYPOGRAPHY[char] ?? char);
}

function cleanLine(line: string): string {
  let clean = line;
  while (clean.endsWith('\r')) clean = clean.slice(0, -1);
  return clean;
}

// Widths terminals and consoles come in; two lines cut at one of them are enough to tell.
const TERMINAL_WIDTHS = new Set([80, 100, 120, 132, 160, 200]);

/**
 * The width of the terminal the log was copied from, when it shows: the longest line length,
 * reached by at least three lines (a wrapped or padded screen cuts many lines at one column), or
 * by two when it is a usual terminal width. 0 when no width shows.
 */
function screenWidth(lines: readonly string[]): number {
  let longest = 0;
  let count = 0;
  for (const line of lines) {
    if (line.length > longest) [longest, count] = [line.length, 1];
    else if (line.length === longest) count++;
  }
  return longest >= 80 && (count >= 3 || (count === 2 && TERMINAL_WIDTHS.has(longest))) ? longest : 0;
}

// printk kept at most 1024 bytes of a record (LOG_LINE_MAX in kernel/printk/printk.c, less its
// header), and so do syslog transports (RFC 3164); a longer line went on in a new one.
const RECORD_LIMIT = 900;

function isCut(line: string, width: number): boolean {
  return (width > 0 && line.length === width) || line.length >= RECORD_LIMIT;
}

// What a kernel line can start with: a bracket (a frame's `[<addr>]` or `[c0000…]`, a printk time),
// a frame (`? `, an indented `func+0x`), an exception
// context marker (`<IRQ>`), a labelled field (`RIP: `, `Call Trace:`, `x29: `, `pc : `), a rule,
// a lock list entry. A wrapped line's remainder is a piece of text from the middle
// of a message and starts with none of them (a cut frame's remainder, `wer_put+0x14c/0x160`, has
// no indentation).
const LINE_START = /^\s{1,16}[A-Za-z_][\w.]{0,80}\+0x[0-9a-f]|^\s{0,16}(?:\[|\? |<\/?[A-Z]{2,5}>|[A-Z][\w()/-]{0,24}(?: [\w()/-]{1,24}){0,3}:(?: |$)|[a-z][a-z0-9]{0,5} {0,2}: |-{3,}|={5,}|#\d{1,4}:|\d{1,4} locks? held)/;
const FRAME_OFFSET_START = /^\s{0,8}\+0x[0-9a-f]{1,16}(?:\/0x[0-9a-f]{1,16})?(?:\s|$)/;

// A word-wrapped paste has many lines a word short of its width; fewer than this many lines long
// enough to have been wrapped is no evidence.
const MIN_WRAPPED = 3;
const MIN_WORD_WRAP = 60;
const MAX_MOVED_WORD = 48;
// A stack or register dump's words (`ffff8801c5777940`): a dump line of its own, not a moved word.
const HEX_WORD_START = /^[0-9a-f]{8,16}(?:\s|$)/;
const MAX_WORD_WRAP = 200;
// A kernel message of its own starts as a sentence (`Write of size 1 at addr`, `The buggy address
// belongs to`, `Memory state around`): a capitalised word, then a lower-case one. A wrap moves the
// end of a message, which is rarely that.
const SENTENCE_START = /^[A-Z][a-z]+ [a-z]/;

/**
 * The width a paste was word-wrapped at, when it shows: the longest line is between 60 and 200
 * columns, at least three lines end within a word's length of it, and at least three lines are
 * followed by the word that did not fit. 0 otherwise.
 */
function wordWrapWidth(lines: readonly string[]): number {
  let longest = 0;
  for (const line of lines) if (line.length > longest) longest = line.length;
  if (longest < MIN_WORD_WRAP || longest > MAX_WORD_WRAP) return 0;
  let near = 0;
  for (const line of lines) if (line.length > longest - 16) near++;
  if (near < MIN_WRAPPED) return 0;
  // A log that was not wrapped can hold a long line followed by a short message (a sanitizer's
  // header, then `Read of size 8`) by chance, once or twice; a wrapped one does it on many lines.
  // After a line with a log prefix, a next line without one is evidence of its own: two will do.
  let wrapped = 0;
  let prefixed = 0;
  for (let index = 0; index + 1 < lines.length && wrapped < MIN_WRAPPED && prefixed < 2; index++) {
    const line = lines[index] ?? '';
    if (!isWordWrapped(line, lines[index + 1], longest)) continue;
    wrapped++;
    if (hasLogPrefix(line)) prefixed++;
  }
  return wrapped >= MIN_WRAPPED || prefixed >= 2 ? longest : 0;
}

/** Whether `next` holds the words a wrap at `width` took off the end of `line`. */
function isWordWrapped(line: string, next: string | undefined, width: number): boolean {
  // A word longer than this (a symbol with its offsets) would not have been moved; shorter lines are not wrapped.
  if (next === undefined || line.length <= width - MAX_MOVED_WORD) return false;
  // The wrap can fall inside a run of blanks (the taint column): the rest starts with blanks then.
  const rest = next.trimStart();
  if (rest === '' || HEX_WORD_START.test(rest) || hasLogPrefix(next) || LINE_START.test(next) || LINE_START.test(rest) || SENTENCE_START.test(rest)) return false;
  const word = rest.indexOf(' ');
  return line.trimEnd().length + 1 + (word < 0 ? rest.length : word) > width;
}

/** Only a line that starts with `+` or a blank can start with an offset. */
function mayStartWithOffset(line: string | undefined): boolean {
  const first = line === undefined ? 0 : line.charCodeAt(0);
  return first === 0x2b || first === 0x20;
}

/**
 * Whether `line` continues a line a terminal cut at its width. It carries no prefix of its own.
 * After a line with a log prefix, the remainder starts at the first column with what was cut
 * (`g80211 hid_…`), never with the indentation of a register or stack dump line; a remainder that
 * starts with a blank (the cut fell before a word) or follows a line without any prefix must
 * not look like the start of a kernel line.
 */
function isWrappedContinuation(line: string | undefined, prefixed: boolean): boolean {
  if (line === undefined || line.trim() === '' || hasLogPrefix(line)) return false;
  if (prefixed && /^\S/.test(line)) return true;
  return !LINE_START.test(line);
}

/**
 * A carriage return inside a line (a serial console capture: a message printed without a line
 * feed, a login prompt overwritten by the next message) ends what came before it; each piece is a
 * line of its own. Empty pieces are dropped.
 */
function carriageReturnPieces(line: string): string[] {
  const pieces = line.split('\r').filter((piece) => piece.trim() !== '');
  return pieces.length > 0 ? pieces : [''];
}

function splitRecords(line: string): string[] {
  if (line.length > 4000) return [line];
  const headers = headerCuts(line);
  const times = timestampCuts(line);
  // Most lines hold one message: nothing to cut.
  if (headers.length === 0 && times.length === 0) return [line];
  const cuts = times.filter((cut) => !headers.some((header) => cut >= header.start && cut <= header.end));
  for (const header of headers) cuts.push(header.start);
  if (cuts.length === 0) return [line];
  // A cut after nothing but indentation starts the line; it cuts nothing.
  const firstText = line.search(/\S/);
  const kept = [...new Set(cuts)].filter((cut) => cut > firstText).sort((a, b) => a - b);
  if (kept.length === 0) return [line];
  // Text before the first cut may be another writer's (`syzkaller login: `): kept as its own line.
  const parts: string[] = [];
  let from = 0;
  for (const cut of kept) {
    parts.push(line.slice(from, cut));
    from = cut;
  }
  parts.push(line.slice(from));
  return parts;
}

function timestampCuts(line: string): number[] {
  const cuts: number[] = [];
  if (!line.includes('.')) return cuts;
  // Each `[` after the first column is where a timestamp can start; one that holds one is passed
  // over whole, as a global search would.
  for (let at = line.indexOf('[', 1); at >= 0; ) {
    EMBEDDED_TIMESTAMP.lastIndex = at;
    if (EMBEDDED_TIMESTAMP.test(line)) {
      cuts.push(at);
      at = line.indexOf('[', EMBEDDED_TIMESTAMP.lastIndex);
    } else at = line.indexOf('[', at + 1);
  }
  return cuts;
}

// A syslog record header is at most this long: date, time, year, facility, a 255-byte host, tag.
const HEADER_REACH = 320;
const MAX_GLUED = 8;

/**
 * Record headers glued into the middle of a line (`…ums_sddrFri Jul  7 07:29:14 2017 kern.warn
 * kernel: [81118.939938]  nf_conntrack_snmp`): where each starts, and where its `kernel:` tag ends.
 * The next record begins at the header; the message it cut stays with the text before.
 */
function headerCuts(line: string): Array<{ start: number; end: number }> {
  const cuts: Array<{ start: number; end: number }> = [];
  // A handful of records glued on one line is what a logger leaves; more `kernel:` words than that
  // are text, and looking behind each would cost a window per word.
  let looks = 0;
  for (let at = line.indexOf('kernel:', 1); at > 0 && looks++ < MAX_GLUED; at = line.indexOf('kernel:', at + 7)) {
    const end = line[at + 7] === ' ' ? at + 8 : at + 7;
    const from = Math.max(0, at - HEADER_REACH);
    const header = trailingRecordHeader(line.slice(from, end));
    if (header >= 0 && from + header > 0) cuts.push({ start: from + header, end });
  }
  return cuts;
}
