/// <reference lib="webworker" />
// Parses and ranks a pasted log off the page's main thread, so a 10 MB paste never freezes it.
import type { TriageIndex } from '../lib/triage/triage-index.ts';
import { instructionRole } from '../lib/triage/instruction-role.ts';
import type { InstructionRole } from '../lib/triage/report-wording.ts';
import { decodeTriageIndex } from '../lib/triage/triage-index-file.ts';
import { reportSequence } from '../lib/diagrams/evidence/report-sequence.ts';
import type { SequenceSpecInput } from '../lib/diagrams/evidence/sequence-input.ts';
import { triageLog, type TriageResult } from '../lib/triage/triage-log.ts';

/** What the page asks: triage `text` against the index at `indexUrl`. */
export interface TriageRequest {
  text: string;
  indexUrl: string;
}

/**
 * What the worker answers: the result, which of its symbols have a symbol page, what each
 * report's printed instruction was (found from the report formats, which only the worker loads)
 * and the sequence each KASAN, KFENCE, KCSAN or lockdep report shows, or an error.
 */
export type TriageReply =
  | { ok: true; result: TriageResult; totalReports: number; known: string[]; instructionRoles: Array<InstructionRole | undefined>; sequences: Array<SequenceSpecInput | null>; ms: number }
  | { ok: false; error: string };

/** Reports sent back for display; a console log with thousands of oopses is matched on all of them. */
const REPORTS_SHOWN = 50;

let index: Promise<TriageIndex> | undefined;

function loadIndex(url: string): Promise<TriageIndex> {
  index ??= fetch(url).then((response) => {
    if (!response.ok) throw new Error(`triage index: HTTP ${response.status}`);
    return response.json().then(decodeTriageIndex);
  });
  return index;
}

self.addEventListener('message', async (event: MessageEvent<TriageRequest>) => {
  try {
    const loaded = await loadIndex(event.data.indexUrl);
    const started = performance.now();
    const full = triageLog(event.data.text, loaded);
    const result: TriageResult = { ...full, reports: full.reports.slice(0, REPORTS_SHOWN) };
    const symbols = new Set(loaded.symbols);
    const mentioned = result.reports.flatMap((report) => [...report.frames.map((frame) => frame.normalized), ...(report.guiltyFrame ? [report.guiltyFrame] : [])]);
    const known = [...new Set(mentioned.filter((symbol) => symbols.has(symbol)))];
    const instructionRoles = result.reports.map(instructionRole);
    const sequences = result.reports.map((report) => reportSequence(report) ?? null);
    const reply: TriageReply = { ok: true, result, totalReports: full.reports.length, known, instructionRoles, sequences, ms: Math.round(performance.now() - started) };
    self.postMessage(reply);
  } catch (error) {
    const reply: TriageReply = { ok: false, error: (error as Error).message };
    self.postMessage(reply);
  }
});
