import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The Oopsbook package folder: the nearest folder above this module with a package.json. The
 * module runs from `src/` in a checkout and from the JavaScript built into `dist-cli/src/` in
 * an installed package, so a fixed number of `..` would be wrong in one of them.
 */
function findPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

const projectRoot = findPackageRoot();

/** Where the Markdown content lives: `$OOPSBOOK_CONTENT`, else `content/` in the working directory. */
export function contentRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.OOPSBOOK_CONTENT ? path.resolve(env.OOPSBOOK_CONTENT) : path.resolve('content');
}

/** Where diagram specs live: `$OOPSBOOK_DIAGRAMS`, else `diagrams/` in the working directory. */
export function diagramsRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.OOPSBOOK_DIAGRAMS ? path.resolve(env.OOPSBOOK_DIAGRAMS) : path.resolve('diagrams');
}

/** Cached SVG renders of the diagrams, committed so a fresh clone builds without a browser. */
export function renderedDiagramsDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(diagramsRoot(env), '.rendered');
}

/** The Oopsbook package folder (this repository in a checkout, `node_modules/oopsbook` when installed). */
export function projectDir(): string {
  return projectRoot;
}
