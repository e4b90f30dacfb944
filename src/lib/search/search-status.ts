import { countLabel } from '../site/count-label.ts';

/** What each index found for a query; `titlesComplete` is false when more titled pages exist than were found. */
export interface SearchTotals {
  symbols: number;
  titles: number;
  titlesComplete: boolean;
  pages: number;
}

/**
 * The line above the results: where the matches came from and how many there are, such as
 * `3 cases with it in a stack trace; 12 pages mention it`. `rewritten` is the text searched for
 * when it differs from what was typed (a pasted frame loses its offset).
 */
export function searchStatus(totals: SearchTotals, rewritten = ''): string {
  const parts: string[] = [];
  if (totals.symbols > 0) parts.push(`${countLabel(totals.symbols, 'case')} with it in a stack trace`);
  if (totals.titles > 0) parts.push(`${totals.titlesComplete ? '' : 'at least '}${countLabel(totals.titles, 'page')} with it in the title`);
  if (parts.length === 0) parts.push(countLabel(totals.pages, 'result'));
  else if (totals.pages > 0) parts.push(`${countLabel(totals.pages, 'page')} ${totals.pages === 1 ? 'mentions' : 'mention'} it`);
  return `${parts.join('; ')}${rewritten === '' ? '' : ` for “${rewritten}”`}`;
}
