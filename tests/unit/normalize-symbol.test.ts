import { describe, expect, it } from 'vitest';
import { looksLikeStackSymbol, normalizeSymbol, symbolRewrites } from '../../src/lib/symbols/normalize-symbol.ts';

describe('normalizeSymbol', () => {
  it.each([
    ['i40e_napi_poll+0x137f/0x1720 [i40e]', 'i40e_napi_poll'],
    ['? check_preempt_curr+0x84/0x90', 'check_preempt_curr'],
    ['xen_mc_flush+0x177/0x190', 'xen_mc_flush'],
    ['__xsk_rcv_zc+0x9b/0x250', '__xsk_rcv_zc'],
    ['bad_page.cold+0x63/0x94', 'bad_page'],
    ['ip_list_rcv_finish.constprop.0+0x163/0x190', 'ip_list_rcv_finish'],
    ['__check_object_size.part.0+0x128/0x150', '__check_object_size'],
    ['tcp_v4_rcv.isra.0', 'tcp_v4_rcv'],
    ['foo.cold.12', 'foo'],
    ['foo.isra.0.cold', 'foo'],
    ['nvme_queue_rq+0x1f', 'nvme_queue_rq'],
    ['  dump_stack  ', 'dump_stack'],
    ['nfs_page_async_flush.llvm.9812346527342113+0x12/0x40', 'nfs_page_async_flush'],
    ['tcp_sendmsg_locked.__uniq.173212831523829838214389621', 'tcp_sendmsg_locked'],
    ['binder_ioctl.cfi_jt+0x0/0x8', 'binder_ioctl'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeSymbol(raw)).toBe(expected);
  });

  it('applies its rewrites in a fixed, named order', () => {
    expect(symbolRewrites.map((rewrite) => rewrite.name)).toEqual([
      'trim',
      'unreliable marker',
      'module suffix',
      'offset and size',
      'compiler clone suffixes',
    ]);
  });

  it('is idempotent', () => {
    for (const raw of ['bad_page.cold+0x63/0x94', '? a.isra.1+0x1/0x2 [m]', '__x']) {
      expect(normalizeSymbol(normalizeSymbol(raw))).toBe(normalizeSymbol(raw));
    }
  });

  it('recognises what a code span naming a symbol looks like', () => {
    expect(looksLikeStackSymbol('i40e_napi_poll')).toBe(true);
    expect(looksLikeStackSymbol('__xsk_rcv_zc+0x9b/0x250')).toBe(true);
    expect(looksLikeStackSymbol('i40e_napi_poll+0x137f/0x1720 [i40e]')).toBe(true);
    expect(looksLikeStackSymbol('echo 1 > tracing_on')).toBe(false);
    expect(looksLikeStackSymbol('/sys/kernel/tracing')).toBe(false);
  });
});
