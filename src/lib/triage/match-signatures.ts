import { lineTemplate, templateWords } from './line-template.ts';
import type { TriageIndex, TriageSignature } from './triage-index.ts';

/** A line of the paste that carries one of a case's characteristic lines. */
export interface SignatureHit {
  /** Position of the case in `index.cases`. */
  case: number;
  signature: TriageSignature;
  /** The line of the paste, prefixes removed. */
  line: string;
  /** 1-based line number in the input. */
  lineNumber: number;
}

interface Candidate {
  case: number;
  signature: TriageSignature;
  template: string;
}

const prepared = new WeakMap<TriageIndex, Map<string, Candidate[]>>();

/**
 * Signatures by their longest word: a line is only templated and compared with the signatures
 * whose key word it holds, so the work stays linear in the paste whatever the number of cases.
 */
function signaturesByWord(index: TriageIndex): Map<string, Candidate[]> {
  let byWord = prepared.get(index);
  if (!byWord) {
    byWord = new Map();
    index.cases.forEach((entry, position) => {
      for (const signature of entry.signatures) {
        const template = lineTemplate(signature.line);
        const key = templateWords(template).reduce((longest, word) => (word.length > longest.length ? word : longest), '');
        if (key === '') continue;
        const list = byWord!.get(key);
        if (list) list.push({ case: position, signature, template });
        else byWord!.set(key, [{ case: position, signature, template }]);
      }
    });
    prepared.set(index, byWord);
  }
  return byWord;
}

/**
 * Finds the cases' characteristic lines in a paste, each at its first line: a message holds the
 * signature when its template (numbers masked) contains the signature's, so a syslog or
 * application prefix in front of it does not matter. Lines over 2,000 characters are skipped.
 */
export function matchSignatures(lines: readonly string[], index: TriageIndex): SignatureHit[] {
  const byWord = signaturesByWord(index);
  if (byWord.size === 0) return [];
  const hits: SignatureHit[] = [];
  const found = new Set<Candidate>();
  for (const [position, line] of lines.entries()) {
    if (line.length > 2000) continue;
    let template: string | undefined;
    for (const word of new Set(templateWords(line))) {
      for (const candidate of byWord.get(word) ?? []) {
        if (found.has(candidate)) continue;
        template ??= lineTemplate(line);
        if (!template.includes(candidate.template)) continue;
        found.add(candidate);
        hits.push({ case: candidate.case, signature: candidate.signature, line, lineNumber: position + 1 });
      }
    }
  }
  return hits;
}
