import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where the Markdown content lives: `$OOPSBOOK_CONTENT`, else `content/` in the project. */
export function contentRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.OOPSBOOK_CONTENT ? path.resolve(env.OOPSBOOK_CONTENT) : path.join(projectRoot, 'content');
}

/** Where diagram specs live: `$OOPSBOOK_DIAGRAMS`, else `diagrams/` in the project. */
export function diagramsRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.OOPSBOOK_DIAGRAMS ? path.resolve(env.OOPSBOOK_DIAGRAMS) : path.join(projectRoot, 'diagrams');
}

/** Cached SVG renders of the diagrams, committed so a fresh clone builds without a browser. */
export function renderedDiagramsDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(diagramsRoot(env), '.rendered');
}

/** The project folder itself. */
export function projectDir(): string {
  return projectRoot;
}
