import { describe, expect, it } from 'vitest';
import { analyzeRace } from '../../src/lib/diagrams/analyze-race.ts';
import { mermaidText } from '../../src/lib/diagrams/mermaid-text.ts';
import { raceToMermaid } from '../../src/lib/diagrams/race-to-mermaid.ts';
import { ringToMermaid } from '../../src/lib/diagrams/ring-to-mermaid.ts';
import { sequenceToMermaid } from '../../src/lib/diagrams/sequence-to-mermaid.ts';
import { raceSpecSchema, ringSpecSchema, sequenceSpecSchema } from '../../src/schemas/diagram.ts';

describe('Mermaid text from specs', () => {
  it('escapes what Mermaid would read as syntax', () => {
    expect(mermaidText('a; b # c <d> "e"\n  f')).toBe('a#59; b #35; c #lt;d#gt; #quot;e#quot; f');
  });

  it('draws a sequence with a highlighted window', () => {
    const spec = sequenceSpecSchema.parse({
      kind: 'sequence',
      title: 'T',
      description: 'D',
      actors: [
        { id: 'nic-driver', label: 'NIC driver' },
        { id: 'swiotlb', label: 'SWIOTLB' },
      ],
      events: [
        { from: 'nic-driver', to: 'swiotlb', text: 'dma_map_single()' },
        { window: 'freed while mapped', events: [{ from: 'swiotlb', to: 'nic-driver', text: 'copy; into freed memory', reply: true }, { note: 'crash later', over: ['swiotlb'] }] },
      ],
    });
    expect(sequenceToMermaid(spec)).toMatchInlineSnapshot(`
      "sequenceDiagram
        participant nic_driver as NIC driver
        participant swiotlb as SWIOTLB
        nic_driver->>swiotlb: dma_map_single()
        rect rgba(220, 38, 38, 0.16)
          Note over nic_driver,swiotlb: freed while mapped
          swiotlb-->>nic_driver: copy#59; into freed memory
          Note over swiotlb: crash later
        end
      "
    `);
  });

  it('draws a ring lifecycle with invalid moves red and dashed, and a legend', () => {
    const spec = ringSpecSchema.parse({
      kind: 'ring',
      title: 'T',
      description: 'D',
      states: [
        { id: 'fill', label: 'FILL' },
        { id: 'rx', label: 'RX' },
      ],
      transitions: [
        { from: 'fill', to: 'rx', label: 'kernel receives' },
        { from: 'rx', to: 'fill' },
      ],
      invalid: [{ from: 'fill', to: 'fill', label: 'Fill → Fill' }],
    });
    expect(ringToMermaid(spec)).toMatchInlineSnapshot(`
      "flowchart LR
        s_fill(["FILL"])
        s_rx(["RX"])
        s_fill -->|"kernel receives"| s_rx
        s_rx --> s_fill
        s_fill -.->|"Fill → Fill"| s_fill
        subgraph legend ["Legend"]
          direction LR
          legend_a[" "] -->|"valid transition"| legend_b[" "]
          legend_c[" "] -.->|"observed invalid transition"| legend_d[" "]
        end
        linkStyle 2,4 stroke:#dc2626,stroke-width:2px,stroke-dasharray:6 4,color:#dc2626
      "
    `);
  });

  it('draws the schedule the explorer found, the breaking step highlighted', () => {
    const spec = raceSpecSchema.parse({
      kind: 'race',
      title: 'T',
      description: 'D',
      stateLabel: 'Ring',
      shared: { slot: 0, published: 0, seen: 1 },
      actors: [
        { id: 'kernel', label: 'CPU 0', steps: [{ do: 'published = 1', label: 'publish' }, { do: 'slot = 7' }] },
        { id: 'user', label: 'user space', steps: [{ await: 'published == 1', do: 'seen = slot', label: 'read' }] },
      ],
      invariant: { holds: 'seen != 0', description: 'never reads an empty slot' },
    });
    expect(raceToMermaid(spec, analyzeRace(spec).analysis!)).toMatchInlineSnapshot(`
      "sequenceDiagram
        participant kernel as CPU 0
        participant shared_state as Ring
        participant user as user space
        Note over kernel,user: start: slot = 0, published = 0, seen = 1
        kernel->>shared_state: 1. publish<br/>published = 1
        Note right of shared_state: published = 1
        rect rgba(220, 38, 38, 0.16)
          user->>shared_state: 2. read<br/>await published == 1#59; seen = slot
          Note right of shared_state: seen = 0
          Note over kernel,user: invariant broken: never reads an empty slot (seen != 0)
        end
      "
    `);
  });
});
