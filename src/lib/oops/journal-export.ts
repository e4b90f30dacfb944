/*
 * The journal's structured output modes (journalctl(1) `--output`): `json`, one object a line;
 * `json-seq`, each object after an ASCII record separator; `json-sse`, each after `data: `; and
 * `json-pretty`, one field a line (`        "MESSAGE" : "…",`) between `{` and `}`. The message
 * is the MESSAGE field, JSON-escaped, or an array of bytes when it was not valid UTF-8
 * (systemd.journal-fields(7)). Each record becomes its message on the line that carried it; the
 * other fields' lines are not log lines. A record from another program keeps its identifier in
 * front (`openvpn: …`), as a syslog line keeps its tag, so it never reads as a kernel message.
 */

/** The log as its messages: `lines` has one entry per input line, `notLog` the lines to leave out. */
export interface JournalMessages {
  lines: string[];
  notLog: Set<number>;
}

const RECORD_LEAD = /^(?:\u001e|data: )?(?=\{)/;
const PRETTY_FIELD = /^\s{1,16}"([A-Z0-9_]{1,64})" : (.*?),?\s*$/;
const PRETTY_BRACE = /^\s*[{}]\s*$/;
// Fields every journal record carries, which no kernel message spells this way.
const JOURNAL_FIELD = /"(?:__CURSOR|__REALTIME_TIMESTAMP|__MONOTONIC_TIMESTAMP|_BOOT_ID|_TRANSPORT)" ?: ?"/;

function messageText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((byte) => typeof byte === 'number')) return new TextDecoder().decode(Uint8Array.from(value as number[]));
  return undefined;
}

function withIdentifier(message: string, identifier: unknown): string {
  return typeof identifier === 'string' && identifier !== 'kernel' ? `${identifier}: ${message}` : message;
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The messages of a journal export, or undefined when the log holds none. */
export function journalMessages(input: string, lines: readonly string[]): JournalMessages | undefined {
  if (!input.includes('"MESSAGE"') || !JOURNAL_FIELD.test(input)) return undefined;
  const out = [...lines];
  const notLog = new Set<number>();
  let found = false;
  // One record an input line.
  for (const [index, line] of lines.entries()) {
    const lead = RECORD_LEAD.exec(line);
    if (!lead || !line.includes('"MESSAGE"') || !line.trimEnd().endsWith('}')) continue;
    const record = parseValue(line.slice(lead[0].length));
    if (record === null || typeof record !== 'object') continue;
    const fields = record as Record<string, unknown>;
    const message = messageText(fields.MESSAGE);
    if (message === undefined) continue;
    out[index] = withIdentifier(message, fields.SYSLOG_IDENTIFIER);
    found = true;
  }
  // One field an input line, a record between braces.
  let recordStart = -1;
  let messageAt = -1;
  let message: string | undefined;
  let identifier: unknown;
  for (const [index, line] of lines.entries()) {
    if (PRETTY_BRACE.test(line)) {
      if (line.trim() === '{') [recordStart, messageAt, message, identifier] = [index, -1, undefined, undefined];
      else if (recordStart >= 0) {
        if (message !== undefined && messageAt >= 0) {
          for (let at = recordStart; at <= index; at++) notLog.add(at);
          notLog.delete(messageAt);
          out[messageAt] = withIdentifier(message, identifier);
          found = true;
        }
        recordStart = -1;
      }
      continue;
    }
    const field = recordStart >= 0 ? PRETTY_FIELD.exec(line) : null;
    if (!field) {
      recordStart = -1;
      continue;
    }
    if (field[1] === 'MESSAGE') [messageAt, message] = [index, messageText(parseValue(field[2] ?? ''))];
    else if (field[1] === 'SYSLOG_IDENTIFIER') identifier = parseValue(field[2] ?? '');
  }
  for (const index of notLog) out[index] = '';
  return found ? { lines: out, notLog } : undefined;
}
