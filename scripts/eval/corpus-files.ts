import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One file of a corpus folder, already read and decoded. */
export interface CorpusFile {
  name: string;
  source: string;
}

// Some logs are not valid UTF-8; decode leniently, as a console would show them.
const decoder = new TextDecoder('utf-8', { fatal: false });

/** Decodes a file's bytes leniently. */
export function readCorpusText(file: string): string {
  return decoder.decode(readFileSync(file));
}

/**
 * Every visible file of a corpus folder, in natural order (`2.txt` before `10.txt`), decoded.
 * `keep` selects by name; subfolders are never read.
 */
export function readCorpusDir(dir: string, keep: (name: string) => boolean = () => true): CorpusFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && keep(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((name) => ({ name, source: readCorpusText(path.join(dir, name)) }));
}
