import type { OopsReport } from '../../lib/oops/report-types.ts';
import { buildTriageIndex } from '../../lib/triage/build-triage-index.ts';
import { reportHeading, STRENGTH_LABELS } from '../../lib/triage/report-wording.ts';
import { triageLog, type TriageResult } from '../../lib/triage/triage-log.ts';
import { loadSiteGraph } from '../load-site-graph.ts';
import { readInput } from '../read-inputs.ts';
import type { CliCommand } from '../cli-command.ts';

const usage = `Usage: oopsbook triage [--json] [FILE... | -]

Parses every crash report in each log (dmesg, journalctl, syslog, serial console) and prints the
matching cases, the symptoms found, and the tools and checklists to use next. A log without a
kernel crash report (application messages, watchdog or allocation warnings, trace output) is
matched on its other lines. A case is a "match" when it shares something specific with the log (a
rare frame, a module its stacks run through, a rare symptom, one of its own lines) and "related"
when it shares only frames or symptoms many unrelated crashes show. With no FILE, or with -, reads
standard input. --json prints one JSON object per input (JSON Lines).`;

/** The documented JSON shape of one report. */
function reportJson(report: OopsReport) {
  return {
    title: report.title,
    class: report.crashClass,
    guiltyFrame: report.guiltyFrame ?? null,
    corrupted: report.corrupted,
    frames: report.frames.map((frame) => ({
      symbol: frame.symbol,
      offset: frame.offset ?? null,
      size: frame.size ?? null,
      module: frame.module ?? null,
      reliable: frame.reliable,
      context: frame.context,
    })),
    taint: report.taint ? { letters: report.taint.letters, flags: report.taint.flags } : null,
    kernel: report.kernel ?? null,
    hardware: report.hardware ?? null,
    modules: report.modules.map((module) => ({ name: module.name, flags: module.flags })),
    suspectModulesInStack: report.suspectModulesInStack,
    lines: [report.startLine, report.endLine],
  };
}

export function triageJson(file: string, result: TriageResult) {
  return {
    file,
    summary: { kernelReport: result.summary.kernelReport, outcome: result.summary.outcome, classes: result.summary.classes, text: result.summary.text },
    reports: result.reports.map(reportJson),
    symptoms: result.symptoms.map((symptom) => ({ id: symptom.id, title: symptom.title, line: symptom.lineNumber })),
    matches: result.matches.map((match) => ({ case: match.case, strength: match.strength, score: match.score, reasons: match.reasons })),
    tools: result.tools.map((tool) => tool.id),
    checklists: result.checklists.map((checklist) => checklist.id),
  };
}

function triageText(file: string, result: TriageResult): string {
  const out = [`${file}`, `  ${result.summary.text}`];
  result.reports.forEach((report, index) => {
    out.push(`  report ${index + 1} (lines ${report.startLine}-${report.endLine}): ${reportHeading(report)}`);
    const facts = [`class ${report.crashClass}`, `guilty frame ${report.guiltyFrame ?? 'not found'}`];
    if (report.kernel) facts.push(`kernel ${report.kernel}`);
    if (report.taint?.letters) facts.push(`taint ${report.taint.letters}`);
    if (report.corrupted) facts.push(`looks corrupted: ${report.corruptedReason}`);
    out.push(`    ${facts.join(' · ')}`);
    if (report.suspectModulesInStack.length > 0) {
      const flagged = report.suspectModulesInStack.map((name) => {
        const module = report.modules.find((item) => item.name === name);
        return `${name}${module?.flags ? `(${module.flags})` : ''}`;
      });
      out.push(`    !! out-of-tree/unsigned module in the stack: ${flagged.join(', ')}`);
    }
    const top = report.frames.filter((frame) => frame.reliable).slice(0, 8).map((frame) => frame.normalized + (frame.module ? ` [${frame.module}]` : ''));
    if (top.length > 0) out.push(`    frames: ${top.join(' < ')}`);
  });
  if (result.symptoms.length > 0) out.push(`  symptoms: ${result.symptoms.map((symptom) => `${symptom.title} (line ${symptom.lineNumber})`).join('; ')}`);
  const listed = (heading: string, matches: TriageResult['matches'], from: number) => {
    if (matches.length === 0) return;
    out.push(heading);
    matches.forEach((match, index) => {
      out.push(`    ${from + index + 1}. ${match.case} (${STRENGTH_LABELS[match.strength]})`);
      for (const reason of match.reasons) out.push(`       - ${reason}`);
    });
  };
  const strong = result.matches.filter((match) => match.strength === 'match').slice(0, 5);
  listed('  matching cases:', strong, 0);
  listed(strong.length > 0 ? '  also related, on common evidence only:' : '  no known case matches; related on common evidence only (frames, symptoms or modules many unrelated crashes share):', result.matches.filter((match) => match.strength === 'related').slice(0, strong.length > 0 ? 2 : 3), strong.length);
  if (result.tools.length > 0) out.push(`  run next${result.summary.outcome === 'match' ? '' : ` for this crash class`}: ${result.tools.slice(0, 6).map((tool) => tool.id).join(', ')}`);
  if (result.checklists.length > 0) out.push(`  checklists: ${result.checklists.map((checklist) => checklist.id).join(', ')}`);
  return out.join('\n');
}

export const triageCommand: CliCommand = {
  summary: 'parse crash logs and match them against the cases',
  usage,
  async run(args, io) {
    const json = args.includes('--json');
    const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--json');
    if (unknown.length > 0) {
      io.stderr.write(`oopsbook triage: unknown option ${unknown[0]}\n\n${usage}\n`);
      return 2;
    }
    const files = args.filter((arg) => !arg.startsWith('--') || arg === '-');
    if (files.length === 0) files.push('-');
    const index = buildTriageIndex(loadSiteGraph((line) => io.stderr.write(`${line}\n`)));
    let status = 0;
    for (const file of files) {
      let text: string;
      try {
        text = await readInput(file, io.stdin);
      } catch (error) {
        io.stderr.write(`oopsbook triage: ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}\n`);
        status = 1;
        continue;
      }
      const result = triageLog(text, index);
      io.stdout.write(json ? `${JSON.stringify(triageJson(file, result))}\n` : `${triageText(file, result)}\n\n`);
    }
    return status;
  },
};
