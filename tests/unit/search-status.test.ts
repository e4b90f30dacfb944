import { describe, expect, it } from 'vitest';
import { searchStatus } from '../../src/lib/search/search-status.ts';

const none = { symbols: 0, titles: 0, titlesComplete: true, pages: 0 };

describe('search status line', () => {
  it('counts full-text results alone as results', () => {
    expect(searchStatus({ ...none, pages: 1 })).toBe('1 result');
    expect(searchStatus(none)).toBe('No results');
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

  it('says that nothing mentions the words, naming them', () => {
    expect(searchStatus(none, '', 'zzzznotfound')).toBe('No page mentions zzzznotfound');
    expect(searchStatus({ ...none, pages: 40, pagesComplete: false })).toBe('at least 40 results');
  });

  it('says first that no case has a named stack symbol, then what the text search found', () => {
    const missing = { ...none, missingSymbols: ['mlx5e_napi_poll'] };
    expect(searchStatus(missing, 'mlx5e_napi_poll', 'mlx5e_napi_poll')).toBe('No case has mlx5e_napi_poll in its stack; no page mentions it');
    expect(searchStatus({ ...missing, pages: 2 }, 'mlx5e_napi_poll')).toBe('No case has mlx5e_napi_poll in its stack; 2 pages mention it');
    expect(searchStatus({ ...none, titles: 1, missingSymbols: ['a_b', 'c_d'] })).toBe('No case has a_b or c_d in its stack; 1 page with it in the title');
  });

  it('names the rewritten query', () => {
    expect(searchStatus({ ...none, symbols: 1 }, 'xen_mc_flush')).toBe('1 case with it in a stack trace for “xen_mc_flush”');
  });
});
