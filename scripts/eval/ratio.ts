/** A rate as the two counts it comes from, so output can show both. */
export interface Ratio {
  correct: number;
  total: number;
}

export const ratio = (): Ratio => ({ correct: 0, total: 0 });

/** Counts one case into a ratio. */
export function tally(target: Ratio, correct: boolean): void {
  target.total++;
  if (correct) target.correct++;
}

/** The rate in [0, 1]; an empty ratio counts as perfect, so a floor never fails on no data. */
export const rate = ({ correct, total }: Ratio): number => (total === 0 ? 1 : correct / total);

export const percent = ({ correct, total }: Ratio): string =>
  total === 0 ? 'n/a' : `${((100 * correct) / total).toFixed(1)}% (${correct}/${total})`;
