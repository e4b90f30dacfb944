import type { CaseData } from '../../schemas/case.ts';
import { makeFrameFilter } from '../oops/frame-filters.ts';
import { findSymbolMentions } from '../oops/frames.ts';
import type { SiteGraph } from '../site/build-site-graph.ts';
import type { TriageIndex } from './triage-index.ts';

/** Frames that say nothing about which bug this is: reporting, entry and interrupt plumbing. */
const isBoilerplate = makeFrameFilter(['reporting', 'entry', 'interrupts']);

/** How many symbols of a case the index keeps: the top of each stack matters most. */
const SYMBOLS_PER_CASE = 40;

/** Builds the triage index from the site graph (the same data the pages show). */
export function buildTriageIndex(graph: SiteGraph): TriageIndex {
  const symptomIndex = new Map(graph.symptoms.map((entry, index) => [entry.id, index]));
  const perCase = graph.cases.map((entry) => {
    const stacks = graph.framesByCase.get(entry.id) ?? [];
    const ordered: string[] = [];
    const guilty: string[] = [];
    // Interleave stacks so every stack's top frames are kept before any stack's bottom.
    const depth = Math.max(0, ...stacks.map((frames) => frames.length));
    for (let position = 0; position < depth; position++) {
      for (const frames of stacks) {
        const frame = frames[position];
        if (frame && frame.reliable && !isBoilerplate(frame.normalized) && !ordered.includes(frame.normalized)) ordered.push(frame.normalized);
      }
    }
    for (const frames of stacks) {
      const first = frames.find((frame) => frame.reliable && !isBoilerplate(frame.normalized));
      if (first && !guilty.includes(first.normalized)) guilty.push(first.normalized);
    }
    // Functions named in trace output or probe lines (`(__xsk_rcv_zc+0x9b/0x250)`) count too.
    for (const stack of entry.data.stacks) {
      for (const symbol of findSymbolMentions(stack.log)) if (!isBoilerplate(symbol) && !ordered.includes(symbol)) ordered.push(symbol);
    }
    return { entry, symbols: ordered.slice(0, SYMBOLS_PER_CASE), guilty };
  });

  // Most common symbols first (then by name): at thousands of cases their ids, written in every
  // case, stay one or two digits long.
  const frequency = new Map<string, number>();
  for (const item of perCase) for (const symbol of item.symbols) frequency.set(symbol, (frequency.get(symbol) ?? 0) + 1);
  const symbols = [...frequency.keys()].sort((a, b) => (frequency.get(b) ?? 0) - (frequency.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  const symbolIndex = new Map(symbols.map((symbol, index) => [symbol, index]));
  const indexOf = (symbol: string) => symbolIndex.get(symbol);
  const defined = (value: number | undefined): value is number => value !== undefined && value >= 0;

  return {
    version: 2,
    symbols,
    cases: perCase.map(({ entry, symbols: caseSymbols, guilty }) => ({
      id: entry.id,
      title: entry.data.title,
      status: entry.data.status,
      symbols: caseSymbols.map(indexOf).filter(defined),
      // Blamed frames are among the case's first symbols, so a position is smaller than an id.
      guilty: guilty.map((symbol) => caseSymbols.indexOf(symbol)).filter(defined),
      symptoms: entry.data.symptoms.map((id) => symptomIndex.get(id)).filter(defined),
      drivers: driverTags(entry.data),
      hypervisor: entry.data.environment.hypervisor,
    })),
    symptoms: graph.symptoms.map((entry) => ({
      id: entry.id,
      title: entry.data.title,
      patterns: entry.data.signatures.map((signature) => signature.pattern),
      tools: entry.data.tools.map(({ tool, why, when }) => ({ tool, why, when })),
      checklists: entry.data.checklists,
    })),
    tools: Object.fromEntries(graph.tools.map((entry) => [entry.id, entry.data.title])),
    checklists: Object.fromEntries(graph.checklists.map((entry) => [entry.id, entry.data.title])),
  };
}

function driverTags(data: CaseData): string[] {
  return [...new Set(data.environment.drivers.map((driver) => (driver.origin === 'out-of-tree' ? `!${driver.name}` : driver.name)))];
}
