import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { editCaseFile } from './edit-case-file.ts';
import { treeCpuMs } from './measure-process.ts';

/** How a development server is started and where its case pages and files are. */
export interface DevServerSpec {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Everything the server prints goes here. */
  logFile: string;
  /** URL path of a case's page, e.g. `/cases/<id>/`. */
  pagePath: (caseId: string) => string;
  /** The Markdown file a case's page is rendered from. */
  caseFile: (caseId: string) => string;
}

/** When a poll counts, how often it runs, how long to wait. */
export interface DevPolling {
  /** Pause between the end of one request and the start of the next. */
  intervalMs: number;
  /** Quiet time after a page has been served before a file is edited. */
  settleMs: number;
  /** Give up on one page or one edit after this long. */
  timeoutMs: number;
}

/** One edit: how long from the write to the first response showing it. */
export interface DevEditTiming {
  caseId: string;
  ms: number;
  /** CPU time the server's process tree used meanwhile (answering the polls included). */
  cpuMs: number;
  /** Requests answered before the one that showed the edit. */
  stalePolls: number;
}

export interface DevServerRun {
  /** Spawn to the server printing its address. */
  addressMs: number;
  /** Spawn to the first 200 response with a whole HTML document for the first case page. */
  firstPageMs: number;
  /**
   * CPU time (user + system) the server's process tree had used by then: on a shared machine wall
   * time stretches with the load of the moment, CPU time far less.
   */
  firstPageCpuMs: number;
  edits: DevEditTiming[];
}

const ADDRESS = /(http:\/\/(?:localhost|127\.0\.0\.1|\[::1\]):\d+)/;

/** A 200 response that is a whole HTML document, and its text; anything else is undefined. */
async function fetchPage(url: string, timeoutMs: number): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'text/html' } });
    const text = await response.text();
    return response.status === 200 && /<\/html>\s*$/i.test(text) ? text : undefined;
  } catch {
    // Not listening yet, or the request was cut: the next poll tries again.
    return undefined;
  }
}

/** Polls until a served page passes `accept`; resolves with the number of responses refused first. */
async function pollUntil(url: string, accept: (html: string) => boolean, polling: DevPolling, what: string): Promise<number> {
  const deadline = performance.now() + polling.timeoutMs;
  let refused = 0;
  for (;;) {
    const html = await fetchPage(url, polling.timeoutMs);
    if (html !== undefined && accept(html)) return refused;
    refused++;
    if (performance.now() > deadline) throw new Error(`${what}: ${url} not served within ${polling.timeoutMs} ms`);
    await sleep(polling.intervalMs);
  }
}

/** Sends `signal` to process group `pid`; false when the group is gone. */
function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Ends the server's whole process group (npx → node → workers), SIGTERM first and SIGKILL if it
 * is still there after `graceMs`, and resolves once the spawned process has exited.
 */
function stopGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const kill = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      // Anything of the group that outlived its leader goes too.
      signalGroup(pid, 'SIGKILL');
      resolve();
    });
    if (!signalGroup(pid, 'SIGTERM')) resolve();
  });
}

/**
 * Starts a development server in a process group of its own, times the first case page, then
 * edits each of `editCases` in turn (each page served once and left to settle first) and times
 * until the served page shows the edit. The server is stopped before this resolves or rejects,
 * and on this process's exit.
 */
export async function measureDevServer(spec: DevServerSpec, firstCase: string, editCases: readonly string[], polling: DevPolling, tokenPrefix: string): Promise<DevServerRun> {
  const log = createWriteStream(spec.logFile);
  const started = performance.now();
  const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const killOnExit = () => {
    if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
  };
  process.once('exit', killOnExit);
  try {
    const address = await new Promise<{ url: string; ms: number }>((resolve, reject) => {
      let printed = '';
      const timer = setTimeout(() => reject(new Error(`${spec.command} ${spec.args.join(' ')} printed no address within ${polling.timeoutMs} ms; see ${spec.logFile}`)), polling.timeoutMs);
      const read = (chunk: Buffer) => {
        log.write(chunk);
        printed += chunk.toString().replace(/\u001b\[[0-9;]*m/g, '');
        const found = ADDRESS.exec(printed)?.[1];
        if (found) {
          clearTimeout(timer);
          resolve({ url: found, ms: performance.now() - started });
        }
      };
      child.stdout?.on('data', read);
      child.stderr?.on('data', read);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${spec.command} ${spec.args.join(' ')} exited with ${code} before serving; see ${spec.logFile}`));
      });
    });
    await pollUntil(`${address.url}${spec.pagePath(firstCase)}`, () => true, polling, 'first case page');
    const firstPageMs = performance.now() - started;
    const cpuNow = () => (child.pid === undefined ? Number.NaN : treeCpuMs(child.pid));
    const firstPageCpuMs = cpuNow();

    const edits: DevEditTiming[] = [];
    for (const [index, caseId] of editCases.entries()) {
      const url = `${address.url}${spec.pagePath(caseId)}`;
      // The author has the page open: it is served once, and the server left alone, before the save.
      await pollUntil(url, () => true, polling, `case page before edit ${index + 1}`);
      await sleep(polling.settleMs);
      const cpuBefore = cpuNow();
      const saved = performance.now();
      const edit = editCaseFile(spec.caseFile(caseId), `${tokenPrefix}${index + 1}`);
      const stalePolls = await pollUntil(url, (html) => html.includes(edit.title) && html.includes(edit.sentence), polling, `edit ${index + 1} of ${caseId}`);
      const ms = performance.now() - saved;
      edits.push({ caseId, ms, cpuMs: cpuNow() - cpuBefore, stalePolls });
    }
    return { addressMs: address.ms, firstPageMs, firstPageCpuMs, edits };
  } finally {
    await stopGroup(child);
    process.off('exit', killOnExit);
    log.end();
  }
}
