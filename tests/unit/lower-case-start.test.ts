import { describe, expect, it } from 'vitest';
import { lowerCaseStart } from '../../src/lib/checklists/lower-case-start.ts';

describe('lowerCaseStart', () => {
  it('lower-cases an ordinary first word', () => {
    expect(lowerCaseStart('Bad page state')).toBe('bad page state');
    expect(lowerCaseStart('Xen multicall failure')).toBe('xen multicall failure');
  });

  it('keeps a first word with two or more capitals as written', () => {
    expect(lowerCaseStart('SLUB object corruption report')).toBe('SLUB object corruption report');
    expect(lowerCaseStart('AF_XDP descriptor duplicates')).toBe('AF_XDP descriptor duplicates');
    expect(lowerCaseStart('PowerPC machine check')).toBe('PowerPC machine check');
    expect(lowerCaseStart('DMA-API debug warning')).toBe('DMA-API debug warning');
  });
});
