import type { CaseData } from '../../schemas/case.ts';

/** A section a case page builds from structured fields rather than from the Markdown body. */
export interface CaseSection {
  /** Anchor id on the page. */
  id: string;
  /** The heading the page prints. */
  heading: string;
  /** Other names an author might give the same section in the body. */
  alsoCalled: readonly string[];
  /** Whether the page shows the section for this case. */
  shown(data: CaseData): boolean;
}

/**
 * The sections of a case page that come from frontmatter, in page order. The page prints these
 * headings and `oopsbook check` warns when a body repeats one, so both read this one list.
 */
export const caseSections = {
  environment: { id: 'environment', heading: 'Environment', alsoCalled: ['Setup', 'System'], shown: () => true },
  signatures: { id: 'signatures', heading: 'Log signatures', alsoCalled: ['Signatures'], shown: (data) => data.signatures.length > 0 },
  stacks: { id: 'stacks', heading: 'Stack traces and logs', alsoCalled: ['Stack trace', 'Stack traces', 'Logs', 'Call trace'], shown: (data) => data.stacks.length > 0 },
  investigation: { id: 'investigation', heading: 'Investigation timeline', alsoCalled: ['Timeline', 'Tools', 'Tools used'], shown: (data) => data.tools.length > 0 },
  versionMatrix: { id: 'version-matrix', heading: 'Version matrix', alsoCalled: ['Versions', 'Bisection'], shown: (data) => data.versionMatrix !== undefined },
  rootCause: { id: 'root-cause', heading: 'Root cause', alsoCalled: ['Cause'], shown: (data) => data.rootCause !== undefined },
  hypothesis: { id: 'hypothesis', heading: 'Working hypothesis', alsoCalled: ['Hypothesis'], shown: (data) => data.hypothesis !== undefined },
  fix: { id: 'fix', heading: 'Fix', alsoCalled: ['The fix', 'Fixes'], shown: (data) => data.fix !== undefined },
  mitigations: { id: 'mitigations', heading: 'Mitigations', alsoCalled: ['Mitigation', 'Workaround', 'Workarounds'], shown: (data) => data.mitigations.length > 0 },
  reproduction: { id: 'reproduction', heading: 'Reproduction', alsoCalled: ['Reproducer', 'How to reproduce'], shown: (data) => data.reproduction !== undefined },
  diagrams: { id: 'diagrams', heading: 'Diagrams', alsoCalled: ['Diagram'], shown: (data) => data.diagrams.length > 0 },
  lessons: { id: 'lessons', heading: 'Lessons', alsoCalled: ['Lessons learned', 'Takeaways'], shown: (data) => data.lessons.length > 0 },
  references: { id: 'references', heading: 'References', alsoCalled: ['Links', 'Further reading', 'Sources'], shown: (data) => data.references.length > 0 },
  symptoms: { id: 'symptoms', heading: 'Symptoms', alsoCalled: ['Symptom'], shown: () => true },
  checklists: { id: 'checklists', heading: 'Checklists', alsoCalled: ['Checklist'], shown: (data) => data.checklists.length > 0 },
} as const satisfies Record<string, CaseSection>;

/** Heading text compared without case, punctuation or spacing. */
export function headingKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The structured section of this case a body heading repeats, if any. */
export function sectionRepeatedBy(heading: string, data: CaseData): CaseSection | undefined {
  const key = headingKey(heading);
  return Object.values(caseSections).find(
    (section: CaseSection) => section.shown(data) && [section.heading, ...section.alsoCalled].some((name) => headingKey(name) === key),
  );
}
