import type { CaseData } from '../../schemas/case.ts';
import { parseCaseStacks, type CaseStacks } from '../content/case-stacks.ts';
import type { StackFrame } from '../oops/frames.ts';
import type { Entry, SymbolOccurrence } from './build-site-graph.ts';

/**
 * What the site graph derives from one case alone: its parsed stacks and where each symbol appears
 * in it. The graph joins these parts with the other content; a part changes only when its case does.
 */
export interface CaseGraphPart {
  entry: Entry<CaseData>;
  frames: StackFrame[][];
  mentions: string[][];
  /** Each symbol of the case with its occurrence, in stack order, frames of a stack before its mentions. */
  occurrences: Array<[symbol: string, occurrence: SymbolOccurrence]>;
  /** Normalised symbols the case's stacks mention, frames first. */
  symbols: string[];
}

/** Whether `parsed` was parsed from exactly this case's logs. */
function parsedFrom(entry: Entry<CaseData>, parsed: CaseStacks | undefined): parsed is CaseStacks {
  return parsed !== undefined && parsed.logs.length === entry.data.stacks.length && entry.data.stacks.every((stack, index) => stack.log === parsed.logs[index]);
}

/** The case's part of the graph; its logs are parsed here unless `parsed` holds them. */
export function caseGraphPart(entry: Entry<CaseData>, parsed?: CaseStacks): CaseGraphPart {
  const { frames, mentions } = parsedFrom(entry, parsed) ? parsed : parseCaseStacks(entry.data.stacks.map((stack) => stack.log));
  const occurrences: CaseGraphPart['occurrences'] = [];
  const symbols = new Set<string>();
  entry.data.stacks.forEach((stack, stackIndex) => {
    const seen = new Set<string>();
    for (const [depth, frame] of (frames[stackIndex] ?? []).entries()) {
      occurrences.push([frame.normalized, { caseId: entry.id, stackIndex, stackLabel: stack.label, frame, depth }]);
      seen.add(frame.normalized);
    }
    for (const symbol of mentions[stackIndex] ?? []) {
      if (!seen.has(symbol)) occurrences.push([symbol, { caseId: entry.id, stackIndex, stackLabel: stack.label }]);
      seen.add(symbol);
    }
    for (const symbol of seen) symbols.add(symbol);
  });
  return { entry, frames, mentions, occurrences, symbols: [...symbols] };
}
