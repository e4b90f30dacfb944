/** `1 case`, `4,411 cases`: a count with its noun, thousands separated. */
export function countLabel(count: number, noun: string): string {
  return `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
}
