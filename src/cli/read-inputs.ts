import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/** Reads `-` as standard input and anything else as a file, as bytes decoded leniently. */
export async function readInput(name: string, stdin: Readable): Promise<string> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  if (name === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return decoder.decode(Buffer.concat(chunks));
  }
  return decoder.decode(await readFile(name));
}
