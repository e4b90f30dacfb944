import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toLogLines } from '../../src/lib/oops/log-lines.ts';
import { reportFormats } from '../../src/lib/oops/report-formats.ts';

describe('the report format table', () => {
  // The parser offers a line that starts with a blank only to the formats whose header the kernel
  // prints indented (ReportFormat.indentedHeader). Every header line of the golden fixtures and of
  // the syzkaller corpus, indented by a blank, must match none of the other formats.
  const fixtures = path.resolve('tests/fixtures/oops');
  const files = [
    ...readdirSync(fixtures).filter((name) => name.endsWith('.log')).map((name) => path.join(fixtures, name)),
    ...readdirSync(path.join(fixtures, 'corpus')).map((name) => path.join(fixtures, 'corpus', name)),
  ];
  const headers = new Set<string>();
  for (const file of files) {
    for (const { text } of toLogLines(readFileSync(file, 'utf8'))) {
      if (text.length < 2000 && reportFormats.some((format) => format.header.test(text))) headers.add(text.trimStart());
    }
  }

  it('finds the header lines to check', () => {
    expect(headers.size).toBeGreaterThan(500);
  });

  it('matches an indented header line only with a format that says its header is indented', () => {
    const wrong: string[] = [];
    for (const header of headers) {
      for (const indent of [' ', '  ', '\t']) {
        const line = indent + header;
        // As the parser does: a format is tried only on a line that holds its hint.
        const format = reportFormats.find((candidate) => !candidate.indentedHeader && line.includes(candidate.hint) && candidate.header.test(line));
        if (format) wrong.push(`${format.name}: ${JSON.stringify(line).slice(0, 100)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
