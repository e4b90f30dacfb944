import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkContent, type ContentCheck } from './check-content.ts';
import { contentKinds, type ContentKind } from './content-kinds.ts';
import { contentRoot, diagramsRoot } from './content-paths.ts';
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

/** Ids of the diagram specs (`<id>.yaml`) in the diagrams folder. */
export function readDiagramIds(root: string = diagramsRoot()): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();
}

/** Reads and checks the configured content tree. */
export function readAndCheckContent(env: NodeJS.ProcessEnv = process.env): ContentCheck {
  return checkContent(readSourceFiles(contentRoot(env)), readDiagramIds(diagramsRoot(env)));
}

function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative.startsWith('..') ? absolute : relative;
}
