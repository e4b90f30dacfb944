import type { RaceSpec } from '../../schemas/diagram.ts';
import { compileRace, type SpecProblem } from './compile-race.ts';
import { exploreRace, RaceRuntimeError, type ExplorationResult } from './explore-race.ts';

/** The explorer's verdict on a race spec and, when it has one, its fixed variant. */
export interface RaceAnalysis {
  bug: ExplorationResult;
  fixed: ExplorationResult | null;
}

/** The fixed variant's programs: the spec's actors with the listed ones replaced. */
export function fixedActors(spec: RaceSpec): RaceSpec['actors'] {
  if (!spec.fixed) return spec.actors;
  const replacements = new Map(spec.fixed.actors.map((actor) => [actor.id, actor.steps]));
  return spec.actors.map((actor) => ({ ...actor, steps: replacements.get(actor.id) ?? actor.steps }));
}

/** Compiles and explores both variants; every problem comes back located in the spec. */
export function analyzeRace(spec: RaceSpec): { analysis?: RaceAnalysis; problems: SpecProblem[] } {
  const compiled = compileRace(spec);
  const problems = [...compiled.problems];

  let fixedRace: ReturnType<typeof compileRace>['race'];
  if (spec.fixed) {
    const known = new Set(spec.actors.map((actor) => actor.id));
    spec.fixed.actors.forEach((actor, index) => {
      if (!known.has(actor.id)) problems.push({ path: ['fixed', 'actors', index, 'id'], message: `no actor "${actor.id}" to replace (actors: ${[...known].join(', ')})` });
    });
    const fixedIndex = new Map(spec.fixed.actors.map((actor, index) => [actor.id, index]));
    const actors = fixedActors(spec);
    const result = compileRace({ ...spec, actors }, (actorIndex) => {
      const replaced = fixedIndex.get(actors[actorIndex]!.id);
      return replaced === undefined ? ['actors', actorIndex, 'steps'] : ['fixed', 'actors', replaced, 'steps'];
    });
    // Problems in actors the fix does not replace were already reported above.
    problems.push(...result.problems.filter((problem) => problem.path[0] === 'fixed'));
    fixedRace = result.race;
  }
  if (problems.length > 0 || !compiled.race) return { problems };

  const explore = (race: NonNullable<typeof fixedRace>, variant: 'bug' | 'fixed'): ExplorationResult | SpecProblem => {
    try {
      return exploreRace(race);
    } catch (error) {
      if (!(error instanceof RaceRuntimeError)) throw error;
      const replaced = variant === 'fixed' ? spec.fixed?.actors.findIndex((actor) => actor.id === race.actors[error.actorIndex]!.id) : -1;
      const path = replaced !== undefined && replaced >= 0 ? ['fixed', 'actors', replaced, 'steps', error.stepIndex] : ['actors', error.actorIndex, 'steps', error.stepIndex];
      return { path, message: `${variant === 'fixed' ? 'fixed variant: ' : ''}${error.message}` };
    }
  };
  const bug = explore(compiled.race, 'bug');
  const fixed = fixedRace ? explore(fixedRace, 'fixed') : null;
  for (const result of [bug, fixed]) if (result && 'message' in result) problems.push(result);
  if (problems.length > 0) return { problems };
  return { analysis: { bug: bug as ExplorationResult, fixed: fixed as ExplorationResult | null }, problems };
}
