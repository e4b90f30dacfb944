import { describe, expect, it } from 'vitest';
import { caseSource, checkSources, validSymptom, validTool } from '../support/check-sources.ts';

const base = { 'tools/kasan': validTool, 'symptoms/bad-page-state': validSymptom };

describe('content validation', () => {
  it('accepts valid content', () => {
    expect(checkSources({ ...base, 'cases/a-case': caseSource() })).toEqual([]);
  });

  it('reports a file without frontmatter', () => {
    expect(checkSources({ ...base, 'cases/a-case': '# Just a heading\n' })).toMatchInlineSnapshot(`
      [
        "content/cases/a-case.md:1 (frontmatter): missing: the file must start with a line "---", the YAML fields, and a closing "---"",
      ]
    `);
  });

  it('reports a file name that is not kebab-case', () => {
    expect(checkSources({ ...base, 'cases/Bad_Name': caseSource() })).toMatchInlineSnapshot(`
      [
        "content/cases/Bad_Name.md:1 (file name): "Bad_Name.md" must be kebab-case, e.g. "bad-name.md"",
      ]
    `);
  });

  it('reports YAML syntax errors at their line', () => {
    expect(checkSources({ ...base, 'cases/a-case': '---\ntitle: A\nsummary: [unclosed\n---\n' })).toMatchInlineSnapshot(`
      [
        "content/cases/a-case.md:3 (frontmatter): YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]",
      ]
    `);
  });

  it('reports a missing required field at the top of the frontmatter', () => {
    const source = caseSource().replace('severity: high\n', '');
    expect(checkSources({ ...base, 'cases/a-case': source })).toMatchInlineSnapshot(`
      [
        "content/cases/a-case.md:2 severity: is required: one of critical | high | medium | low",
      ]
    `);
  });

  it('reports a wrong type with a hint to quote numbers', () => {
    const source = caseSource().replace("kernels: ['5.8.0']", 'kernels: [5.10]');
    expect(checkSources({ ...base, 'cases/a-case': source })).toMatchInlineSnapshot(`
      [
        "content/cases/a-case.md:8 environment.kernels[0]: expected text, got number 5.10 (YAML reads it as 5.1; quote it: "5.10")",
      ]
    `);
  });

  it('reports an enum value with a suggestion', () => {
    const source = caseSource('', '').replace('status: root-caused', 'status: rootcaused');
    expect(checkSources({ ...base, 'cases/a-case': source })).toMatchInlineSnapshot(`
      [
        "content/cases/a-case.md:5 status: "rootcaused" is not one of root-caused | mitigated | open (did you mean "root-caused"?)",
      ]
    `);
  });

  it('reports an unknown field with a suggestion', () => {
    expect(checkSources({ ...base, 'cases/a-case': caseSource('mitigation:\n  - turned off GRO\n') })).toMatchInlineSnapshot(`
      [
        "content/cases/a-case.md:14 mitigation: unknown field (did you mean "mitigations"?)",
      ]
    `);
  });

  it('reports malformed dates and URLs', () => {
    const source = caseSource('resolved: 2021-13-01\nreferences:\n  - title: Write-up\n    url: not a url\n');
    expect(checkSources({ ...base, 'cases/a-case': source })).toMatchInlineSnapshot(`
      [
        "content/cases/a-case.md:13 resolved: must be YYYY, YYYY-MM or YYYY-MM-DD",
        "content/cases/a-case.md:16 references[0].url: must be an absolute http(s) URL",
      ]
    `);
  });

  it('reports rules that span fields', () => {
    const source = caseSource(
      'tools:\n  - tool: kasan\n    action: built a KASAN kernel\n    finding: nothing\n    outcome: unavailable\n',
    )
      .replace('status: root-caused', 'status: open')
      .replace('rootCause: A driver freed a page twice.\n', '');
    expect(checkSources({ ...base, 'cases/a-case': source })).toMatchInlineSnapshot(`
      [
        "content/cases/a-case.md:2 hypothesis: an open case needs a hypothesis",
        "content/cases/a-case.md:13 tools[0].reason: a step whose outcome is "unavailable" needs a reason",
      ]
    `);
  });

  it('reports a version matrix row with the wrong number of values', () => {
    const source = caseSource('versionMatrix:\n  dimensions: [Kernel, Driver]\n  rows:\n    - values: [5.8.0]\n      result: bug\n');
    expect(checkSources({ ...base, 'cases/a-case': source })).toMatchInlineSnapshot(`
      [
        "content/cases/a-case.md:16 versionMatrix.rows[0].values: has 1 values for 2 dimensions",
      ]
    `);
  });

  it('reports dangling references with did-you-mean', () => {
    const source = caseSource(
      'tools:\n  - tool: kasn\n    action: a\n    finding: b\n    outcome: narrowed\nchecklists: [nope]\ndiagrams: [afxdp-race]\n',
    ).replace('symptoms: [bad-page-state]', 'symptoms: [bad-page-sate]');
    expect(checkSources({ ...base, 'cases/a-case': source })).toMatchInlineSnapshot(`
      [
        "content/cases/a-case.md:11 symptoms[0]: unknown symptom "bad-page-sate" (did you mean "bad-page-state"?)",
        "content/cases/a-case.md:14 tools[0].tool: unknown tool "kasn" (did you mean "kasan"?)",
        "content/cases/a-case.md:18 checklists[0]: unknown checklist "nope"",
        "content/cases/a-case.md:19 diagrams[0]: unknown diagram "afxdp-race"",
      ]
    `);
  });

  it('checks references from symptoms and checklists, and in files that fail their schema', () => {
    const symptom = validSymptom.replace('  - tool: kasan', '  - tool: kfense').replace('tools:', 'related: [bad-page]\ntools:');
    const checklist = '---\ntitle: Debug kernel\nitems:\n  - id: kasan\n    text: Enable KASAN\n    tool: kassan\n    why: it finds the first bad access\n  - id: kasan\n    text: Again\n    why: duplicate\n---\n';
    const brokenCase = caseSource().replace('severity: high\n', '').replace('symptoms: [bad-page-state]', 'symptoms: [oops]');
    expect(
      checkSources({ ...base, 'symptoms/bad-page-state': symptom, 'checklists/debug-kernel': checklist, 'cases/a-case': brokenCase }),
    ).toMatchInlineSnapshot(`
      [
        "content/cases/a-case.md:2 severity: is required: one of critical | high | medium | low",
        "content/cases/a-case.md:10 symptoms[0]: unknown symptom "oops"",
        "content/checklists/debug-kernel.md:6 items[0].tool: unknown tool "kassan" (did you mean "kasan"?)",
        "content/checklists/debug-kernel.md:8 items[1].id: duplicates the id of items[0]",
        "content/symptoms/bad-page-state.md:7 related[0]: unknown symptom "bad-page" (did you mean "bad-page-state"?)",
        "content/symptoms/bad-page-state.md:9 tools[0].tool: unknown tool "kfense"",
      ]
    `);
  });

  it('validates symptom signature patterns against their examples', () => {
    const symptom = validSymptom
      .replace("pattern: '^BUG: Bad page state in process'", "pattern: '^BUG: Bad page (state'")
      .replace('signatures:\n', "signatures:\n  - pattern: '^general protection fault'\n    example: 'BUG: Bad page state'\n");
    expect(checkSources({ ...base, 'symptoms/bad-page-state': symptom })).toMatchInlineSnapshot(`
      [
        "content/symptoms/bad-page-state.md:6 signatures[0].example: is not matched by pattern",
        "content/symptoms/bad-page-state.md:7 signatures[1].pattern: is not a valid regular expression: Invalid regular expression: /^BUG: Bad page (state/: Unterminated group",
      ]
    `);
  });

  it('requires a tool to say how to enable it', () => {
    const tool = validTool.replace('  kconfig:\n    - option: CONFIG_KASAN\n', '  kconfig: []\n').replace('production: test-only', 'production: never');
    expect(checkSources({ ...base, 'tools/kasan': tool })).toMatchInlineSnapshot(`
      [
        "content/tools/kasan.md:6 enable: needs at least one Kconfig option, boot parameter or command",
        "content/tools/kasan.md:8 production: "never" is not one of safe | with-care | test-only",
      ]
    `);
  });

  it('reports every problem in every file in one run', () => {
    const first = caseSource().replace('severity: high', 'severity: huge');
    const second = caseSource().replace('firstSeen: 2021-03', 'firstSeen: March 2021');
    const problems = checkSources({ ...base, 'cases/first': first, 'cases/second': second });
    expect(problems).toEqual([
      'content/cases/first.md:6 severity: "huge" is not one of critical | high | medium | low',
      'content/cases/second.md:4 firstSeen: must be YYYY, YYYY-MM or YYYY-MM-DD',
    ]);
  });

  it('rejects raw HTML that could run script in a body, but not the same text in code', () => {
    const body = [
      '## Notes',
      '',
      'Code spans are text: `<script>alert(1)</script>` and `onload=`.',
      '',
      '```html',
      '<script src="x.js"></script>',
      '```',
      '',
      '<script>fetch("/steal")</script>',
      '',
      '<div>',
      '<img src="x" onerror="alert(1)">',
      '</div>',
      '',
      '<iframe src="https://example.org"></iframe>',
      '',
      '[click](javascript:alert(1))',
      '',
    ].join('\n');
    const problems = checkSources({ ...base, 'cases/a-case': `${caseSource()}${body}` });
    expect(problems.map((problem) => problem.replace(/^content\/cases\/a-case\.md:(\d+) /, (_, line) => `line ${Number(line) - caseSource().split('\n').length + 1}: `))).toMatchInlineSnapshot(`
      [
        "line 9: (body): raw <script> is not allowed in Markdown (put code in a fenced code block)",
        "line 12: (body): event-handler attribute onerror= is not allowed in Markdown",
        "line 15: (body): raw <iframe> is not allowed in Markdown",
        "line 17: (body): javascript: URLs are not allowed in Markdown",
      ]
    `);
  });
});
