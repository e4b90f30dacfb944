import type { CompiledActor, CompiledRace, CompiledStep } from './compile-race.ts';
import { EvaluationError, evaluateExpression, type Value } from './evaluate-expression.ts';

/** One executed step of a schedule. */
export interface ScheduleStep {
  /** Actor id. */
  actor: string;
  /** Position of the step in that actor's program, from 0. */
  step: number;
  /** The step as the diagram prints it. */
  label: string;
  /** The code that ran. */
  code: string;
  /** Shared variables this step changed, with their new values. */
  changed: Array<{ name: string; value: string }>;
}

/** What the explorer found. */
export interface ExplorationResult {
  /** The shortest schedule after which the invariant is false, or null if none was found. */
  violation: { steps: ScheduleStep[] } | null;
  /** Distinct states visited (shared values, program counters and locals). */
  statesExplored: number;
  /** False when `maxStates` stopped the search before every interleaving was covered. */
  complete: boolean;
}

/** A step failed at run time (an index out of range, a division by zero); names the step. */
export class RaceRuntimeError extends Error {
  readonly actorIndex: number;
  readonly stepIndex: number;
  constructor(message: string, actorIndex: number, stepIndex: number) {
    super(message);
    this.actorIndex = actorIndex;
    this.stepIndex = stepIndex;
  }
}

interface State {
  shared: Record<string, Value>;
  pcs: number[];
  locals: Array<Record<string, number>>;
}

interface Visited {
  state: State;
  parent: number;
  /** Index into the canonical actor order of the actor whose step led here. */
  actor: number;
}

/**
 * Breadth-first search over every interleaving of the actors' steps, deduplicating states.
 * Breadth-first means the first violation found is at the smallest depth: no shorter schedule
 * breaks the invariant. Actors are explored in id order and state keys list variables in a
 * fixed order, so the result does not depend on how the spec orders its actors or fields.
 */
export function exploreRace(race: CompiledRace): ExplorationResult {
  const order = race.actors.map((actor, index) => ({ actor, index })).sort((a, b) => a.actor.id.localeCompare(b.actor.id));
  const actors = order.map((entry) => entry.actor);
  const sharedNames = Object.keys(race.shared).sort();

  const initial: State = {
    shared: Object.fromEntries(sharedNames.map((name) => [name, copy(race.shared[name]!)])),
    pcs: actors.map(() => 0),
    locals: actors.map(() => ({})),
  };
  const keyOf = (state: State) =>
    JSON.stringify([sharedNames.map((name) => state.shared[name]), state.pcs, state.locals.map((locals) => Object.entries(locals).sort(([a], [b]) => a.localeCompare(b)))]);

  const visited: Visited[] = [{ state: initial, parent: -1, actor: -1 }];
  const seen = new Set<string>([keyOf(initial)]);
  const holds = (state: State) => evaluateExpression(race.invariant, (name) => state.shared[name]) !== 0;

  if (!holds(initial)) return { violation: { steps: [] }, statesExplored: 1, complete: true };

  for (let cursor = 0; cursor < visited.length; cursor++) {
    const current = visited[cursor]!.state;
    for (let a = 0; a < actors.length; a++) {
      const actor = actors[a]!;
      const step = actor.steps[current.pcs[a]!];
      if (!step) continue;
      const next = runStep(current, a, actor, step, order[a]!.index);
      if (!next) continue;
      const key = keyOf(next);
      if (seen.has(key)) continue;
      if (visited.length >= race.maxStates) return { violation: null, statesExplored: visited.length, complete: false };
      seen.add(key);
      visited.push({ state: next, parent: cursor, actor: a });
      if (!holds(next)) return { violation: { steps: schedule(visited, visited.length - 1, actors) }, statesExplored: visited.length, complete: true };
    }
  }
  return { violation: null, statesExplored: visited.length, complete: true };
}

/** Runs one step if its guard holds; returns the next state, or undefined while the actor waits. */
function runStep(state: State, actorIndex: number, actor: CompiledActor, step: CompiledStep, declaredIndex: number): State | undefined {
  const locals = { ...state.locals[actorIndex]! };
  const shared = { ...state.shared };
  const lookup = (name: string): Value | undefined => (name in locals ? locals[name] : shared[name]);
  try {
    if (step.guard && evaluateExpression(step.guard, lookup) === 0) return undefined;
    for (const assignment of step.assignments) {
      const value = evaluateExpression(assignment.value, lookup);
      if (assignment.index) {
        const slots = [...(shared[assignment.target] as number[])];
        const index = evaluateExpression(assignment.index, lookup);
        if (index < 0 || index >= slots.length) throw new EvaluationError(`${assignment.target}[${index}] is out of range (${slots.length} slots)`);
        slots[index] = value;
        shared[assignment.target] = slots;
      } else if (assignment.target in shared) {
        shared[assignment.target] = value;
      } else {
        locals[assignment.target] = value;
      }
    }
  } catch (error) {
    if (error instanceof EvaluationError) throw new RaceRuntimeError(`${actor.id} step ${step.index + 1}: ${error.message}`, declaredIndex, step.index);
    throw error;
  }
  const pcs = [...state.pcs];
  pcs[actorIndex] = step.index + 1;
  const allLocals = [...state.locals];
  allLocals[actorIndex] = locals;
  return { shared, pcs, locals: allLocals };
}

function schedule(visited: Visited[], last: number, actors: CompiledActor[]): ScheduleStep[] {
  const steps: ScheduleStep[] = [];
  for (let at = last; visited[at]!.parent >= 0; at = visited[at]!.parent) {
    const { state, parent, actor } = visited[at]!;
    const before = visited[parent]!.state;
    const compiled = actors[actor]!.steps[before.pcs[actor]!]!;
    const changed = Object.keys(state.shared)
      .filter((name) => JSON.stringify(state.shared[name]) !== JSON.stringify(before.shared[name]))
      .map((name) => ({ name, value: showValue(state.shared[name]!) }));
    steps.push({ actor: actors[actor]!.id, step: compiled.index, label: compiled.label, code: compiled.code, changed });
  }
  return steps.reverse();
}

function copy(value: Value): Value {
  return typeof value === 'number' ? value : [...value];
}

/** Numbers past 0xffff print in hex, as kernel addresses and poison values are read. */
export function showValue(value: Value): string {
  const one = (number: number) => (number > 0xffff ? `0x${number.toString(16)}` : String(number));
  return typeof value === 'number' ? one(value) : `[${value.map(one).join(', ')}]`;
}
