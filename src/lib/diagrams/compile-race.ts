import type { RaceSpec, RaceStep } from '../../schemas/diagram.ts';
import type { Value } from './evaluate-expression.ts';
import { ExpressionSyntaxError, namesRead, parseAssignments, parseExpression, type Assignment, type Expression } from './parse-expression.ts';

/** A step ready to run: its guard and assignments parsed. */
export interface CompiledStep {
  /** Position in the actor's program, from 0. */
  index: number;
  guard?: Expression;
  assignments: Assignment[];
  /** The step as the diagram prints it. */
  label: string;
  /** The step's code as written: `await …; do …`. */
  code: string;
}

export interface CompiledActor {
  id: string;
  label: string;
  steps: CompiledStep[];
}

/** A race program ready for the explorer. */
export interface CompiledRace {
  shared: Readonly<Record<string, Value>>;
  actors: CompiledActor[];
  invariant: Expression;
  maxStates: number;
}

/** A problem in a race spec, at a path of the spec. */
export interface SpecProblem {
  path: PropertyKey[];
  message: string;
}

/** The part of a race spec the explorer needs; `actors` may be the fixed variant's. */
export type RaceProgram = Pick<RaceSpec, 'shared' | 'actors' | 'invariant' | 'maxStates'>;

/**
 * Parses every step and checks names before anything runs: each name read is a shared variable
 * or a local the same actor assigned in an earlier statement; arrays are indexed, numbers are not.
 * `stepsPath` says where each actor's steps live in the file, for the problem locations.
 */
export function compileRace(
  program: RaceProgram,
  stepsPath: (actorIndex: number) => PropertyKey[] = (actorIndex) => ['actors', actorIndex, 'steps'],
): { race?: CompiledRace; problems: SpecProblem[] } {
  const problems: SpecProblem[] = [];
  const sharedNames = new Set(Object.keys(program.shared));
  const isArray = (name: string) => Array.isArray(program.shared[name]);

  const seen = new Set<string>();
  program.actors.forEach((actor, actorIndex) => {
    if (seen.has(actor.id)) problems.push({ path: ['actors', actorIndex, 'id'], message: `actor "${actor.id}" is declared twice` });
    seen.add(actor.id);
  });

  const actors: CompiledActor[] = program.actors.map((actor, actorIndex) => {
    const locals = new Set<string>();
    const steps = actor.steps.map((step, stepIndex): CompiledStep => {
      const at = (field: 'await' | 'do') => [...stepsPath(actorIndex), stepIndex, field];
      const report = (field: 'await' | 'do', message: string) => problems.push({ path: at(field), message });
      const checkReads = (expression: Expression, field: 'await' | 'do') => {
        for (const name of namesRead(expression)) {
          if (!sharedNames.has(name) && !locals.has(name)) {
            report(field, `"${name}" is neither a shared variable (${[...sharedNames].join(', ')}) nor a local assigned earlier by ${actor.id}`);
          }
        }
        checkIndexing(expression, isArray, sharedNames, (message) => report(field, message));
      };

      let guard: Expression | undefined;
      if (step.await !== undefined) {
        try {
          guard = parseExpression(step.await);
          checkReads(guard, 'await');
        } catch (error) {
          report('await', syntaxMessage(error));
        }
      }
      let assignments: Assignment[] = [];
      if (step.do !== undefined) {
        try {
          assignments = parseAssignments(step.do);
          for (const assignment of assignments) {
            checkReads(assignment.value, 'do');
            if (assignment.index) checkReads(assignment.index, 'do');
            if (sharedNames.has(assignment.target)) {
              if (isArray(assignment.target) && !assignment.index) report('do', `"${assignment.target}" is an array: assign one slot, e.g. ${assignment.target}[i] = …`);
              if (!isArray(assignment.target) && assignment.index) report('do', `"${assignment.target}" is a number, not an array`);
            } else if (assignment.index) {
              report('do', `"${assignment.target}" is not a shared array; locals hold single numbers`);
            } else {
              locals.add(assignment.target);
            }
          }
        } catch (error) {
          report('do', syntaxMessage(error));
        }
      }
      const compiled: CompiledStep = { index: stepIndex, assignments, label: step.label ?? stepCode(step), code: stepCode(step) };
      if (guard) compiled.guard = guard;
      return compiled;
    });
    return { id: actor.id, label: actor.label, steps };
  });

  let invariant: Expression | undefined;
  try {
    invariant = parseExpression(program.invariant.holds);
    for (const name of namesRead(invariant)) {
      if (!sharedNames.has(name)) problems.push({ path: ['invariant', 'holds'], message: `"${name}" is not a shared variable; the invariant reads shared state only` });
    }
    checkIndexing(invariant, isArray, sharedNames, (message) => problems.push({ path: ['invariant', 'holds'], message }));
  } catch (error) {
    problems.push({ path: ['invariant', 'holds'], message: syntaxMessage(error) });
  }

  if (problems.length > 0 || !invariant) return { problems };
  return { race: { shared: program.shared, actors, invariant, maxStates: program.maxStates }, problems };
}

/** The step's code on one line: `await producer > consumer; seen = desc[consumer]`. */
export function stepCode(step: RaceStep): string {
  return [step.await !== undefined ? `await ${step.await}` : undefined, step.do].filter(Boolean).join('; ');
}

function checkIndexing(expression: Expression, isArray: (name: string) => boolean, shared: Set<string>, report: (message: string) => void): void {
  const visit = (node: Expression): void => {
    if (node.type === 'name' && shared.has(node.name) && isArray(node.name)) report(`"${node.name}" is an array: index it, e.g. ${node.name}[0]`);
    if (node.type === 'index') {
      if (!shared.has(node.name) || !isArray(node.name)) report(`"${node.name}" is not a shared array`);
      visit(node.index);
    }
    if (node.type === 'unary') visit(node.operand);
    if (node.type === 'binary') {
      visit(node.left);
      visit(node.right);
    }
  };
  visit(expression);
}

function syntaxMessage(error: unknown): string {
  if (error instanceof ExpressionSyntaxError) return `syntax error at column ${error.column}: ${error.message}`;
  throw error;
}
