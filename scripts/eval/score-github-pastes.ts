import type { OopsReport } from '../../src/lib/oops/report-types.ts';
import { titleSymbol } from '../../src/lib/oops/title-symbol.ts';
import { normalizeSymbol } from '../../src/lib/symbols/normalize-symbol.ts';
import type { CorpusFile } from './corpus-files.ts';
import { parseTimed } from './evaluate-corpus.ts';
import { parseManifest, type PasteEntry } from './pastes-manifest.ts';
import { ratio, tally, type Ratio } from './ratio.ts';

export interface PasteFileResult {
  entry: PasteEntry;
  reports: OopsReport[];
  error?: string;
  seconds: number;
  /** Any report at all: every paste holds a crash. */
  found: boolean;
  /** The first report's title or guilty frame names an expected function; absent when none is expected. */
  namesFunction?: boolean;
  /** The first report blames an expected module; absent when none is expected. */
  namesModule?: boolean;
}

export interface PasteTotals {
  files: number;
  found: Ratio;
  namesFunction: Ratio;
  namesModule: Ratio;
}

export interface PastesScore {
  results: PasteFileResult[];
  whole: PasteTotals;
  byArch: Map<string, PasteTotals>;
  /** Manifest rows whose file is missing, and files the manifest does not list. */
  missing: string[];
  unlisted: string[];
  exceptions: string[];
}

// Identifiers in a title, with compiler clone suffixes (`foo.isra.0`) kept for normalisation.
const TITLE_WORDS = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*/g;
/** Module names: the kernel treats `-` and `_` alike (`dm-writeboost` loads as `dm_writeboost`). */
const moduleKey = (name: string) => name.toLowerCase().replace(/-/g, '_');

/** Every symbol the report names where a reader looks first: its guilty frame and its title. */
function namedSymbols(report: OopsReport): Set<string> {
  const names = new Set<string>();
  if (report.guiltyFrame) names.add(normalizeSymbol(report.guiltyFrame));
  for (const word of report.title.match(TITLE_WORDS) ?? []) names.add(normalizeSymbol(word));
  return names;
}

/** The guilty frame's module, the suspect modules, and `[module]` names in the title. */
function blamedModules(report: OopsReport): Set<string> {
  const names = new Set(report.suspectModules.map(moduleKey));
  const guilty = report.guiltyFrame;
  const frame = guilty === undefined ? undefined : report.frames.find((candidate) => candidate.normalized === guilty || titleSymbol(candidate.normalized) === guilty);
  if (frame?.module) names.add(moduleKey(frame.module));
  for (const [, name] of report.title.matchAll(/\[([A-Za-z0-9_-]+)\]/g)) names.add(moduleKey(name!));
  return names;
}

export function judgePaste(entry: PasteEntry, source: string): PasteFileResult {
  const parsed = parseTimed(source);
  const report = parsed.reports[0];
  const result: PasteFileResult = { entry, ...parsed, found: report !== undefined };
  if (entry.functions.length > 0) {
    const named = report ? namedSymbols(report) : new Set<string>();
    result.namesFunction = entry.functions.some((name) => named.has(normalizeSymbol(name)));
  }
  if (entry.modules.length > 0) {
    const blamed = report ? blamedModules(report) : new Set<string>();
    result.namesModule = entry.modules.some((name) => blamed.has(moduleKey(name)));
  }
  return result;
}

const totals = (): PasteTotals => ({ files: 0, found: ratio(), namesFunction: ratio(), namesModule: ratio() });

function add(target: PasteTotals, result: PasteFileResult): void {
  target.files++;
  tally(target.found, result.found);
  if (result.namesFunction !== undefined) tally(target.namesFunction, result.namesFunction);
  if (result.namesModule !== undefined) tally(target.namesModule, result.namesModule);
}

/** Parses every paste the manifest lists and scores its first report against the manifest. */
export function evaluatePastes(files: readonly CorpusFile[]): PastesScore {
  const manifest = files.find((file) => file.name === 'MANIFEST.tsv');
  const entries = manifest ? parseManifest(manifest.source) : [];
  const byName = new Map(files.map((file) => [file.name, file.source]));
  const listed = new Set(entries.map((entry) => entry.file));
  const results = entries.flatMap((entry) => {
    const source = byName.get(entry.file);
    return source === undefined ? [] : [judgePaste(entry, source)];
  });
  const whole = totals();
  const byArch = new Map<string, PasteTotals>();
  for (const result of results) {
    add(whole, result);
    const arch = byArch.get(result.entry.arch) ?? totals();
    byArch.set(result.entry.arch, arch);
    add(arch, result);
  }
  return {
    results,
    whole,
    byArch,
    missing: entries.filter((entry) => !byName.has(entry.file)).map((entry) => entry.file),
    unlisted: files.filter((file) => !listed.has(file.name) && file.name !== 'MANIFEST.tsv' && !/\.md$/i.test(file.name)).map((file) => file.name),
    exceptions: results.filter((result) => result.error).map((result) => `${result.entry.file}: ${result.error}`),
  };
}
