import { describe, expect, it } from 'vitest';
import { reportFormats } from '../../src/lib/oops/report-formats.ts';

describe('the report format table', () => {
  // The parser looks for headers only on lines that start with a non-blank character (frames and
  // continuation lines are indented): a header pattern must be anchored there.
  it.each(reportFormats.map((format) => [format.name, format.header] as const))('%s starts at a non-blank character', (_name, header) => {
    const branches = header.source.startsWith('(?:^') ? header.source.slice(3, -1).split(/\|(?=\^)/) : [header.source];
    for (const branch of branches) {
      expect(branch.startsWith('^')).toBe(true);
      expect(branch.slice(1)).not.toMatch(/^(?:\s|\\s|\\t|\[ |\(\?:\s|\(\?:\\s| )/);
    }
  });
});
