import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramsRoot } from '../../src/lib/content/content-paths.ts';
import { sequenceFromLog } from '../../src/lib/diagrams/evidence/sequence-from-log.ts';
import { sequenceSpecYaml } from '../../src/lib/diagrams/evidence/sequence-spec-yaml.ts';
import { checkDiagramSpecs, readDiagramSources } from '../../src/lib/diagrams/read-diagram-specs.ts';

// A spec with `generatedFrom` was drawn by `oopsbook diagram --from`: drawing it again from its
// log must give the committed file byte for byte, so neither drifts from the other unnoticed.
const root = diagramsRoot();
const generated = checkDiagramSpecs(readDiagramSources(root)).diagrams.flatMap((diagram) =>
  diagram.spec.kind === 'sequence' && diagram.spec.generatedFrom ? [{ diagram, from: diagram.spec.generatedFrom }] : [],
);

describe('specs drawn from logs', () => {
  it('include the AF_XDP case traces', () => {
    expect(generated.map(({ diagram }) => diagram.id)).toEqual(expect.arrayContaining(['afxdp-fill-order-trace', 'afxdp-xsk-flush-trace']));
  });

  for (const { diagram, from } of generated) {
    it(`${diagram.id} is what its log draws`, () => {
      const log = readFileSync(path.join(root, from.log), 'utf8');
      const drawn = sequenceFromLog(log, { ...(from.follow ? { follow: from.follow } : {}), ...(from.by ? { by: from.by } : {}), ...(from.last ? { last: from.last } : {}) });
      if (!drawn.ok) throw new Error(`${from.log}:${drawn.line}: ${drawn.message}`);
      expect(sequenceSpecYaml(drawn.spec, from), `regenerate with: npx oopsbook diagram --from ${path.join('diagrams', from.log)} --out ${diagram.displayPath} …`).toBe(diagram.source);
    });
  }
});
