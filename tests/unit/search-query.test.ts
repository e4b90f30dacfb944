import { describe, expect, it } from 'vitest';
import { prepareSearchQuery } from '../../src/lib/search/prepare-query.ts';
import { symbolSearchTerms } from '../../src/lib/symbols/symbol-search-terms.ts';

describe('prepareSearchQuery', () => {
  it.each([
    ['xen_mc_flush+0x177/0x190', 'xen_mc_flush', ['xen_mc_flush']],
    ['i40e_napi_poll+0x137f/0x1720 [i40e]', 'i40e_napi_poll', ['i40e_napi_poll']],
    ['? bad_page.cold+0x63/0x94', 'bad_page', ['bad_page']],
    ['[<ffffffff816606a8>] dump_stack+0x19/0x1b', 'dump_stack', ['dump_stack']],
    ['__xsk_rcv_zc', '__xsk_rcv_zc', ['__xsk_rcv_zc']],
    ['Bad page state', 'Bad page state', []],
  ])('%s', (input, text, symbols) => {
    expect(prepareSearchQuery(input)).toEqual({ text, symbols });
  });
});

describe('symbolSearchTerms', () => {
  it('adds the name without leading underscores; prefixes are left to the index', () => {
    expect(symbolSearchTerms('__xsk_rcv_zc')).toEqual(['__xsk_rcv_zc', 'xsk_rcv_zc']);
    expect(symbolSearchTerms('__check_heap_object')).toEqual(['__check_heap_object', 'check_heap_object']);
    expect(symbolSearchTerms('kfree')).toEqual(['kfree']);
  });
});
