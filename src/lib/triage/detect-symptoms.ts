import type { TriageIndex } from './triage-index.ts';

/** A symptom whose signature matched a line of the log. */
export interface DetectedSymptom {
  id: string;
  title: string;
  /** The first matching line, prefixes removed. */
  line: string;
  /** 1-based line number in the input. */
  lineNumber: number;
}

const compiled = new WeakMap<TriageIndex, Array<{ id: string; title: string; patterns: RegExp[] }>>();

function compiledSymptoms(index: TriageIndex) {
  let list = compiled.get(index);
  if (!list) {
    list = index.symptoms.map((symptom) => ({
      id: symptom.id,
      title: symptom.title,
      patterns: symptom.patterns.flatMap((source) => {
        try {
          return [new RegExp(source)];
        } catch {
          return [];
        }
      }),
    }));
    compiled.set(index, list);
  }
  return list;
}

/**
 * Runs every symptom signature over the log's lines. Lines longer than 2,000 characters are
 * not console messages and are skipped, which also bounds the work a hostile paste can cause.
 */
export function detectSymptoms(lines: readonly string[], index: TriageIndex): DetectedSymptom[] {
  const found: DetectedSymptom[] = [];
  for (const symptom of compiledSymptoms(index)) {
    if (symptom.patterns.length === 0) continue;
    for (const [position, line] of lines.entries()) {
      if (line.length > 2000) continue;
      if (symptom.patterns.some((pattern) => pattern.test(line))) {
        found.push({ id: symptom.id, title: symptom.title, line, lineNumber: position + 1 });
        break;
      }
    }
  }
  return found.sort((a, b) => a.lineNumber - b.lineNumber);
}
