import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder. */
export const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The site the README's build command writes, which the site and browser tests read. */
export const distDir = path.join(projectDir, 'dist');
