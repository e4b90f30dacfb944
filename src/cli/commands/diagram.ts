import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GeneratedFrom } from '../../schemas/diagram.ts';
import { sequenceFromLog } from '../../lib/diagrams/evidence/sequence-from-log.ts';
import { sequenceSpecYaml } from '../../lib/diagrams/evidence/sequence-spec-yaml.ts';
import type { ExplorationResult } from '../../lib/diagrams/explore-race.ts';
import { generateDiagram } from '../../lib/diagrams/generate-diagram.ts';
import { validateDiagramSpec } from '../../lib/diagrams/validate-diagram-spec.ts';
import { formatProblem } from '../../lib/content/problem.ts';
import type { CliCommand, CliIo } from '../cli-command.ts';
import { writeNewFile } from '../write-new-file.ts';

const USAGE = `Usage: oopsbook diagram SPEC.yaml [--json]
       oopsbook diagram --from LOG [--out diagrams/ID.yaml] [--follow VALUE]... [--by cpu|task] [--last N]

Validates a diagram spec and prints its Mermaid source. For a race spec it also prints the
shortest interleaving that breaks the invariant, and the verdict on the fixed variant.
--json prints {"mermaid", "violation": {"steps": [{"actor", "step"}]} | null, "statesExplored",
"fixed": {"violation", "statesExplored"} | null}; steps count from 1.

--from draws a sequence spec from the evidence in a log: the first KASAN, KFENCE, KCSAN or
lockdep report in it, else its ftrace lines (one lane per CPU, or per task with --by task).
--follow keeps only the trace events that mention a value (hex in any case, or as written);
--last keeps the last N events (40 by default). The spec is printed, or with --out written to a
new file (an existing file is never overwritten).`;

/** The options of `diagram --from`, or the usage problem. */
interface FromOptions {
  from: string;
  out?: string;
  follow: string[];
  by?: 'cpu' | 'task';
  last?: number;
}

function readFromOptions(args: readonly string[]): FromOptions | string {
  const options: FromOptions = { from: '', follow: [] };
  for (let index = 0; index < args.length; index++) {
    const flag = args[index]!;
    const value = args[index + 1];
    if (!['--from', '--out', '--follow', '--by', '--last'].includes(flag)) return `unknown argument "${flag}"`;
    if (value === undefined || value.startsWith('--')) return `${flag} needs a value`;
    index++;
    if (flag === '--from') options.from = value;
    else if (flag === '--out') options.out = value;
    else if (flag === '--follow') options.follow.push(value);
    else if (flag === '--by') {
      if (value !== 'cpu' && value !== 'task') return `--by is cpu or task, not "${value}"`;
      options.by = value;
    } else if (flag === '--last') {
      if (!/^[1-9]\d{0,5}$/.test(value)) return `--last needs a positive whole number, not "${value}"`;
      options.last = Number(value);
    }
  }
  return options.from ? options : '--from needs a log file';
}

// A log with NUL bytes is a binary capture (a trace.dat, a core file), not text output.
const BINARY = /\0/;

