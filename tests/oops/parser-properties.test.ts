import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseOops } from '../../src/lib/oops/parse-oops.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/oops');

// Pieces of real reports, so random logs reach the parser's deeper paths, not just "no header".
const fragments = [
  'WARNING: CPU: 0 PID: 1 at net/core/dev.c:10 foo+0x10/0x20',
  'BUG: KASAN: use-after-free in tcp_v4_rcv+0x1/0x2',
  'Read of size 8 at addr ffff88801d2c4000 by task a/1',
  'general protection fault, probably for non-canonical address 0xdffffc0000000000: 0000 [#1]',
  'INFO: task syz:1 blocked for more than 143 seconds.',
  'rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:',
  'WARNING: possible circular locking dependency detected',
  'kernel BUG at mm/usercopy.c:99!',
  'Kernel panic - not syncing: panic_on_warn set ...',
  'Call Trace:', '<IRQ>', '</IRQ>', '<TASK>', ' ? foo+0x1/0x2', ' bar.isra.0+0x10/0x20 [mod]',
  'RIP: 0010:baz+0x1/0x2', '[<ffffffff816606a8>] qux+0x19/0x1b', '[] xen_mc_flush+0x177/0x190',
  'Modules linked in: i40e(OE) tun', 'CPU: 1 PID: 2 Comm: x Tainted: G    B D    OE     5.8.0 #1',
  'stack backtrace:', '---[ end trace 0 ]---', '[  1.000000][ T1] ', 'Apr  6 02:50:06 host kernel: ', '[ INFO: ', ' ]',
];

describe('parseOops never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
        expect(Array.isArray(parseOops(text))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary bytes decoded as a console would', () => {
    const decoder = new TextDecoder('utf-8', { fatal: false });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => {
        expect(Array.isArray(parseOops(decoder.decode(bytes)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('on shuffled report fragments, and every report it gives is well formed', () => {
    const line = fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 40 }));
    const prefixed = fc.tuple(fc.constantFrom('', '[  12.345678] ', '[  12.345678][ T12] ', 'kernel: '), line).map(([prefix, text]) => prefix + text);
    fc.assert(
      fc.property(fc.array(prefixed, { maxLength: 120 }), (lines) => {
        for (const report of parseOops(lines.join('\n'))) {
          expect(report.title.length).toBeGreaterThan(0);
          expect(report.startLine).toBeLessThanOrEqual(report.endLine);
          expect(report.corrupted).toBe(report.corruptedReason !== undefined);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** The fastest of a few runs, in milliseconds: less noise than a single run. */
function fastest(run: () => void, times = 5): number {
  let best = Infinity;
  for (let index = 0; index < times; index++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** Time for input of size n and 4n; a linear parser stays near 4x, a quadratic one near 16x. */
function growth(make: (size: number) => string, size: number): number {
  const small = make(size);
  const large = make(size * 4);
  parseOops(small); // warm-up
  const smallTime = Math.max(fastest(() => parseOops(small)), 1);
  const largeTime = fastest(() => parseOops(large));
  return largeTime / smallTime;
}

describe('parseOops runs in linear time', () => {
  const report = readFileSync(path.join(fixtures, 'i40e-out-of-tree-bad-page-state-then-usercopy.log'), 'latin1');

  it('on a 10 MB log of repeated reports and noise', () => {
    const block = `${report}\nrandom: crng init done\n[ 1.000000] usb 1-1: new device\n`;
    const make = (size: number) => block.repeat(Math.ceil(size / block.length));
    // 2.5 MB, then 10 MB.
    expect(growth(make, 2_500_000)).toBeLessThan(10);
  }, 120_000);

  it.each([
    ['brackets', '[<'],
    ['timestamps', '[ 1.000000]'],
    ['offsets', 'a+0x1/'],
    ['spaces', ' '],
    ['warning words', 'WARNING: '],
    ['a symbol', 'foo_bar'],
  ])('on a single 1 MB line of %s (and a 4 MB one)', (_name, unit) => {
    const make = (size: number) => `Call Trace:\n${unit.repeat(Math.ceil(size / unit.length))}`;
    expect(growth(make, 1_000_000)).toBeLessThan(10);
  }, 120_000);

  it('on many 4 KB lines of blanks ending in a timestamp-like tail', () => {
    const line = `${' '.repeat(3980)}x [ 1.000000].`;
    const make = (size: number) => Array.from({ length: Math.ceil(size / line.length) }, () => line).join('\n');
    expect(growth(make, 1_000_000)).toBeLessThan(10);
  }, 120_000);

  it('on 1 MB lines after a header, with a stack trace below them', () => {
    const make = (size: number) => `BUG: KASAN: use-after-free in f+0x1/0x2\n${'x'.repeat(size)}\nCall Trace:\n ${'g'.repeat(size)}+0x1/0x2\n`;
    expect(growth(make, 1_000_000)).toBeLessThan(10);
  }, 120_000);
});
