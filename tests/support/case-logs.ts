import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { projectDir } from './paths.ts';

/** The seed cases whose write-ups published console logs, and the logs as the case files keep them. */
export const casesWithLogs = ['i40e-out-of-tree-rx-page-leak', 'xen-pvmmu-pgd-pin-bad-type', 'afxdp-veth-napi-rx-ring-race'] as const;

/** Every stack and log excerpt of a case file, joined as one pasted console log. */
export function caseLog(slug: string): string {
  const source = readFileSync(path.join(projectDir, 'content', 'cases', `${slug}.md`), 'utf8');
  const yaml = source.split(/^---$/m)[1] ?? '';
  const data = parse(yaml) as { stacks?: Array<{ log: string }> };
  return (data.stacks ?? []).map((stack) => stack.log).join('\n');
}
