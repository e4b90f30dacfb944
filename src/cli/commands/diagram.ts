import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ExplorationResult } from '../../lib/diagrams/explore-race.ts';
import { generateDiagram } from '../../lib/diagrams/generate-diagram.ts';
import { validateDiagramSpec } from '../../lib/diagrams/validate-diagram-spec.ts';
import { formatProblem } from '../../lib/content/problem.ts';
import type { CliCommand } from '../cli-command.ts';

const USAGE = `Usage: oopsbook diagram SPEC.yaml [--json]

Validates a diagram spec and prints its Mermaid source. For a race spec it also prints the
shortest interleaving that breaks the invariant, and the verdict on the fixed variant.
--json prints {"mermaid", "violation": {"steps": [{"actor", "step"}]} | null, "statesExplored",
"fixed": {"violation", "statesExplored"} | null}; steps count from 1.`;

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
