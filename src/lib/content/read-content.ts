import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkDiagramSpecs, readDiagramSources } from '../diagrams/read-diagram-specs.ts';
import type { ValidDiagramSpec } from '../diagrams/validate-diagram-spec.ts';
import { checkContent, type ContentCheck } from './check-content.ts';
import { contentKinds, type ContentKind } from './content-kinds.ts';
import { contentRoot, diagramsRoot } from './content-paths.ts';
import { sortProblems } from './problem.ts';
import type { SourceFile } from './validate-entry.ts';

/** Reads every `*.md` of every kind under the content root, in a stable order. */
export function readSourceFiles(root: string = contentRoot()): SourceFile[] {
  const files: SourceFile[] = [];
  for (const kind of Object.keys(contentKinds) as ContentKind[]) {
    const folder = path.join(root, contentKinds[kind].folder);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      if (!name.endsWith('.md')) continue;
      const absolute = path.join(folder, name);
      files.push({ kind, id: name.slice(0, -3), displayPath: displayPath(absolute), source: readFileSync(absolute, 'utf8') });
    }
  }
  return files;
}

/**
 * Reads and checks the configured content tree and diagram specs together, so one run reports
 * every problem. The spec files define the diagram ids cases may name, valid or not.
 */
export function readAndCheckContent(env: NodeJS.ProcessEnv = process.env): ContentCheck & { diagrams: ValidDiagramSpec[] } {
  const sources = readDiagramSources(diagramsRoot(env));
  const content = checkContent(
    readSourceFiles(contentRoot(env)),
    sources.map((source) => source.id),
  );
  const specs = checkDiagramSpecs(sources);
  return { entries: content.entries, diagrams: specs.diagrams, problems: sortProblems([...content.problems, ...specs.problems]), warnings: content.warnings };
}

function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative.startsWith('..') ? absolute : relative;
}
