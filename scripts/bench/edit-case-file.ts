import { readFileSync, writeFileSync } from 'node:fs';

/** What an edit wrote, so a reader of the served page can tell the new version from the old. */
export interface CaseEdit {
  /** The new title, as the page's heading shows it. */
  title: string;
  /** A sentence added to the end of the Markdown body. */
  sentence: string;
}

/**
 * A real content change to a case file's source: a new `title` in the frontmatter and one more
 * sentence at the end of the body. `token` makes both unique (letters and digits only, so the
 * Markdown pipeline passes them through unchanged).
 */
export function editCaseSource(source: string, token: string): { source: string; edit: CaseEdit } {
  if (!/^[a-z0-9]+$/i.test(token)) throw new Error(`edit token must be letters and digits, got "${token}"`);
  const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (!match) throw new Error('case source has no frontmatter block');
  const frontmatter = match[1] ?? '';
  if (!/^title: .*$/m.test(frontmatter)) throw new Error('case frontmatter has no one-line title field');
  const edit: CaseEdit = { title: `Revised case ${token}`, sentence: `Checked again in revision ${token} of this case.` };
  const rewritten = frontmatter.replace(/^title: .*$/m, `title: ${JSON.stringify(edit.title)}`);
  const body = source.slice(match[0].length).replace(/\s*$/, '');
  return { source: `---\n${rewritten}\n---\n${body}\n\n${edit.sentence}\n`, edit };
}

/** Rewrites the file in place (one write of the whole file, no rename), as an editor's save does. */
export function editCaseFile(file: string, token: string): CaseEdit {
  const { source, edit } = editCaseSource(readFileSync(file, 'utf8'), token);
  writeFileSync(file, source);
  return edit;
}
