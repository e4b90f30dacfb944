import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';

/** Wall time and memory of a child process and everything it started. */
export interface ProcessMeasurement {
  wallMs: number;
  /** Highest sum of resident memory over the whole process tree, sampled every `sampleMs`. */
  peakTreeRssBytes: number;
  /**
   * CPU time (user + system) of the whole tree, from this process's `cutime` and `cstime` once the
   * child has been reaped (each process in the tree waited for its own children). Other work on the
   * machine stretches wall time far more than CPU time. Assumes no other child of this process
   * exits meanwhile.
   */
  cpuMs: number;
  exitCode: number | null;
}

const PAGE_SIZE = 4096;
/** Clock ticks per second of /proc's CPU times: proc(5) says to divide by sysconf(_SC_CLK_TCK). */
let ticksPerSecond: number | undefined;

/** Milliseconds in a tick of /proc's CPU times. */
function msPerTick(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  return 1000 / ticksPerSecond;
}

/**
 * The fields of `/proc/<pid>/stat` from the state on (field 3 of proc(5) is index 0), read after
 * the parenthesised name, which may hold blanks; undefined when the process is gone.
 */
function statFields(pid: number | 'self'): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

// Indices in statFields of utime and cutime, cstime (fields 14, 16 and 17 of proc(5); stime, 15, lies between).
const UTIME = 11;
const CUTIME = 13;
const CSTIME = 14;
const cpuTicks = (fields: readonly string[] | undefined, from: number, to: number) => (fields ?? []).slice(from, to + 1).reduce((sum, value) => sum + Number(value), 0);

/** CPU milliseconds of the children of this process that have exited and been waited for. */
export function childrenCpuMs(): number {
  // Asked first: getconf is a child too, and its time must fall before the reading.
  const scale = msPerTick();
  return cpuTicks(statFields('self'), CUTIME, CSTIME) * scale;
}

/** CPU milliseconds of this process and of its children that have exited and been waited for. */
export function selfAndChildrenCpuMs(): number {
  const scale = msPerTick();
  return cpuTicks(statFields('self'), UTIME, CSTIME) * scale;
}

/** Parent pid of every process, from `/proc/<pid>/stat` (the field after the parenthesised name). */
function parentsByPid(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    // A process that exited between listing and reading has no fields.
    const fields = statFields(Number(name));
    if (fields) parents.set(Number(name), Number(fields[1]));
  }
  return parents;
}

/** A process and all its descendants right now. */
export function processTree(root: number): Set<number> {
  const parents = parentsByPid();
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return tree;
}

/**
 * CPU milliseconds (user + system) a running process and its descendants have used so far: each
 * one's own time, and the time of the children it has already waited for (utime, stime, cutime
 * and cstime of proc(5)).
 */
export function treeCpuMs(root: number): number {
  let ticks = 0;
  // A process already gone has no fields, and adds nothing.
  for (const pid of processTree(root)) ticks += cpuTicks(statFields(pid), UTIME, CSTIME);
  return ticks * msPerTick();
}

/** Resident bytes of a process and all its descendants right now. */
export function treeRssBytes(root: number): number {
  const tree = processTree(root);
  let total = 0;
  for (const pid of tree) {
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
    } catch {
      // Gone already.
    }
  }
  return total;
}

/**
 * Runs a command to completion, logging its output to `logFile`, and samples the resident memory
 * of its process tree (npx → node → pagefind …) from /proc; Linux only.
 */
export function measureProcess(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; sampleMs?: number }): Promise<ProcessMeasurement> {
  const started = performance.now();
  const cpuBefore = childrenCpuMs();
  const log = createWriteStream(options.logFile);
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let peak = 0;
  const sample = () => {
    if (child.pid !== undefined) peak = Math.max(peak, treeRssBytes(child.pid));
  };
  const timer = setInterval(sample, options.sampleMs ?? 100);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearInterval(timer);
      log.end();
      resolve({ wallMs: performance.now() - started, peakTreeRssBytes: peak, cpuMs: childrenCpuMs() - cpuBefore, exitCode });
    });
  });
}
