import type { OopsReport } from '../lib/oops/report-types.ts';
import { clause, INSTRUCTION_LABELS, reportHeading, STRENGTH_LABELS, type InstructionRole } from '../lib/triage/report-wording.ts';
import type { TriageResult } from '../lib/triage/triage-log.ts';
import { readLogFile } from './read-log-file.ts';
import type { TriageReply, TriageRequest } from './triage-worker.ts';
import { inlineCodeNodes } from './inline-code.ts';
import { sequenceLanes } from './sequence-lanes.ts';
import type { SequenceSpecInput } from '../lib/diagrams/evidence/sequence-input.ts';

const base = import.meta.env.BASE_URL.replace(/\/$/, '');
/**
 * Runs one triage in a fresh worker; a newer paste terminates the older worker, so only the
 * latest answer is shown and a huge paste can be abandoned.
 */
let current: Worker | undefined;
function triageInWorker(text: string): Promise<TriageReply> {
  current?.terminate();
  const worker = new Worker(new URL('./triage-worker.ts', import.meta.url), { type: 'module' });
  current = worker;
  return new Promise((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<TriageReply>) => {
      worker.terminate();
      if (current === worker) current = undefined;
      resolve(event.data);
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      resolve({ ok: false, error: event.message || 'the triage worker failed' });
    });
    const request: TriageRequest = { text, indexUrl: `${base}/triage-index.json` };
    worker.postMessage(request);
  });
}

/** Builds elements from text only: nothing pasted ever becomes markup. */
function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function link(doc: Document, href: string, text: string): HTMLAnchorElement {
  const anchor = el(doc, 'a', text);
  anchor.href = href;
  return anchor;
}

function symbolLink(doc: Document, symbol: string, known: ReadonlySet<string>): HTMLElement {
  const code = el(doc, 'code', symbol);
  const anchor = link(doc, known.has(symbol) ? `${base}/symbols/${encodeURIComponent(symbol)}/` : `${base}/search/?q=${encodeURIComponent(symbol)}`, '');
  anchor.append(code);
  return anchor;
}

function renderReport(doc: Document, report: OopsReport, position: number, known: ReadonlySet<string>, role: InstructionRole | undefined, sequence: SequenceSpecInput | null | undefined): HTMLElement {
  const section = el(doc, 'section', undefined, 'card triage-report');
  section.append(el(doc, 'h3', `${position}. ${reportHeading(report)}`));
  // The printed instruction is named for what it was in this kind of report: only a fault or trap has a faulting instruction.
  const instruction = role ? INSTRUCTION_LABELS[role] : undefined;
  const facts = el(doc, 'dl', undefined, 'facts');
  const fact = (name: string, value: string | Node | undefined) => {
    if (value === undefined || value === '') return;
    facts.append(el(doc, 'dt', name));
    const dd = el(doc, 'dd');
    dd.append(value);
    facts.append(dd);
  };
  fact('Class', report.crashClass);
  fact('Guilty frame', report.guiltyFrame ? symbolLink(doc, report.guiltyFrame, known) : 'not found');
  if (report.corrupted) fact('Looks corrupted', report.corruptedReason ?? 'yes');
  fact('Kernel', report.kernel);
  fact('Hardware', report.hardware);
  if (report.cpu !== undefined) fact('CPU / PID / Comm', `${report.cpu} / ${report.pid ?? '?'} / ${report.comm ?? '?'}`);
  if (instruction) fact(instruction, report.rip);
  if (report.taint && report.taint.flags.length > 0) fact('Taint', report.taint.flags.map((flag) => `${flag.letter}: ${flag.meaning}`).join('; '));
  fact('Lines', `${report.startLine}–${report.endLine}`);
  section.append(facts);

  if (report.suspectModulesInStack.length > 0) {
    const warning = el(doc, 'p', undefined, 'warning-box suspect-module');
    warning.append(el(doc, 'strong', 'Out-of-tree or unsigned module in the stack: '), report.suspectModulesInStack.map((name) => {
      const module = report.modules.find((item) => item.name === name);
      return `${name}${module?.flags ? `(${module.flags})` : ''}${module ? ` — ${module.meanings.join(', ')}` : ''}`;
    }).join('; '), '. Reproduce with the in-tree driver before blaming the kernel.');
    section.append(warning);
  } else if (report.suspectModules.length > 0) {
    section.append(el(doc, 'p', `Loaded out-of-tree, unsigned or proprietary modules: ${report.suspectModules.join(', ')}.`, 'muted'));
  }

  if (sequence) {
    const drawn = el(doc, 'section', undefined, 'triage-sequence');
    drawn.append(el(doc, 'h4', 'Sequence'));
    drawn.append(sequenceLanes(doc, sequence));
    section.append(drawn);
  }

  if (report.frames.length > 0) {
    const wrap = el(doc, 'div', undefined, 'table-wrap');
    const table = el(doc, 'table', undefined, 'frames');
    const head = el(doc, 'thead');
    const headRow = el(doc, 'tr');
    for (const name of ['Frame', 'Offset', 'Module', 'Context', 'Reliable']) headRow.append(el(doc, 'th', name));
    head.append(headRow);
    const body = el(doc, 'tbody');
    for (const frame of report.frames) {
      const row = el(doc, 'tr');
      const name = el(doc, 'td');
      name.append(symbolLink(doc, frame.normalized, known));
      if (frame.isRip && instruction) name.append(` (${instruction.toLowerCase()})`);
      row.append(name, el(doc, 'td', frame.offset ? `+${frame.offset}${frame.size ? `/${frame.size}` : ''}` : ''), el(doc, 'td', frame.module ?? ''), el(doc, 'td', frame.context), el(doc, 'td', frame.reliable ? 'yes' : 'no (?)'));
      body.append(row);
    }
    table.append(head, body);
    wrap.append(table);
    const details = el(doc, 'details');
    details.append(el(doc, 'summary', `${report.frames.length} frames`), wrap);
    section.append(details);
  }
  return section;
}

