import { GENERATED_CHECKLIST_PREFIX } from '../checklists/symptom-checklist-id.ts';
import { checkReferences, type KnownIds } from './check-references.ts';
import { contentKinds, type ContentKind } from './content-kinds.ts';
import { findDuplicateHeadings } from './duplicate-headings.ts';
import { sortProblems, type ContentProblem } from './problem.ts';
import { validateEntry, type ParsedEntry, type SourceFile, type ValidEntry } from './validate-entry.ts';

/** The result of checking a whole content tree. */
export interface ContentCheck {
  entries: ValidEntry[];
  problems: ContentProblem[];
  /** Things that do not stop a build but make a page worse, such as a body repeating a section. */
  warnings: ContentProblem[];
}

/**
 * Validates every file and every cross reference, collecting all problems in one pass;
 * references are checked even in files that failed their schema.
 * Ids of files that failed their schema still count as existing, so one broken file does not
 * make every reference to it an error too.
 */
export function checkContent(files: readonly SourceFile[], diagramIds: Iterable<string>): ContentCheck {
  const entries: ValidEntry[] = [];
  const parsed: ParsedEntry[] = [];
  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  const ids = Object.fromEntries(Object.keys(contentKinds).map((kind) => [kind, new Set<string>()])) as Record<
    ContentKind,
    Set<string>
  >;

  for (const file of files) {
    ids[file.kind].add(file.id);
    if (file.kind === 'checklists' && file.id.startsWith(GENERATED_CHECKLIST_PREFIX)) {
      problems.push({
        file: file.displayPath,
        line: 1,
        path: '(file name)',
        message: `checklist ids starting with "${GENERATED_CHECKLIST_PREFIX}" are reserved for the checklists generated from each symptom; rename the file`,
      });
    }
    const result = validateEntry(file);
    problems.push(...result.problems);
    if (result.entry) {
      entries.push(result.entry);
      warnings.push(...findDuplicateHeadings(result.entry));
    }
    if (result.parsed) parsed.push(result.parsed);
  }

  const known: KnownIds = { ...ids, diagrams: new Set(diagramIds) };
  problems.push(...checkReferences(parsed, known));
  return { entries, problems: sortProblems(problems), warnings: sortProblems(warnings) };
}
