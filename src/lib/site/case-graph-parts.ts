import type { CaseData } from '../../schemas/case.ts';
import type { Entry } from './build-site-graph.ts';
import { caseGraphPart, type CaseGraphPart } from './case-graph-part.ts';
import type { CaseStacks } from '../content/case-stacks.ts';

/** A case as the content collection hands it over: `digest` is Astro's hash of the case file. */
export type DigestedEntry = Entry<CaseData> & { digest?: string | number | undefined };

/**
 * Each case's part of the site graph, kept from one graph to the next. A part is reused while its
 * case has the same digest and the same logs (the file's frontmatter and body, and what was read
 * for its stacks); any other case gets a new part. On the development server a saved case file
 * thus costs one part, and the graph is the join of the parts (joinSiteGraph).
 */
export class CaseGraphParts {
  #parts = new Map<string, { digest: string | number; logs: readonly string[]; part: CaseGraphPart }>();

  /** Parts made, rather than reused, by the last `update`. */
  made: string[] = [];

  /** The part of every case in `cases`, in the same order; parts of cases no longer there are dropped. */
  update(cases: readonly DigestedEntry[], stacks?: ReadonlyMap<string, CaseStacks>): CaseGraphPart[] {
    this.made = [];
    const ids = new Set<string>();
    const parts = cases.map((entry) => {
      ids.add(entry.id);
      const logs = entry.data.stacks.map((stack) => stack.log);
      const known = this.#parts.get(entry.id);
      if (known && entry.digest !== undefined && known.digest === entry.digest && sameLogs(known.logs, logs)) return known.part;
      const part = caseGraphPart(entry, stacks?.get(entry.id));
      this.made.push(entry.id);
      if (entry.digest === undefined) this.#parts.delete(entry.id);
      else this.#parts.set(entry.id, { digest: entry.digest, logs, part });
      return part;
    });
    for (const id of this.#parts.keys()) if (!ids.has(id)) this.#parts.delete(id);
    return parts;
  }
}

const sameLogs = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((log, index) => log === b[index]);
