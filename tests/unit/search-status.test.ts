import { describe, expect, it } from 'vitest';
import { searchStatus } from '../../src/lib/search/search-status.ts';

const none = { symbols: 0, titles: 0, titlesComplete: true, pages: 0 };

describe('search status line', () => {
  it('counts full-text results alone as results', () => {
    expect(searchStatus({ ...none, pages: 1 })).toBe('1 result');
    expect(searchStatus(none)).toBe('0 results');
    expect(searchStatus({ ...none, pages: 1204 })).toBe('1,204 results');
  });

  it('says where the matches came from when a fast index found some', () => {
    expect(searchStatus({ ...none, symbols: 3, pages: 12 })).toBe('3 cases with it in a stack trace; 12 pages mention it');
    expect(searchStatus({ ...none, titles: 1, pages: 1 })).toBe('1 page with it in the title; 1 page mentions it');
    expect(searchStatus({ ...none, symbols: 2, titles: 4 })).toBe('2 cases with it in a stack trace; 4 pages with it in the title');
  });

  it('says "at least" when the title index lists only part of the titles', () => {
    expect(searchStatus({ ...none, titles: 40, titlesComplete: false, pages: 333 })).toBe('at least 40 pages with it in the title; 333 pages mention it');
  });

  it('names the rewritten query', () => {
    expect(searchStatus({ ...none, symbols: 1 }, 'xen_mc_flush')).toBe('1 case with it in a stack trace for “xen_mc_flush”');
  });
});
