import { describe, expect, it } from 'vitest';
import { findSymbolMentions, parseStackFrames } from '../../src/lib/oops/frames.ts';
import { segmentLogLine } from '../../src/lib/oops/segment-log-line.ts';
import { stripLogPrefix } from '../../src/lib/oops/strip-log-prefix.ts';

describe('stripLogPrefix', () => {
  it.each([
    ['Apr 6 02:50:06 localhost kernel: [ 3107.388125] [] xen_mc_flush+0x177/0x190', '[] xen_mc_flush+0x177/0x190'],
    ['Apr  6 02:50:06 localhost kernel: [ 3107.388125] WARNING: at x', 'WARNING: at x'],
    ['kernel:  i40e_napi_poll+0x137f/0x1720 [i40e]', ' i40e_napi_poll+0x137f/0x1720 [i40e]'],
    ['[  123.456789][ T1234] RIP: 0010:foo+0x1/0x2', 'RIP: 0010:foo+0x1/0x2'],
    ['[  123.456789] [    C0] <IRQ>', '<IRQ>'],
    ['plain line', 'plain line'],
  ])('%s', (line, expected) => {
    expect(stripLogPrefix(line)).toBe(expected);
  });
});

describe('parseStackFrames', () => {
  const trace = [
    'kernel: Call Trace:',
    'kernel:  <IRQ>',
    'kernel:  dump_stack+0x70/0x8d',
    'kernel:  bad_page.cold+0x63/0x94',
    'kernel:  i40e_napi_poll+0x137f/0x1720 [i40e]',
    'kernel:  ? check_preempt_curr+0x84/0x90',
    'kernel:  </IRQ>',
    'kernel:  do_softirq_own_stack+0x3d/0x50',
    'kernel: RIP: 0010:native_safe_halt+0xe/0x10',
    ' [<ffffffff816606a8>] dump_stack+0x19/0x1b',
    'Apr 6 02:50:06 localhost kernel: [ 3107.388128] [] __xen_pgd_pin+0x23c/0x290',
  ].join('\n');
  const frames = parseStackFrames(trace);

  it('finds every frame with symbol, offset, size and module', () => {
    expect(frames.map((frame) => frame.symbol)).toEqual([
      'dump_stack',
      'bad_page.cold',
      'i40e_napi_poll',
      'check_preempt_curr',
      'do_softirq_own_stack',
      'native_safe_halt',
      'dump_stack',
      '__xen_pgd_pin',
    ]);
    expect(frames[2]).toEqual({
      symbol: 'i40e_napi_poll',
      normalized: 'i40e_napi_poll',
      offset: '0x137f',
      size: '0x1720',
      module: 'i40e',
      reliable: true,
      context: 'IRQ',
      isRip: false,
    });
  });

  it('marks ? frames unreliable, tracks IRQ context and the RIP line', () => {
    expect(frames[3]?.reliable).toBe(false);
    expect(frames[1]?.context).toBe('IRQ');
    expect(frames[4]?.context).toBe('task');
    expect(frames[5]?.isRip).toBe(true);
    expect(frames[1]?.normalized).toBe('bad_page');
  });

  it('ignores lines that are not frames', () => {
    expect(parseStackFrames('BUG: Bad page state in process swapper/57  pfn:7d518e\nflags: 0x57ffffc0010200(slab|head)')).toEqual([]);
  });
});

describe('symbols written inside log lines', () => {
  it('finds function+offset tokens anywhere', () => {
    expect(
      findSymbolMentions('WARNING: at arch/x86/xen/multicalls.c:129 xen_mc_flush+0x177/0x190()\n  __xsk_rcv_zc_L7: (__xsk_rcv_zc+0x9b/0x250) addr=0x16ce900'),
    ).toEqual(['xen_mc_flush', '__xsk_rcv_zc']);
  });

  it('cuts a line into text and linkable symbols', () => {
    expect(segmentLogLine('kernel:  ? bad_page.cold+0x63/0x94 [x]')).toEqual([
      { text: 'kernel:  ? ' },
      { text: 'bad_page.cold+0x63/0x94', symbol: 'bad_page' },
      { text: ' [x]' },
    ]);
    expect(segmentLogLine('')).toEqual([{ text: '' }]);
  });
});

describe('log lines as HTML', () => {
  it('links each frame to its symbol page and escapes the rest', async () => {
    const { logLinesHtml } = await import('../../src/lib/oops/log-lines-html.ts');
    const html = logLinesHtml(' <TASK>\n i40e_napi_poll+0x137f/0x1720 [i40e]\n', '/');
    expect(html).toBe('<span class="line"> &lt;TASK&gt;</span>\n<span class="line"> <a href="/symbols/i40e_napi_poll/">i40e_napi_poll+0x137f/0x1720</a> [i40e]</span>\n');
  });
});
