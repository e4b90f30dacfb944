import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Last commit date of every file under a folder, from one `git log` walk (not one process per
 * file: a content tree can hold thousands of cases). Files git does not know are absent.
 */
export function lastUpdatedDates(folder: string): Map<string, string> {
  const dates = new Map<string, string>();
  let output: string;
  try {
    output = execFileSync('git', ['log', '--format=@%cs', '--name-only', '--relative', '--', '.'], {
      cwd: folder,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return dates;
  }
  let current = '';
  for (const line of output.split('\n')) {
    if (line.startsWith('@')) current = line.slice(1);
    else if (line !== '' && !dates.has(path.join(folder, line))) dates.set(path.join(folder, line), current);
  }
  return dates;
}