async function drawFromLog(args: readonly string[], io: CliIo): Promise<number> {
  const options = readFromOptions(args);
  if (typeof options === 'string') {
    io.stderr.write(`oopsbook diagram: ${options}\n${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(options.from, 'utf8');
  } catch (error) {
    io.stderr.write(`oopsbook diagram: cannot read ${options.from}: ${(error as Error).message}\n`);
    return 2;
  }
  if (BINARY.test(text)) {
    const line = text.slice(0, text.indexOf('\0')).split('\n').length;
    io.stderr.write(`${options.from}:${line}: a NUL byte: this is a binary file; for trace-cmd's trace.dat, give the text of \`trace-cmd report\`\n`);
    return 1;
  }
  const drawn = sequenceFromLog(text, { follow: options.follow, ...(options.by ? { by: options.by } : {}), ...(options.last ? { last: options.last } : {}) });
  if (!drawn.ok) {
    io.stderr.write(`${options.from}:${drawn.line}: ${drawn.message}\n`);
    return 1;
  }
  // The log is named relative to the spec's folder, so the pair can move together.
  const log = options.out ? path.relative(path.dirname(path.resolve(options.out)), path.resolve(options.from)) : options.from;
  const generatedFrom: GeneratedFrom = {
    log: log.split(path.sep).join('/'),
    ...(options.follow.length > 0 ? { follow: options.follow } : {}),
    ...(options.by ? { by: options.by } : {}),
    ...(options.last ? { last: options.last } : {}),
  };
  const yaml = sequenceSpecYaml(drawn.spec, generatedFrom);
  if (!options.out) {
    io.stdout.write(yaml);
    return 0;
  }
  const id = path.basename(options.out).replace(/\.yaml$/, '');
  const { problems } = validateDiagramSpec({ id, displayPath: options.out, source: yaml });
  if (problems.length > 0) {
    for (const problem of problems) io.stderr.write(`${formatProblem(problem)}\n`);
    return 1;
  }
  try {
    writeNewFile(options.out, yaml);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr.write(`oopsbook diagram: ${code === 'EEXIST' ? `${options.out} exists already; not overwritten` : `cannot write ${options.out}: ${(error as Error).message}`}\n`);
    return 1;
  }
  io.stdout.write(`wrote ${options.out} (${drawn.spec.actors.length} lanes, ${drawn.spec.events.length} events)\n`);
  return 0;
}

/** The JSON shape of one variant's verdict. */
function verdict(result: ExplorationResult) {
  return {
    violation: result.violation ? { steps: result.violation.steps.map((step) => ({ actor: step.actor, step: step.step + 1, label: step.label, code: step.code })) } : null,
    statesExplored: result.statesExplored,
    complete: result.complete,
  };
}

function describeResult(result: ExplorationResult, invariant: string): string[] {
  if (!result.violation) {
    const scope = result.complete ? 'no interleaving breaks' : 'no interleaving found within the state bound breaks';
    return [`${scope} the invariant (${result.statesExplored} states explored)`];
  }
  const lines = [`the invariant "${invariant}" breaks after ${result.violation.steps.length} steps (${result.statesExplored} states explored):`];
  result.violation.steps.forEach((step, index) => {
    const changed = step.changed.length > 0 ? `  → ${step.changed.map((change) => `${change.name} = ${change.value}`).join(', ')}` : '';
    lines.push(`  ${String(index + 1).padStart(2)}. ${step.actor} step ${step.step + 1}: ${step.code}${changed}`);
  });
  return lines;
}

export const diagramCommand: CliCommand = {
  summary: 'print a diagram spec as Mermaid; for races, the interleaving that breaks it',
  usage: USAGE,
  async run(args, io) {
    if (args.includes('--from')) return drawFromLog(args, io);
    const json = args.includes('--json');
    const files = args.filter((arg) => arg !== '--json');
    if (files.length !== 1 || files[0]!.startsWith('-')) {
      io.stderr.write(`${USAGE}\n`);
      return 2;
    }
    const file = files[0]!;
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (error) {
      io.stderr.write(`oopsbook diagram: cannot read ${file}: ${(error as Error).message}\n`);
      return 2;
    }
    const { spec, problems } = validateDiagramSpec({ id: path.basename(file).replace(/\.yaml$/, ''), displayPath: file, source });
    if (!spec) {
      for (const problem of problems) io.stderr.write(`${formatProblem(problem)}\n`);
      return 1;
    }
    const generated = generateDiagram(spec.spec);
    const race = generated.race;
    if (json) {
      const bug = race ? verdict(race.bug) : null;
      const output = {
        mermaid: generated.mermaid,
        violation: bug?.violation ?? null,
        statesExplored: bug?.statesExplored ?? null,
        fixed: race?.fixed ? verdict(race.fixed) : null,
      };
      io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
      return 0;
    }
    io.stdout.write(generated.mermaid);
    if (race && spec.spec.kind === 'race') {
      const invariant = spec.spec.invariant.holds;
      io.stdout.write(`\n%% ${describeResult(race.bug, invariant).join('\n%% ')}\n`);
      if (race.fixed) io.stdout.write(`%% fixed variant: ${describeResult(race.fixed, invariant).join('\n%% ')}\n`);
    }
    return 0;
  },
};
