import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { processWide } from '../process-wide.ts';
import { lastUpdatedDates } from './last-updated.ts';

interface Remembered {
  /** The repository's git folder, or null when the folder is not in one. */
  gitDir: string | null;
  /** Modification time and size of the git folder's `logs/HEAD` when the dates were read. */
  stamp: string | undefined;
  dates: Map<string, string>;
}

/**
 * The repository's HEAD reflog grows with every commit, amend, reset, checkout and pull: whatever
 * can change a file's last commit date. Undefined when there is none (reflogs switched off), and
 * then the dates are read again every time.
 */
function headLogStamp(gitDir: string): string | undefined {
  const stat = statSync(path.join(gitDir, 'logs', 'HEAD'), { throwIfNoEntry: false });
  return stat ? `${stat.mtimeMs}:${stat.size}` : undefined;
}

function gitDirOf(folder: string): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--absolute-git-dir'], { cwd: folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}

/**
 * `lastUpdatedDates(folder)`, walked again only once the repository has a new HEAD. The development
 * server loads the page modules again after every saved content file, and a save is no commit:
 * without this, every first page after a save would wait for a `git log` over the content's whole
 * history. Kept on `globalThis`, which outlives those modules.
 */
export function lastUpdatedDatesMemo(folder: string): Map<string, string> {
  const memo = processWide('last-updated-dates', () => new Map<string, Remembered>());
  const known = memo.get(folder);
  if (known && known.gitDir === null) return known.dates;
  const gitDir = known ? known.gitDir : gitDirOf(folder);
  if (gitDir === null) {
    const dates = new Map<string, string>();
    memo.set(folder, { gitDir, stamp: undefined, dates });
    return dates;
  }
  const stamp = headLogStamp(gitDir);
  if (known && stamp !== undefined && known.stamp === stamp) return known.dates;
  const dates = lastUpdatedDates(folder);
  memo.set(folder, { gitDir, stamp, dates });
  return dates;
}
