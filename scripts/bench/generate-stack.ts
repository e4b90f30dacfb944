import type { CrashKind } from './crash-kinds.ts';
import type { SeededRandom } from './seeded-random.ts';
import { commands, entryFrames, hardwareNames, loadedModules, staleFrames, type CallPath, type EntryKind } from './symbol-vocabulary.ts';

/** A machine a synthetic crash happened on. */
export interface SyntheticHost {
  release: string;
  build: string;
  hardware: string;
  /** Out-of-tree modules loaded, which taint the kernel with `OE`. */
  outOfTree: string[];
  /** How each log line is prefixed, as dmesg, journalctl or a serial console prints it. */
  prefix: 'dmesg' | 'journal' | 'none';
  hostname: string;
}

/** One generated crash report. */
export interface GeneratedStack {
  log: string;
  /** The blamed frame, e.g. `mlx5e_poll_rx_cq+0x3c/0x5b0 [mlx5_core]`. */
  site: string;
  /** Its function name. */
  func: string;
  /** The first header line, the one a symptom pattern matches. */
  headline: string;
  /** Every function of the trace, top first (stale `?` frames excluded). */
  functions: string[];
  entry: EntryKind;
  comm: string;
}

const MARKER = /^<\/?[A-Z]+>$/;

/** A stable function size per name, so one function keeps its `/0x…` across cases like in a real build. */
export function functionSize(name: string): number {
  let hash = 2166136261;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 16777619) >>> 0;
  return 0x40 + (hash % 0x1000);
}

function frameText(func: string, random: SeededRandom, module: string | undefined): string {
  const size = functionSize(func);
  const offset = random.int(1, size - 1);
  return `${func}+0x${offset.toString(16)}/0x${size.toString(16)}${module ? ` [${module}]` : ''}`;
}

/** Picks one function per level of a path, dropping a few top levels so crash sites vary. */
function pickPathFunctions(path: CallPath, random: SeededRandom): string[] {
  const skip = random.int(0, Math.min(2, path.levels.length - 3));
  const picked: string[] = [];
  for (const level of path.levels.slice(skip)) {
    const func = random.pick(level);
    if (picked[picked.length - 1] !== func) picked.push(func);
  }
  return picked;
}

function registerLines(random: SeededRandom): string[] {
  const reg = () => random.pick(['0000000000000000', `ffff${random.hex(12)}`, `00000000${random.hex(8)}`, 'dead000000000100']);
  return [
    `RSP: 0018:ffffa${random.hex(11)} EFLAGS: 000${random.pick(['10246', '10282', '10206', '00246'])}`,
    `RAX: ${reg()} RBX: ${reg()} RCX: ${reg()}`,
    `RDX: ${reg()} RSI: ${reg()} RDI: ${reg()}`,
    `RBP: ${reg()} R08: ${reg()} R09: ${reg()}`,
    `R10: ${reg()} R11: ${reg()} R12: ${reg()}`,
    `R13: ${reg()} R14: ${reg()} R15: ${reg()}`,
    `FS:  ${reg()}(0000) GS:ffff${random.hex(12)}(0000) knlGS:0000000000000000`,
    'CS:  0010 DS: 0000 ES: 0000 CR0: 0000000080050033',
    `CR2: ${reg()} CR3: 0000000${random.hex(9)} CR4: 00000000007706e0`,
  ];
}

function codeLine(random: SeededRandom): string {
  const bytes = Array.from({ length: 64 }, () => random.hex(2));
  bytes[42] = `<${bytes[42]}>`;
  return `Code: ${bytes.join(' ')}`;
}

function modulesLine(random: SeededRandom, host: SyntheticHost, module: string | undefined): string {
  const names = random.sample(loadedModules, random.int(12, 40));
  if (module && !names.includes(module)) names.splice(random.int(0, names.length), 0, module);
  const marked = names.map((name) => (host.outOfTree.includes(name) ? `${name}(OE)` : name));
  return `Modules linked in: ${marked.join(' ')}`;
}

function taintText(host: SyntheticHost, random: SeededRandom): string {
  const bad = random.chance(0.15);
  const warned = random.chance(0.25);
  const outOfTree = host.outOfTree.length > 0;
  if (!bad && !warned && !outOfTree) return 'Not tainted';
  // Fixed columns, as print_tainted() lays them out: G/P, then B, W, then O and E.
  return `Tainted: G    ${bad ? 'B' : ' '}   ${warned ? 'W' : ' '}  ${outOfTree ? 'OE' : '  '}`;
}

