import path from 'node:path';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeRace } from '../../src/lib/diagrams/analyze-race.ts';
import { compileRace } from '../../src/lib/diagrams/compile-race.ts';
import { evaluateExpression } from '../../src/lib/diagrams/evaluate-expression.ts';
import { exploreRace } from '../../src/lib/diagrams/explore-race.ts';
import { ExpressionSyntaxError, parseAssignments, parseExpression } from '../../src/lib/diagrams/parse-expression.ts';
import { validateDiagramSpec } from '../../src/lib/diagrams/validate-diagram-spec.ts';
import { raceSpecSchema, type RaceSpec, type RaceSpecInput } from '../../src/schemas/diagram.ts';
import { projectDir } from '../support/paths.ts';

const race = (input: Omit<RaceSpecInput, 'kind' | 'title' | 'description'>): RaceSpec =>
  raceSpecSchema.parse({ kind: 'race', title: 'test', description: 'test', ...input });

/** Two increments of a counter, each a read then a write: the classic lost update. */
const lostUpdate = (order: 'ab' | 'ba' = 'ab') => {
  const actor = (id: string) => ({ id, label: id, steps: [{ do: 't = x' }, { do: 'x = t + 1; done = done + 1' }] });
  const actors = order === 'ab' ? [actor('a'), actor('b')] : [actor('b'), actor('a')];
  return race({ shared: { x: 0, done: 0 }, actors, invariant: { holds: 'done < 2 || x == 2', description: 'no increment is lost' } });
};

function explore(spec: RaceSpec) {
  const { race: compiled, problems } = compileRace(spec);
  expect(problems).toEqual([]);
  return exploreRace(compiled!);
}

/** Every schedule of exactly `length` steps, by brute force, to check the explorer's minimality. */
function anyScheduleBreaks(spec: RaceSpec, length: number): boolean {
  const compiled = compileRace(spec).race!;
  const lookupIn = (shared: Record<string, number>, locals: Record<string, number>) => (name: string) => (name in locals ? locals[name] : shared[name]);
  const walk = (shared: Record<string, number>, pcs: number[], locals: Array<Record<string, number>>, left: number): boolean => {
    if (evaluateExpression(compiled.invariant, (name) => shared[name]) === 0) return true;
    if (left === 0) return false;
    return compiled.actors.some((actor, index) => {
      const step = actor.steps[pcs[index]!];
      if (!step) return false;
      const nextShared = { ...shared };
      const nextLocals = locals.map((item) => ({ ...item }));
      const lookup = lookupIn(nextShared, nextLocals[index]!);
      if (step.guard && evaluateExpression(step.guard, lookup) === 0) return false;
      for (const assignment of step.assignments) {
        const value = evaluateExpression(assignment.value, lookup);
        if (assignment.target in nextShared) nextShared[assignment.target] = value;
        else nextLocals[index]![assignment.target] = value;
      }
      return walk(nextShared, pcs.map((pc, i) => (i === index ? pc + 1 : pc)), nextLocals, left - 1);
    });
  };
  return walk({ ...(compiled.shared as Record<string, number>) }, compiled.actors.map(() => 0), compiled.actors.map(() => ({})), length);
}

describe('expression parser', () => {
  it('follows C precedence and reads hex', () => {
    const lookup = (name: string) => ({ a: 2, b: 3, desc: [7, 0xdeadbeef] })[name];
    expect(evaluateExpression(parseExpression('a + b * 2 == 8 && !(a > b)'), lookup)).toBe(1);
    expect(evaluateExpression(parseExpression('desc[a - 1] == 0xdeadbeef'), lookup)).toBe(1);
    expect(evaluateExpression(parseExpression('(a + b) % 4 - -1'), lookup)).toBe(2);
  });

  it('parses statement lists and rejects what is not in the grammar', () => {
    expect(parseAssignments('idx = cached_prod; cached_prod = cached_prod + 1;').map((item) => item.target)).toEqual(['idx', 'cached_prod']);
    expect(() => parseExpression('a +')).toThrowErrorMatchingInlineSnapshot(`[Error: expected a number, a name or "(", found the end]`);
    expect(() => parseExpression('process.exit(1)')).toThrowErrorMatchingInlineSnapshot(`[Error: unexpected character "."]`);
    expect(() => parseAssignments('x == 1')).toThrowErrorMatchingInlineSnapshot(`[Error: expected "=", found "=="]`);
  });
});

