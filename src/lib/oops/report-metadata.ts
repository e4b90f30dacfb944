import { moduleFlagMeaning, decodeTaint } from './taint.ts';
import type { LoadedModule, OopsReport } from './report-types.ts';

type Metadata = Pick<OopsReport, 'taint' | 'kernel' | 'hardware' | 'cpu' | 'pid' | 'comm' | 'modules'>;

// `CPU: 57 PID: 0 Comm: swapper/57 Tainted: G    B D    OE     5.8.0-33-generic #36-Ubuntu`
// `CPU: 1 UID: 0 PID: 21961 Comm: syz-executor4 Not tainted 6.10.0-rc4 #49`
const CPU_LINE = /^CPU: (\d+) (?:UID: \d+ )?PID: (-?\d+) Comm: (.{1,64}?) (?:Not tainted|Tainted: ([A-Z ]+?)) +(\d\S*)(?: #|$| )/;
const TAINTED_ONLY = /^\s*(?:Not tainted|Tainted: ([A-Z ]+?)) +(\d\S*)(?: #|$| )/;
const HARDWARE = /^Hardware name: (.+)$/;
const MODULES = /^Modules linked in:(.*)$/;
const MODULE = /^([A-Za-z0-9_-]+)(?:\(([A-Z+-]+)\))?$/;

/** Reads the CPU line, taint, hardware and loaded modules from a report's lines. */
export function readMetadata(lines: readonly string[]): Metadata {
  const metadata: Metadata = { modules: [] };
  let inModules = false;
  for (const line of lines) {
    if (inModules) {
      // The module list wraps onto lines that start with a space and hold only module names.
      if (/^ [A-Za-z0-9_]/.test(line) && /^[\sA-Za-z0-9_()+-]+$/.test(line) && !/^\s*(?:CPU|Hardware|RIP|Call)/.test(line)) {
        metadata.modules.push(...parseModules(line));
        continue;
      }
      inModules = false;
    }
    const modules = MODULES.exec(line);
    if (modules && metadata.modules.length === 0) {
      metadata.modules.push(...parseModules(modules[1] ?? ''));
      inModules = true;
      continue;
    }
    if (metadata.cpu === undefined) {
      const cpu = CPU_LINE.exec(line);
      if (cpu) {
        metadata.cpu = Number(cpu[1]);
        metadata.pid = Number(cpu[2]);
        metadata.comm = cpu[3] ?? '';
        metadata.taint = decodeTaint(cpu[4] ?? '');
        metadata.kernel = cpu[5] ?? '';
        continue;
      }
    }
    if (metadata.kernel === undefined) {
      const tainted = TAINTED_ONLY.exec(line);
      if (tainted) {
        metadata.taint = decodeTaint(tainted[1] ?? '');
        metadata.kernel = tainted[2] ?? '';
      }
    }
    if (metadata.hardware === undefined) {
      const hardware = HARDWARE.exec(line);
      if (hardware?.[1]) metadata.hardware = hardware[1].trim();
    }
  }
  return metadata;
}

function parseModules(list: string): LoadedModule[] {
  const modules: LoadedModule[] = [];
  for (const word of list.trim().split(/\s+/)) {
    const match = MODULE.exec(word);
    if (!match?.[1] || match[1] === 'last' || match[1] === 'unloaded:') continue;
    const flags = match[2] ?? '';
    modules.push({ name: match[1], flags, meanings: [...flags].map((flag) => moduleFlagMeaning[flag] ?? flag) });
  }
  return modules;
}

/** Module flags that make a module a suspect: out-of-tree, unsigned, proprietary, forced, staging. */
export function isSuspectModule(module: LoadedModule): boolean {
  return /[POEFC]/.test(module.flags);
}