/** Prefixes every line the way the chosen log source does, with increasing timestamps. */
function prefixLines(lines: string[], host: SyntheticHost, random: SeededRandom): string[] {
  let seconds = random.int(60, 9_000_000) / 10;
  const month = random.pick(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
  const clock = `${String(random.int(0, 23)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`;
  const day = String(random.int(1, 28)).padStart(2, ' ');
  return lines.map((line) => {
    seconds += random.int(0, 40) / 1_000_000;
    if (host.prefix === 'dmesg') return `[${seconds.toFixed(6).padStart(13, ' ')}] ${line}`.trimEnd();
    if (host.prefix === 'journal') return `${month} ${day} ${clock} ${host.hostname} kernel: ${line}`.trimEnd();
    return line.trimEnd();
  });
}

/** Generates one realistic crash report of `kind` through `path`, 8–30 frames deep. */
export function generateStack(random: SeededRandom, path: CallPath, kind: CrashKind, host: SyntheticHost): GeneratedStack {
  const entry = random.pick(path.entries);
  const module = path.module;
  const inModule = (func: string) => (module?.prefixes.some((prefix) => func.startsWith(prefix)) ? module.name : undefined);
  const pathFunctions = pickPathFunctions(path, random);
  const entryFunctions = entryFrames[entry].map((level) => random.pick(level));
  const depth = random.int(8, 30);

  // Drop top path frames when the entry path already fills the budget, keeping at least three.
  const room = depth - kind.reportFrames.length - entryFunctions.filter((name) => !MARKER.test(name)).length;
  const kept = pathFunctions.slice(Math.max(0, Math.min(pathFunctions.length - 3, pathFunctions.length - room)));
  const func = kept[0] ?? pathFunctions[0] ?? 'unknown_function';
  const site = frameText(func, random, inModule(func));
  const source = random.pick(path.sources);
  const cpu = random.int(0, 95);
  // The idle task is named after its CPU.
  const comm = entry === 'softirq-idle' ? `swapper/${cpu}` : random.pick(commands[entry]);
  const pid = entry === 'softirq-idle' ? 0 : random.int(2, 2_000_000);

  // Printed frames, top first: markers, real frames, and `?` stale return addresses the unwinder
  // cannot vouch for, added until the trace is at least `depth` (8–30) frames deep.
  const trace = [...kind.reportFrames, ...kept, ...entryFunctions];
  const printed: Array<{ name: string; stale: boolean }> = trace.map((name) => ({ name, stale: false }));
  let count = trace.filter((name) => !MARKER.test(name)).length;
  // Never next to an `<IRQ>`/`</IRQ>` marker: the unwinder prints stale entries inside a section.
  const besideMarker = (i: number) => MARKER.test(printed[i]?.name ?? '') || MARKER.test(printed[i - 1]?.name ?? '');
  for (let i = 1; i < printed.length && count < depth; i++) {
    if (!besideMarker(i) && random.chance(0.25)) {
      printed.splice(i, 0, { name: random.pick(staleFrames), stale: true });
      count++;
      i++;
    }
  }
  while (count < Math.max(8, Math.min(depth, 12))) {
    let at = random.int(1, Math.max(1, printed.length - 1));
    while (at > 1 && besideMarker(at)) at--;
    printed.splice(at, 0, { name: random.pick(staleFrames), stale: true });
    count++;
  }
  const opening = entry === 'softirq-idle' ? '<IRQ>' : '<TASK>';
  const frames = [` ${opening}`];
  for (const { name, stale } of printed) {
    if (MARKER.test(name)) frames.push(` ${name}`);
    else frames.push(` ${stale ? '? ' : ''}${frameText(name, random, stale ? undefined : inModule(name))}`);
  }
  if (entry !== 'softirq-idle') frames.push(' </TASK>');
  const functions = trace.filter((name) => !MARKER.test(name));

  const headerLines = kind.header({ site, func, source, comm, pid, cpu, random });
  const warningStyle = headerLines.some((line) => line.startsWith('WARNING: CPU:'));
  const lines: string[] = [...headerLines];
  if (warningStyle) lines.push(modulesLine(random, host, module?.name));
  if (kind.id !== 'hung-task') {
    lines.push(`CPU: ${cpu} PID: ${pid} Comm: ${comm} ${taintText(host, random)} ${host.release} ${host.build}`);
    lines.push(`Hardware name: ${host.hardware}`);
  }
  if (kind.registers) {
    lines.push(`RIP: 0010:${site}`, codeLine(random), ...registerLines(random));
  }
  lines.push('Call Trace:', ...frames);
  if (!warningStyle) lines.push(modulesLine(random, host, module?.name));
  if (kind.registers) lines.push(`---[ end trace ${random.hex(16)} ]---`);

  return {
    log: `${prefixLines(lines, host, random).join('\n')}\n`,
    site,
    func,
    headline: headerLines.find((line) => !line.startsWith('---') && !line.startsWith('===') && line !== '') ?? headerLines[0] ?? '',
    functions,
    entry,
    comm,
  };
}

/** A host for a case: kernel, hardware and how its logs were captured. */
export function generateHost(random: SeededRandom, release: { release: string; build: string }, outOfTree: string[]): SyntheticHost {
  return {
    release: release.release,
    build: release.build,
    hardware: random.pick(hardwareNames),
    outOfTree,
    prefix: random.pick(['dmesg', 'dmesg', 'dmesg', 'journal', 'none'] as const),
    hostname: `${random.pick(['node', 'db', 'web', 'ceph', 'kvm', 'edge', 'build'])}-${random.int(1, 64)}`,
  };
}