function render(doc: Document, result: TriageResult, totalReports: number, known: ReadonlySet<string>, roles: ReadonlyArray<InstructionRole | undefined>, sequences: ReadonlyArray<SequenceSpecInput | null>, target: HTMLElement): void {
  target.replaceChildren();

  const answer = el(doc, 'p', result.summary.text, `triage-summary triage-outcome-${result.summary.outcome}${result.summary.kernelReport ? '' : ' triage-no-report'}`);

  const matches = el(doc, 'section');
  matches.append(el(doc, 'h2', 'Matching cases'));
  const strong = result.matches.filter((match) => match.strength === 'match');
  const related = result.matches.filter((match) => match.strength === 'related');
  if (strong.length === 0) {
    matches.append(el(doc, 'p', `No known case matches this ${result.summary.kernelReport ? 'crash' : 'log'}: no case shares a specific frame, module, symptom or log line with it. What to run next for this kind of crash is below.`, 'muted triage-no-match'));
  }
  // The ranking score only orders the list (it has no unit or scale), so each case says what its
  // strength means and why; the score stays in a data attribute for anyone comparing runs.
  const caseList = (items: typeof result.matches, className: string) => {
    const list = el(doc, 'ol', undefined, `result-list ${className}`);
    for (const match of items) {
      const item = el(doc, 'li', undefined, `triage-${match.strength}`);
      item.dataset.score = String(match.score);
      item.append(link(doc, `${base}/cases/${match.case}/`, match.title), el(doc, 'span', ` · ${STRENGTH_LABELS[match.strength]}`, 'muted triage-strength'));
      const reasons = el(doc, 'ul');
      for (const reason of match.reasons) reasons.append(el(doc, 'li', reason));
      item.append(reasons);
      list.append(item);
    }
    return list;
  };
  matches.append(caseList(strong, 'triage-matches'));
  if (related.length > 0) {
    const details = el(doc, 'details', undefined, 'triage-related');
    details.append(
      el(doc, 'summary', `${related.length} related case${related.length === 1 ? '' : 's'}, by generic evidence only`),
      el(doc, 'p', 'These share only frames, symptoms or modules that many unrelated crashes show (page-fault, allocator, scheduler paths, common crash classes). They are not evidence of the same bug.', 'muted'),
      caseList(related, 'triage-related-list'),
    );
    matches.append(details);
  }

  const reports = el(doc, 'section');
  const shownCount = totalReports > result.reports.length ? `the first ${result.reports.length} of ${totalReports}` : `${totalReports}`;
  reports.append(el(doc, 'h2', totalReports === 1 ? 'Parsed report' : `Parsed reports (${shownCount})`));
  if (result.reports.length === 0) reports.append(el(doc, 'p', 'No kernel crash report was recognised in this text: the cases, symptoms and tools here come from its other lines (application messages, warnings, trace output).', 'muted'));
  result.reports.forEach((report, position) => reports.append(renderReport(doc, report, position + 1, known, roles[position], sequences[position])));

  const symptoms = el(doc, 'section');
  symptoms.append(el(doc, 'h2', 'Symptoms in the log'));
  if (result.symptoms.length === 0) symptoms.append(el(doc, 'p', 'No symptom signature matched.', 'muted'));
  const symptomList = el(doc, 'ul', undefined, 'triage-symptoms');
  for (const symptom of result.symptoms) {
    const item = el(doc, 'li');
    item.append(link(doc, `${base}/symptoms/${symptom.id}/`, symptom.title), el(doc, 'span', ` line ${symptom.lineNumber}: `, 'muted'), el(doc, 'code', symptom.line.slice(0, 200), 'signature'));
    symptomList.append(item);
  }
  symptoms.append(symptomList);

  const next = el(doc, 'section');
  next.append(el(doc, 'h2', 'What to run next'));
  if (result.tools.length === 0) next.append(el(doc, 'p', 'Recognise a symptom first: no tool recommendation applies yet.', 'muted'));
  const tools = el(doc, 'ul', undefined, 'triage-tools');
  for (const tool of result.tools) {
    const item = el(doc, 'li');
    item.append(link(doc, `${base}/tools/${tool.id}/`, tool.title), ': ', ...inlineCodeNodes(doc, tool.why), ' ');
    const context = el(doc, 'span', undefined, 'muted');
    context.append('(', ...inlineCodeNodes(doc, tool.when), `; for ${tool.symptoms.join(', ')}${tool.fromCase ? `, a symptom of the matching case ${tool.fromCase}` : ''})`);
    item.append(context);
    tools.append(item);
  }
  next.append(tools);
  if (result.checklists.length > 0) {
    next.append(el(doc, 'h3', 'Checklists'));
    const checklists = el(doc, 'ul');
    for (const checklist of result.checklists) {
      const item = el(doc, 'li');
      item.append(link(doc, `${base}/checklists/${checklist.id}/`, checklist.title));
      checklists.append(item);
    }
    next.append(checklists);
  }
  target.append(answer, matches, reports, symptoms, next);
}

