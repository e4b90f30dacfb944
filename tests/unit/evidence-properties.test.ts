import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sequenceFromLog } from '../../src/lib/diagrams/evidence/sequence-from-log.ts';
import { sequenceSpecYaml } from '../../src/lib/diagrams/evidence/sequence-spec-yaml.ts';
import { validateDiagramSpec } from '../../src/lib/diagrams/validate-diagram-spec.ts';

// Pieces of the evidence each drawer reads, so random logs reach past "nothing found".
const fragments = [
  'BUG: KASAN: use-after-free in tcp_v4_rcv+0x1/0x2',
  'Read of size 8 at addr ffff88801d2c4000 by task a/1',
  'Allocated by task 7:', 'Freed by task 8 on cpu 1 at 12.000001s:', ' kfree+0x1/0x2', ' foo+0x10/0x20',
  'The buggy address belongs to the object at ffff88801d2c3f00', ' which belongs to the cache kmalloc-64 of size 64',
  'BUG: KFENCE: use-after-free read in f+0x1/0x2', 'Use-after-free read at 0xffff888000000000 (in kfence-#1):',
  'kfence-#1 [0xffff888000000000-0xffff88800000001f, size=32, cache=kmalloc-32] allocated by task 1:',
  'BUG: KCSAN: data-race in a / b', 'write to 0xffff888000000010 of 8 bytes by task 5 on cpu 0:',
  'read to 0xffff888000000010 of 8 bytes by interrupt on cpu 1:', 'value changed: 0x01 -> 0x02',
  'WARNING: possible circular locking dependency detected', ' Possible unsafe locking scenario:',
  '       CPU0                    CPU1', '  lock(a);', '                               lock(b);', '  <Interrupt>', '    lock(a);', ' *** DEADLOCK ***',
  '  bash-1977  [000] d.h1. 100.000001: sched_switch: prev=1', '  cat-2  [001] .... 100.000009: func <-parent',
  '  x-3  [002] 100.000010: tracing_mark_write: 0x16ce900 <img src=x>', '# tracer: nop', '',
];
const logs = fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 60 })), { maxLength: 60 }).map((lines) => lines.join('\n'));

describe('drawing evidence', () => {
  it('never throws, and whatever it draws is a valid spec', () => {
    fc.assert(
      fc.property(logs, fc.boolean(), (text, follow) => {
        const result = sequenceFromLog(text, follow ? { follow: ['0x16ce900', '7'] } : {});
        if (!result.ok) {
          expect(result.line).toBeGreaterThanOrEqual(1);
          return;
        }
        const yaml = sequenceSpecYaml(result.spec);
        expect(validateDiagramSpec({ id: 'drawn', displayPath: 'drawn.yaml', source: yaml }).problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a long trace in linear time', () => {
    const line = (index: number) => `  task-${index % 7}  [00${index % 4}] d.s1. ${1000 + index / 1e6}: netif_receive_skb: skbaddr=0x${(index % 97).toString(16)} len=98`;
    const time = (count: number) => {
      const text = Array.from({ length: count }, (_unused, index) => line(index)).join('\n');
      const started = performance.now();
      sequenceFromLog(text, { follow: ['0x5'] });
      return performance.now() - started;
    };
    time(2_000);
    // The fastest of three runs of each size: one run on a shared machine can be slowed by anything.
    const fastest = (count: number) => Math.min(time(count), time(count), time(count));
    const small = fastest(5_000);
    const large = fastest(50_000);
    // Ten times the lines may cost up to about ten times the time, with room for a noisy machine.
    expect(large).toBeLessThan(small * 25 + 50);
  });
});
