import type { CorpusFile } from './corpus-files.ts';

/**
 * The three kinds of corpus folder, told apart by what they hold:
 * - `github-pastes`: a `MANIFEST.tsv` with the expected function and module of each paste;
 * - `syzkaller`: logs opening with `TITLE:`/`TYPE:`/`FRAME:` header lines (syzbot's answers);
 * - `abrt`: plain logs with `NAME.right` files (the report ABRT extracted) and a README naming
 *   the crash-free logs.
 */
export type CorpusFormat = 'syzkaller' | 'abrt' | 'github-pastes';

// Header lines up to the first blank line, one of them a title or a crash class.
const ANNOTATED = /^(?:(?:#.*|[A-Z]+:.*)\n)*(?:TITLE|TYPE): /;

export function detectCorpusFormat(files: readonly CorpusFile[]): CorpusFormat | undefined {
  if (files.some((file) => file.name === 'MANIFEST.tsv')) return 'github-pastes';
  if (files.some((file) => ANNOTATED.test(file.source.replace(/\r/g, '')))) return 'syzkaller';
  if (files.some((file) => file.name.endsWith('.right'))) return 'abrt';
  return undefined;
}
