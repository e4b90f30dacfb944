import { countLabel } from '../site/count-label.ts';

/**
 * What each index found for a query; `titlesComplete` (`pagesComplete`) is false when more titled
 * pages (pages mentioning it) exist than were counted. `missingSymbols`: stack symbols the query
 * named that no case's stacks hold.
 */
export interface SearchTotals {
  symbols: number;
  titles: number;
  titlesComplete: boolean;
  pages: number;
  pagesComplete?: boolean;
  missingSymbols?: readonly string[];
}

/** `a`, `a or b`, `a, b or c`. */
function alternatives(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;
}

/**
 * The line above the results: where the matches came from and how many there are, such as
 * `3 cases with it in a stack trace; 12 pages mention it`. A stack symbol no case holds is said
 * first (`No case has mlx5e_napi_poll in its stack; 2 pages mention it`), and a query nothing
 * matched is named (`No page mentions zzzznotfound`). `rewritten` is the text searched for when it
 * differs from what was typed (a pasted frame loses its offset); `searched` is the text searched for.
 */
export function searchStatus(totals: SearchTotals, rewritten = '', searched = rewritten): string {
  const missing = totals.missingSymbols ?? [];
  const pages = `${totals.pagesComplete === false ? 'at least ' : ''}${countLabel(totals.pages, 'page')}`;
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`No case has ${alternatives(missing)} in its stack`);
  if (totals.symbols > 0) parts.push(`${countLabel(totals.symbols, 'case')} with it in a stack trace`);
  if (totals.titles > 0) parts.push(`${totals.titlesComplete ? '' : 'at least '}${countLabel(totals.titles, 'page')} with it in the title`);
  const found = totals.symbols > 0 || totals.titles > 0;
  if (totals.pages > 0) {
    if (found || missing.length > 0) parts.push(`${pages} ${totals.pages === 1 && totals.pagesComplete !== false ? 'mentions' : 'mention'} it`);
    else parts.push(`${totals.pagesComplete === false ? 'at least ' : ''}${countLabel(totals.pages, 'result')}`);
  } else if (!found) {
    if (missing.length > 0) parts.push('no page mentions it');
    else return searched === '' ? 'No results' : `No page mentions ${searched}`;
  }
  // A missing symbol is named already: the rewritten query would name it twice.
  return `${parts.join('; ')}${rewritten === '' || missing.length > 0 ? '' : ` for “${rewritten}”`}`;
}
