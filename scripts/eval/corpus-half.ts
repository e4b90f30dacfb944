/**
 * Which half of a numbered corpus a file belongs to: `N.txt` with N odd or even. Parser rules
 * are tuned on the odd half and measured on the even one, so a rule that helps one half and
 * not the other shows as a gap between them. Files without a number belong to neither half.
 */
export type CorpusHalf = 'odd' | 'even';

export function corpusHalf(name: string): CorpusHalf | undefined {
  const number = /^(\d+)\.txt$/.exec(name)?.[1];
  if (number === undefined) return undefined;
  return Number(number.at(-1)) % 2 === 0 ? 'even' : 'odd';
}
