/** A crash log with the answers a reference parser gave for it. */
export interface CorpusCase {
  /** Expected title; absent when the log holds no crash. */
  title?: string;
  alternatives: string[];
  type?: string;
  frame?: string;
  corrupted: boolean;
  log: string;
}

/**
 * Reads the annotated corpus format: `KEY: value` header lines up to the first blank line
 * (`#` starts a comment), then the console log; a later `REPORT:` line starts the expected
 * extracted report, which is not part of the log.
 */
export function parseCorpusFile(source: string): CorpusCase {
  const text = source.replace(/\r/g, '');
  const blank = text.indexOf('\n\n');
  const head = blank >= 0 ? text.slice(0, blank) : text;
  let log = blank >= 0 ? text.slice(blank + 2) : '';
  const reportAt = log.search(/^REPORT:$/m);
  if (reportAt >= 0) log = log.slice(0, reportAt);
  const result: CorpusCase = { alternatives: [], corrupted: false, log };
  for (const line of head.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([A-Z]+): ?(.*)$/.exec(line);
    if (!match) continue;
    const [, key, value = ''] = match;
    if (key === 'TITLE') result.title = value;
    else if (key === 'ALT') result.alternatives.push(value);
    else if (key === 'TYPE') result.type = value;
    else if (key === 'FRAME') result.frame = value;
    else if (key === 'CORRUPTED') result.corrupted = value === 'Y';
  }
  return result;
}

/** Titles about the fuzzing machine itself rather than a kernel crash. */
export function isFuzzerMachineTitle(title: string): boolean {
  return /^(?:SYZFAIL|SYZFATAL|lost connection to test machine|no output from test machine|go runtime error|executor failed|test machine is not executing programs)/.test(title);
}
