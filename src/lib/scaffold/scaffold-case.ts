import { Document, isNode } from 'yaml';
import { AUTHOR_MARKER } from '../content/author-marker.ts';
import type { OopsReport } from '../oops/report-types.ts';
import type { TriageResult } from '../triage/triage-log.ts';
import { guessArch, guessHypervisor } from './guess-environment.ts';

/** Where the log came from and when it was captured. */
export interface ScaffoldSource {
  /** File name as the author gave it, shown in the header comment. */
  name: string;
  /** The log as read. */
  text: string;
  /** The day the log was captured (its file date), `YYYY-MM-DD`. */
  capturedOn: string;
}

const todo = (what: string) => `${AUTHOR_MARKER} ${what}`;

/** Flags that mark a module as built outside the kernel tree. */
const OUT_OF_TREE_FLAG = 'O';

/** Names tools print in the module column for the core kernel image; they are not drivers. */
const CORE_IMAGE_NAMES = new Set(['kernel', 'vmlinux']);

/** Separator lines that frame every report; they identify nothing. */
const FRAMING_LINE = /-{4,}\[ (?:cut here|end trace[^\]]*) \]-{4,}/;

/** A slug for the case from its title: kebab-case, at most 60 characters, cut at a word. */
export function slugFromTitle(title: string): string {
  const words = title.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 60) break;
    slug = next;
  }
  return slug || 'kernel-crash';
}

/** The input's own lines of one report, verbatim, prefixes and timestamps kept. */
function rawLines(text: string, report: OopsReport): string {
  return text.split(/\r?\n/).slice(report.startLine - 1, report.endLine).join('\n');
}

function driversOf(reports: OopsReport[]) {
  const drivers = new Map<string, { name: string; origin: 'in-tree' | 'out-of-tree' }>();
  for (const report of reports) {
    const flagsOf = (name: string) => report.modules.find((module) => module.name === name)?.flags ?? '';
    const inStack = new Set(report.frames.flatMap((frame) => (frame.module ? [frame.module] : [])));
    for (const name of [...inStack, ...report.suspectModules]) {
      if (drivers.has(name) || CORE_IMAGE_NAMES.has(name)) continue;
      drivers.set(name, { name, origin: flagsOf(name).includes(OUT_OF_TREE_FLAG) ? 'out-of-tree' : 'in-tree' });
    }
  }
  return [...drivers.values()];
}

/**
 * A case file prefilled from a parsed log: title, signatures, stacks, symptoms, environment and
 * modules. What only a person can know is left as text starting with `FILL IN:`, which
 * `oopsbook check` reports as still to be written.
 */
export function scaffoldCase(source: ScaffoldSource, triage: TriageResult): string {
  const [first] = triage.reports;
  if (!first) throw new Error('no crash report to scaffold from');
  const reports = triage.reports;
  const arch = reports.map(guessArch).find((value) => value !== undefined);
  const hypervisor = reports.map(guessHypervisor).find((value) => value !== undefined);
  const kernels = [...new Set(reports.flatMap((report) => (report.kernel ? [report.kernel] : [])))];
  const hardware = [...new Set(reports.flatMap((report) => (report.hardware ? [report.hardware] : [])))];
  const inputLines = source.text.split(/\r?\n/);
  const signatures = [
    ...reports.map((report) => inputLines[report.startLine - 1] ?? ''),
    ...triage.symptoms.map((symptom) => inputLines[symptom.lineNumber - 1] ?? ''),
  ]
    .map((line) => line.trimEnd())
    .filter((line, index, all) => line.trim() !== '' && !FRAMING_LINE.test(line) && all.indexOf(line) === index);

  const data = {
    title: first.title,
    summary: todo('one paragraph: what broke, why, and how it was found.'),
    firstSeen: source.capturedOn,
    status: 'open',
    severity: todo('critical (host down or data loss), high, medium or low'),
    environment: {
      kernels,
      arch: [arch ?? todo('CPU architecture, e.g. x86_64')],
      ...(hypervisor ? { hypervisor: hypervisor.hypervisor } : {}),
      hardware,
      drivers: driversOf(reports),
    },
    subsystems: [todo('kernel subsystems involved, kebab-case, e.g. networking, mm, dma')],
    symptoms: triage.symptoms.length > 0 ? triage.symptoms.map((symptom) => symptom.id) : [todo('symptom ids from content/symptoms/')],
    signatures,
    stacks: reports.map((report) => ({
      label: `${report.title} (lines ${report.startLine}-${report.endLine} of ${source.name}${report.kernel ? `, ${report.kernel}` : ''})`,
      log: rawLines(source.text, report),
    })),
    hypothesis: todo('the working hypothesis, stated as such, until the root cause is confirmed.'),
  };

  const document = new Document(data);
  document.commentBefore = [
    ` Scaffolded by \`oopsbook new\` from ${source.name}. Every value starting with "${AUTHOR_MARKER}"`,
    ' is for a person to write; `npm run check` lists those still left.',
  ].join('\n');
  const annotate = (path: string[], comment: string) => {
    const node = document.getIn(path, true);
    if (isNode(node)) node.commentBefore = comment;
  };
  annotate(['firstSeen'], ` Date of ${source.name}; set it to when the failure was first seen.`);
  if (hypervisor) annotate(['environment', 'hypervisor'], ` Guessed from ${hypervisor.clue}.`);
  if (arch) annotate(['environment', 'arch'], ' Read off the register dump.');
  annotate(['environment', 'drivers'], ' Modules in the stack, and modules the kernel flagged out-of-tree, unsigned or proprietary.');
  if (triage.symptoms.length > 0) annotate(['symptoms'], ' Symptom signatures found in the log.');

  const yaml = document.toString({ lineWidth: 0, blockQuote: 'literal' });
  const body = [
    '## What happened',
    '',
    todo('the machines, the load, and what people saw before and after the crash.'),
    '',
    '## Investigation',
    '',
    todo('each tool tried, in order, and what it showed; add them to `tools` in the frontmatter too.'),
    '',
  ].join('\n');
  return `---\n${yaml}---\n\n${body}`;
}
