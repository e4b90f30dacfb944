import { linkSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a file that must not exist yet, all or nothing: the text goes to a temporary file in the
 * same folder, which is then hard-linked into place. The link fails if the target exists, so an
 * author's file is never overwritten, and a reader never sees half a file.
 */
export function writeNewFile(target: string, text: string): void {
  mkdirSync(path.dirname(target), { recursive: true });
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  writeFileSync(temporary, text, { flag: 'wx' });
  try {
    linkSync(temporary, target);
  } finally {
    unlinkSync(temporary);
  }
}
