import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { formatProblem } from '../../src/lib/content/problem.ts';
import { validateDiagramSpec } from '../../src/lib/diagrams/validate-diagram-spec.ts';
import { caseSource, validSymptom, validTool } from '../support/check-sources.ts';

const problems = (source: string, id = 'a-race') => validateDiagramSpec({ id, displayPath: `diagrams/${id}.yaml`, source }).problems.map(formatProblem);

const raceSpec = `kind: race
title: A race
description: Two writers.
shared:
  x: 0
  slots: [0, 0]
actors:
  - id: cpu0
    label: CPU 0
    steps:
      - do: t = x
      - do: x = t + 1
  - id: cpu1
    label: CPU 1
    steps:
      - do: x = x + 1
invariant:
  holds: x < 3
  description: x stays small
`;

describe('diagram spec validation', () => {
  it('accepts a valid spec', () => {
    expect(problems(raceSpec)).toEqual([]);
  });

  it('reports every problem in the step code at once, at its line', () => {
    const broken = raceSpec
      .replace('      - do: x = t + 1', '      - do: x = u + 1')
      .replace('      - do: x = x + 1', '      - await: x >\n        do: slots = 1')
      .replace('holds: x < 3', 'holds: x < t');
    expect(problems(broken)).toMatchInlineSnapshot(`
      [
        "diagrams/a-race.yaml:12 actors[0].steps[1].do: "u" is neither a shared variable (x, slots) nor a local assigned earlier by cpu0",
        "diagrams/a-race.yaml:16 actors[1].steps[0].await: syntax error at column 4: expected a number, a name or "(", found the end",
        "diagrams/a-race.yaml:17 actors[1].steps[0].do: "slots" is an array: assign one slot, e.g. slots[i] = …",
        "diagrams/a-race.yaml:19 invariant.holds: "t" is not a shared variable; the invariant reads shared state only",
      ]
    `);
  });

  it('reports every schema problem at once, with hints', () => {
    const broken = raceSpec.replace('      - do: t = x', '      - do: t = x\n        labels: read x').replace('    label: CPU 1\n', '').concat('maxStates: -5\n');
    expect(problems(broken)).toMatchInlineSnapshot(`
      [
        "diagrams/a-race.yaml:12 actors[0].steps[0].labels: unknown field (did you mean "label"?)",
        "diagrams/a-race.yaml:14 actors[1].label: is required (expected string)",
        "diagrams/a-race.yaml:20 maxStates: Too small: expected number to be >0",
      ]
    `);
  });

  it('names unknown kinds and actors with a suggestion', () => {
    expect(problems('kind: raec\ntitle: T\ndescription: D\n')).toMatchInlineSnapshot(`
      [
        "diagrams/a-race.yaml:1 kind: "raec" is not one of sequence | ring | race",
      ]
    `);
    const sequence = `kind: sequence
title: T
description: D
actors:
  - id: driver
    label: Driver
  - id: device
    label: Device
events:
  - from: driver
    to: devce
    text: map
  - window: the bug
    events:
      - note: freed
        over: [allocator]
`;
    expect(problems(sequence, 'a-seq')).toMatchInlineSnapshot(`
      [
        "diagrams/a-seq.yaml:11 events[0].to: unknown actor "devce" (did you mean "device"?)",
        "diagrams/a-seq.yaml:16 events[1].events[0].over[0]: unknown actor "allocator"",
      ]
    `);
  });

  it('reports a step that fails while exploring, and a fixed variant that replaces no actor', () => {
    const outOfRange = raceSpec.replace('      - do: x = x + 1', '      - do: slots[x + 5] = 1').concat(`fixed:
  description: one writer
  actors:
    - id: cpu9
      steps:
        - do: x = 1
`);
    expect(problems(outOfRange)).toMatchInlineSnapshot(`
      [
        "diagrams/a-race.yaml:23 fixed.actors[0].id: no actor "cpu9" to replace (actors: cpu0, cpu1)",
      ]
    `);
    expect(problems(raceSpec.replace('      - do: x = x + 1', '      - do: slots[x + 5] = 1'))).toMatchInlineSnapshot(`
      [
        "diagrams/a-race.yaml:16 actors[1].steps[0]: cpu1 step 1: slots[5] is out of range (2 slots)",
      ]
    `);
  });

  it('reports YAML syntax errors', () => {
    expect(problems('kind: race\ntitle: [unclosed\n')).toMatchInlineSnapshot(`
      [
        "diagrams/a-race.yaml:3 (spec): YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]",
      ]
    `);
  });

  it('takes diagram ids from the spec files when checking case references', () => {
    const files = [
      { kind: 'tools' as const, id: 'kasan', displayPath: 'content/tools/kasan.md', source: validTool },
      { kind: 'symptoms' as const, id: 'bad-page-state', displayPath: 'content/symptoms/bad-page-state.md', source: validSymptom },
      { kind: 'cases' as const, id: 'a-case', displayPath: 'content/cases/a-case.md', source: caseSource('diagrams: [ring-race, a-race]\n') },
    ];
    expect(checkContent(files, ['a-race', 'ring-lifecycle']).problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/cases/a-case.md:13 diagrams[0]: unknown diagram "ring-race"",
      ]
    `);
  });
});
