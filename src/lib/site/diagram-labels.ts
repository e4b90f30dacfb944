import type { DiagramKind } from '../../schemas/diagram.ts';
import type { ExplorationResult } from '../diagrams/explore-race.ts';

/** How each diagram kind is named on the site. */
export const diagramKindLabel: Record<DiagramKind, string> = {
  sequence: 'Sequence',
  ring: 'Buffer lifecycle',
  race: 'Race (explored)',
};

/** The explorer's verdict in a sentence, for the page and the list. */
export function explorationSentence(result: ExplorationResult, variant: 'bug' | 'fixed'): string {
  const states = `${result.statesExplored} state${result.statesExplored === 1 ? '' : 's'} explored`;
  if (result.violation) {
    const steps = result.violation.steps.length;
    return `${variant === 'fixed' ? 'The fixed variant still breaks' : 'The shortest interleaving that breaks'} the invariant ${variant === 'fixed' ? 'after' : 'takes'} ${steps} step${steps === 1 ? '' : 's'} (${states}).`;
  }
  const scope = result.complete ? 'No interleaving' : 'No interleaving within the state bound';
  return `${scope} of the ${variant === 'fixed' ? 'fixed variant' : 'programs'} breaks the invariant (${states}).`;
}
