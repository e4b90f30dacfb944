import type { RingSpec } from '../../schemas/diagram.ts';
import { mermaidId, mermaidText } from './mermaid-text.ts';

/** Style of an observed invalid transition: red and dashed, apart from the valid ones. */
export const INVALID_EDGE_STYLE = 'stroke:#dc2626,stroke-width:2px,stroke-dasharray:6 4,color:#dc2626';

/**
 * Mermaid source for a `ring` spec. A flowchart rather than a `stateDiagram`, because state
 * diagrams ignore `linkStyle` and the invalid moves must look different from the valid ones.
 */
export function ringToMermaid(spec: RingSpec): string {
  const lines = ['flowchart LR'];
  for (const state of spec.states) lines.push(`  ${node(state.id)}(["${mermaidText(state.label)}"])`);
  const edges: string[] = [];
  const invalidEdges: number[] = [];
  for (const transition of spec.transitions) edges.push(edge(transition.from, '-->', transition.to, transition.label));
  for (const transition of spec.invalid) {
    invalidEdges.push(edges.length);
    edges.push(edge(transition.from, '-.->', transition.to, transition.label ?? 'invalid'));
  }
  lines.push(...edges.map((line) => `  ${line}`));
  if (spec.invalid.length > 0) {
    // The legend is drawn with the same two edge styles it explains.
    lines.push('  subgraph legend ["Legend"]');
    lines.push('    direction LR');
    lines.push('    legend_a[" "] -->|"valid transition"| legend_b[" "]');
    lines.push('    legend_c[" "] -.->|"observed invalid transition"| legend_d[" "]');
    lines.push('  end');
    invalidEdges.push(edges.length + 1);
    lines.push(`  linkStyle ${invalidEdges.join(',')} ${INVALID_EDGE_STYLE}`);
  }
  return `${lines.join('\n')}\n`;
}

function node(id: string): string {
  return `s_${mermaidId(id)}`;
}

function edge(from: string, arrow: string, to: string, label: string | undefined): string {
  return label === undefined ? `${node(from)} ${arrow} ${node(to)}` : `${node(from)} ${arrow}|"${mermaidText(label)}"| ${node(to)}`;
}
