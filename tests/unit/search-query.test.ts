import { describe, expect, it } from 'vitest';
import { prepareSearchQuery } from '../../src/lib/search/prepare-query.ts';

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
