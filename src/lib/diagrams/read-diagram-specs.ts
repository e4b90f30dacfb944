import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { diagramsRoot } from '../content/content-paths.ts';
import type { ContentProblem } from '../content/problem.ts';
import { validateDiagramSpec, type DiagramSource, type ValidDiagramSpec } from './validate-diagram-spec.ts';

/** Every `<id>.yaml` in the diagrams folder, by id. */
export function readDiagramSources(root: string = diagramsRoot()): DiagramSource[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const absolute = path.join(root, name);
      const relative = path.relative(process.cwd(), absolute);
      return { id: name.slice(0, -'.yaml'.length), displayPath: relative.startsWith('..') ? absolute : relative, source: readFileSync(absolute, 'utf8') };
    });
}

/** Validates every spec; the valid ones and all problems. */
export function checkDiagramSpecs(sources: readonly DiagramSource[]): { diagrams: ValidDiagramSpec[]; problems: ContentProblem[] } {
  const diagrams: ValidDiagramSpec[] = [];
  const problems: ContentProblem[] = [];
  for (const source of sources) {
    const result = validateDiagramSpec(source);
    problems.push(...result.problems);
    if (result.spec) diagrams.push(result.spec);
  }
  return { diagrams, problems };
}
