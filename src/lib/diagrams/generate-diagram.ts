import type { DiagramSpec } from '../../schemas/diagram.ts';
import { analyzeRace, type RaceAnalysis } from './analyze-race.ts';
import { raceToMermaid } from './race-to-mermaid.ts';
import { ringToMermaid } from './ring-to-mermaid.ts';
import { sequenceToMermaid } from './sequence-to-mermaid.ts';

/** A spec turned into Mermaid source, with the explorer's verdict for races. */
export interface GeneratedDiagram {
  mermaid: string;
  race: RaceAnalysis | null;
}

/** Generates the Mermaid source of a valid spec. Throws if a race spec has problems (validate first). */
export function generateDiagram(spec: DiagramSpec): GeneratedDiagram {
  switch (spec.kind) {
    case 'sequence':
      return { mermaid: sequenceToMermaid(spec), race: null };
    case 'ring':
      return { mermaid: ringToMermaid(spec), race: null };
    case 'race': {
      const { analysis, problems } = analyzeRace(spec);
      if (!analysis) throw new Error(`race spec "${spec.title}" has problems: ${problems.map((problem) => problem.message).join('; ')}`);
      return { mermaid: raceToMermaid(spec, analysis), race: analysis };
    }
  }
}