/** Wires the triage form: paste, drop or open a file, parse in the browser, show the playbook. */
export function bindTriagePage(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('#triage-form');
  const textarea = doc.querySelector<HTMLTextAreaElement>('#triage-log');
  const file = doc.querySelector<HTMLInputElement>('#triage-file');
  const status = doc.querySelector<HTMLElement>('#triage-status');
  const target = doc.querySelector<HTMLElement>('#triage-results');
  if (!form || !textarea || !status || !target) return;

  let runs = 0;
  const run = async () => {
    const text = textarea.value;
    const run = ++runs;
    status.textContent = `Parsing ${text.length > 1024 * 1024 ? `${(text.length / 1024 / 1024).toFixed(1)} MB ` : ''}in the background…`;
    const reply = await triageInWorker(text);
    if (run !== runs) return;
    if (!reply.ok) {
      status.textContent = `Could not triage: ${reply.error}`;
      return;
    }
    // A tool's `when` is shown as a clause before `; for …`: its closing stop would read `.;`.
    const result: TriageResult = { ...reply.result, tools: reply.result.tools.map((tool) => ({ ...tool, when: clause(tool.when) })) };
    render(doc, result, reply.totalReports, new Set(reply.known), reply.instructionRoles, reply.sequences, target);
    const strong = result.matches.filter((match) => match.strength === 'match').length;
    status.textContent = `${reply.totalReports === 0 ? 'No kernel crash report' : `${reply.totalReports} report${reply.totalReports === 1 ? '' : 's'}`}, ${strong} matching case${strong === 1 ? '' : 's'}${result.matches.length > strong ? `, ${result.matches.length - strong} related by generic evidence only` : ''} (${reply.ms} ms).`;
  };
  /** Puts a picked or dropped file's text in the box and triages it, or says why it cannot. */
  const load = async (chosen: File) => {
    const read = ++runs;
    status.textContent = `Reading ${chosen.name}…`;
    const loaded = await readLogFile(chosen);
    if (read !== runs) return;
    if (!loaded.ok) {
      status.textContent = `Could not read the file: ${loaded.error}`;
      return;
    }
    textarea.value = loaded.text;
    void run();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  // Ctrl+Enter (Cmd+Enter on macOS) in the box runs it, as in most paste boxes and code review tools.
  textarea.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.isComposing) return;
    event.preventDefault();
    void run();
  });
  // A paste (or text dragged in) runs once it has landed: the input event follows the insertion.
  textarea.addEventListener('input', (event) => {
    const kind = (event as InputEvent).inputType;
    if ((kind === 'insertFromPaste' || kind === 'insertFromDrop') && textarea.value.trim() !== '') void run();
  });
  file?.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (chosen) void load(chosen);
  });
  // A file dropped anywhere on the page is read; without preventDefault the browser would open it instead.
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
  doc.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  });
  doc.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    const dropped = event.dataTransfer?.files[0];
    if (dropped) void load(dropped);
  });
}
