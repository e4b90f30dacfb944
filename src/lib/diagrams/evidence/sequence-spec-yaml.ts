import { stringify } from 'yaml';
import type { GeneratedFrom } from '../../../schemas/diagram.ts';
import type { SequenceSpecInput } from './sequence-input.ts';

/**
 * The YAML of a drawn spec, fields in the order a person reads them, with `generatedFrom` (when
 * given) right after the description. Long lines are never folded, so the same spec always gives
 * the same bytes and a regenerated spec can be compared with the committed one.
 */
export function sequenceSpecYaml(spec: SequenceSpecInput, generatedFrom?: GeneratedFrom): string {
  const ordered = {
    kind: spec.kind,
    title: spec.title,
    description: spec.description,
    ...(generatedFrom ? { generatedFrom } : {}),
    actors: spec.actors,
    events: spec.events,
  };
  return stringify(ordered, { lineWidth: 0 });
}
