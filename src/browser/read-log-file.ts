/**
 * The largest log the triage page reads from a file, picked or dropped: 64 MB, a few seconds of
 * parsing in the worker at the parser's 20 MB/s and more than a long-running machine's whole
 * console log. A bigger file is almost always a vmcore or an archive, not a log.
 */
export const MAX_LOG_BYTES = 64 * 1024 * 1024;

/** Bytes read to tell text from a binary file. */
const SNIFF_BYTES = 64 * 1024;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Reads a log from a file the reader picked or dropped, or says plainly why not: too large, or
 * not text (a NUL byte in its first 64 KB; a gzip or xz file is named as such, to be unpacked
 * first). Text is decoded as UTF-8, invalid bytes replaced, as consoles print stray bytes.
 */
export async function readLogFile(file: File): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  if (file.size > MAX_LOG_BYTES) {
    return { ok: false, error: `${file.name} is ${megabytes(file.size)}; the triage page reads logs of up to ${megabytes(MAX_LOG_BYTES)}. Cut the log around the crash first.` };
  }
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  if (head[0] === 0x1f && head[1] === 0x8b) return { ok: false, error: `${file.name} is gzip-compressed; unpack it (gunzip) and drop the log itself.` };
  if (head[0] === 0xfd && head[1] === 0x37 && head[2] === 0x7a && head[3] === 0x58) return { ok: false, error: `${file.name} is xz-compressed; unpack it (unxz) and drop the log itself.` };
  if (head.includes(0)) return { ok: false, error: `${file.name} is not a text file (it holds binary data); triage reads kernel logs as text.` };
  return { ok: true, text: await file.text() };
}