describe('expression parser on arbitrary text', () => {
  it('either parses or throws a located syntax error, never anything else', () => {
    const pieces = fc.constantFrom('a', 'b1', '0x1f', '7', '+', '-', '*', '/', '%', '&', '|', '&&', '||', '!', '==', '!=', '<', '<=', '>', '>=', '(', ')', '[', ']', '=', ';', ' ', '.', '$');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join('')), (source) => {
        for (const parse of [parseExpression, parseAssignments]) {
          try {
            parse(source);
          } catch (error) {
            expect(error).toBeInstanceOf(ExpressionSyntaxError);
            expect((error as ExpressionSyntaxError).column).toBeGreaterThanOrEqual(1);
            expect((error as ExpressionSyntaxError).column).toBeLessThanOrEqual(source.length + 1);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('race explorer', () => {
  it('finds the shortest schedule that loses an update', () => {
    const spec = lostUpdate();
    const result = explore(spec);
    expect(result.violation?.steps.map((step) => `${step.actor}${step.step + 1}`)).toEqual(['a1', 'b1', 'a2', 'b2']);
    expect(anyScheduleBreaks(spec, 3)).toBe(false);
    expect(anyScheduleBreaks(spec, 4)).toBe(true);
    expect(result.complete).toBe(true);
  });

  it('does not depend on the order the actors are declared in', () => {
    const ab = explore(lostUpdate('ab'));
    const ba = explore(lostUpdate('ba'));
    expect(ba.violation).not.toBeNull();
    expect(ba.violation!.steps).toHaveLength(ab.violation!.steps.length);
    expect(ba.statesExplored).toBe(ab.statesExplored);
  });

  it('finds nothing when each increment is one atomic step', () => {
    const spec = race({
      shared: { x: 0, done: 0 },
      actors: ['a', 'b'].map((id) => ({ id, label: id, steps: [{ do: 'x = x + 1; done = done + 1' }] })),
      invariant: { holds: 'done < 2 || x == 2', description: 'no increment is lost' },
    });
    expect(explore(spec)).toEqual({ violation: null, statesExplored: 4, complete: true });
  });

  it('waits on guards: a consumer never reads before the producer publishes', () => {
    const spec = race({
      shared: { ready: 0, data: 0, seen: -1 },
      actors: [
        { id: 'producer', label: 'producer', steps: [{ do: 'data = 42' }, { do: 'ready = 1' }] },
        { id: 'consumer', label: 'consumer', steps: [{ await: 'ready == 1', do: 'seen = data' }] },
      ],
      invariant: { holds: 'seen == -1 || seen == 42', description: 'reads published data only' },
    });
    expect(explore(spec).violation).toBeNull();
  });

  it('stops at maxStates and says the search was incomplete', () => {
    const spec = race({ ...lostUpdate(), maxStates: 3, invariant: { holds: '1', description: 'always' } });
    expect(explore(spec)).toEqual({ violation: null, statesExplored: 3, complete: false });
  });

  it('breaks the AF_XDP RX ring and clears its fixed variant', () => {
    for (const [id, length] of [
      ['afxdp-rx-ring-race', 5],
      ['veth-napi-flush-race', 9],
    ] as const) {
      const file = path.join(projectDir, 'diagrams', `${id}.yaml`);
      const { spec } = validateDiagramSpec({ id, displayPath: file, source: readFileSync(file, 'utf8') });
      const { analysis } = analyzeRace(spec!.spec as RaceSpec);
      expect(analysis!.bug.violation!.steps).toHaveLength(length);
      expect(analysis!.bug.violation!.steps.at(-1)).toMatchObject({ actor: 'user', code: 'await producer > consumer; seen = desc[consumer]' });
      expect(analysis!.fixed).toMatchObject({ violation: null, complete: true });
    }
  });
});
