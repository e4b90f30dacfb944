import { checkContent } from '../../src/lib/content/check-content.ts';
import type { ContentKind } from '../../src/lib/content/content-kinds.ts';
import { formatProblem } from '../../src/lib/content/problem.ts';

/** Checks literal files, `kind/id` → source, and returns the formatted problems. */
export function checkSources(files: Record<string, string>, diagrams: string[] = []): string[] {
  const sources = Object.entries(files).map(([key, source]) => {
    const [kind, id] = key.split('/') as [ContentKind, string];
    return { kind, id, displayPath: `content/${kind}/${id}.md`, source };
  });
  return checkContent(sources, diagrams).problems.map(formatProblem);
}

export const validTool = `---
title: KASAN
category: sanitizer
detects: [use-after-free]
enable:
  kconfig:
    - option: CONFIG_KASAN
overhead: about 2x slower
production: test-only
docs:
  - title: KASAN
    url: https://docs.kernel.org/dev-tools/kasan.html
---
`;

export const validSymptom = `---
title: Bad page state
meaning: The allocator found a page still in use while freeing it.
signatures:
  - pattern: '^BUG: Bad page state in process'
    example: 'BUG: Bad page state in process swapper/57  pfn:7d518e'
tools:
  - tool: kasan
    why: catches the first bad access
    when: on a test machine
---
`;

/** A valid case whose frontmatter lines are stable for the tests' line numbers. */
export function caseSource(overrides: string = '', extra: string = ''): string {
  return `---
title: A case
summary: One paragraph.
firstSeen: 2021-03
status: root-caused
severity: high
environment:
  kernels: ['5.8.0']
  arch: [x86_64]
subsystems: [networking]
symptoms: [bad-page-state]
rootCause: A driver freed a page twice.
${overrides}---
${extra}`;
}
