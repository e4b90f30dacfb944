import type { RaceSpec } from '../../schemas/diagram.ts';
import type { RaceAnalysis } from './analyze-race.ts';
import { showValue } from './explore-race.ts';
import { mermaidId, mermaidText } from './mermaid-text.ts';
import { WINDOW_FILL } from './sequence-to-mermaid.ts';

const STATE_LANE = 'shared_state';

/**
 * Mermaid `sequenceDiagram` of the schedule the explorer found: each step an arrow from its actor
 * to the shared-state lane, with the values it changed; the step that breaks the invariant sits in
 * a red window with the rule it broke. The shared-state lane stands between the actors.
 */
export function raceToMermaid(spec: RaceSpec, analysis: RaceAnalysis): string {
  const lines = ['sequenceDiagram'];
  const middle = Math.ceil(spec.actors.length / 2);
  spec.actors.forEach((actor, index) => {
    if (index === middle) lines.push(`  participant ${STATE_LANE} as ${mermaidText(spec.stateLabel)}`);
    lines.push(`  participant ${mermaidId(actor.id)} as ${mermaidText(actor.label)}`);
  });
  const first = mermaidId(spec.actors[0]!.id);
  const last = mermaidId(spec.actors[spec.actors.length - 1]!.id);
  const start = Object.keys(spec.shared)
    .map((name) => `${name} = ${showValue(spec.shared[name]!)}`)
    .join(', ');
  lines.push(`  Note over ${first},${last}: start: ${mermaidText(start)}`);

  const violation = analysis.bug.violation;
  if (!violation) {
    lines.push(`  Note over ${first},${last}: ${mermaidText(`no interleaving breaks the invariant (${analysis.bug.statesExplored} states explored)`)}`);
    return `${lines.join('\n')}\n`;
  }
  violation.steps.forEach((step, index) => {
    const breaking = index === violation.steps.length - 1;
    const indent = breaking ? '    ' : '  ';
    if (breaking) lines.push(`  rect ${WINDOW_FILL}`);
    const text = step.label === step.code ? step.code : `${step.label}<br/>${step.code}`;
    lines.push(`${indent}${mermaidId(step.actor)}->>${STATE_LANE}: ${mermaidText(`${index + 1}. `)}${mermaidLine(text)}`);
    if (step.changed.length > 0) {
      const values = step.changed.map((change) => `${change.name} = ${change.value}`).join(', ');
      lines.push(`${indent}Note right of ${STATE_LANE}: ${mermaidText(values)}`);
    }
    if (breaking) {
      lines.push(`${indent}Note over ${first},${last}: ${mermaidText(`invariant broken: ${spec.invariant.description} (${spec.invariant.holds})`)}`);
      lines.push('  end');
    }
  });
  return `${lines.join('\n')}\n`;
}

/** Escapes each part of a label but keeps the line breaks it asks for. */
function mermaidLine(text: string): string {
  return text.split('<br/>').map(mermaidText).join('<br/>');
}
