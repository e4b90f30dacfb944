import { describe, expect, it } from 'vitest';
import { instructionRole } from '../../src/lib/triage/instruction-role.ts';
import { clause, reportHeading } from '../../src/lib/triage/report-wording.ts';
import { parseOops } from '../../src/lib/oops/parse-oops.ts';

describe('what triage says about a report', () => {
  it('names a damaged report instead of titling it "in corrupted"', () => {
    expect(reportHeading({ title: 'WARNING in corrupted', corruptedReason: 'no stack trace in the report' })).toBe('WARNING (damaged report: no stack trace in the report)');
    expect(reportHeading({ title: 'BUG: bad usercopy in corrupted' })).toBe('BUG: bad usercopy (damaged report: no frame to blame)');
    expect(reportHeading({ title: 'BUG: Bad page state in tcp_data_queue' })).toBe('BUG: Bad page state in tcp_data_queue');
  });

  it('calls only the instruction of a fault or trap report the faulting one', () => {
    expect(instructionRole({ format: 'paging-request', rip: 'foo+0x1/0x2' })).toBe('fault');
    expect(instructionRole({ format: 'general-protection-fault', rip: 'foo+0x1/0x2' })).toBe('fault');
    expect(instructionRole({ format: 'warning', rip: 'foo+0x1/0x2' })).toBe('warning');
    expect(instructionRole({ format: 'soft-lockup', rip: 'foo+0x1/0x2' })).toBe('watchdog');
    expect(instructionRole({ format: 'bad-page-state', rip: 'native_safe_halt+0xe/0x10' })).toBe('interrupted');
    expect(instructionRole({ format: 'paging-request' })).toBeUndefined();
  });

  it('reads the role from a parsed report', () => {
    const [report] = parseOops(`BUG: unable to handle page fault for address: ffffc90000a3f000
#PF: supervisor read access in kernel mode
RIP: 0010:__alloc_pages_nodemask+0x1c/0x90
Call Trace:
 __alloc_pages_nodemask+0x1c/0x90
 alloc_pages_current+0x87/0xe0
`);
    expect(report && instructionRole(report)).toBe('fault');
  });

  it('joins notes without a stop before the semicolon', () => {
    expect(clause('First response.')).toBe('First response');
    expect(clause('  On a debug kernel; not on production. ')).toBe('On a debug kernel; not on production');
  });
});
