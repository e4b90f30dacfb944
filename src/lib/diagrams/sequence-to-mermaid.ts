import type { PlainEvent, SequenceSpec } from '../../schemas/diagram.ts';
import { mermaidId, mermaidText } from './mermaid-text.ts';

/** Tint of a highlighted window; translucent so it reads on light and dark backgrounds. */
export const WINDOW_FILL = 'rgba(220, 38, 38, 0.16)';

/** Mermaid `sequenceDiagram` source for a `sequence` spec. */
export function sequenceToMermaid(spec: SequenceSpec): string {
  const lines = ['sequenceDiagram'];
  for (const actor of spec.actors) lines.push(`  participant ${mermaidId(actor.id)} as ${mermaidText(actor.label)}`);
  for (const event of spec.events) {
    if ('window' in event) {
      lines.push(`  rect ${WINDOW_FILL}`);
      const ids = spec.actors.map((actor) => actor.id);
      lines.push(`    Note over ${mermaidId(ids[0]!)},${mermaidId(ids[ids.length - 1]!)}: ${mermaidText(event.window)}`);
      for (const inner of event.events) lines.push(`    ${plainEvent(inner)}`);
      lines.push('  end');
    } else {
      lines.push(`  ${plainEvent(event)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function plainEvent(event: PlainEvent): string {
  if ('note' in event) {
    const first = event.over[0]!;
    const last = event.over[event.over.length - 1]!;
    const span = first === last ? mermaidId(first) : `${mermaidId(first)},${mermaidId(last)}`;
    return `Note over ${span}: ${mermaidText(event.note)}`;
  }
  return `${mermaidId(event.from)}${event.reply ? '-->>' : '->>'}${mermaidId(event.to)}: ${mermaidText(event.text)}`;
}
