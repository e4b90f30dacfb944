import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * V8 lets a process's heap grow towards a limit set from the machine's memory, and collects
 * garbage less eagerly the further it is from it: on a 24 GiB machine a 10,000-case build without
 * a ceiling reaches 1.9 GB resident while bundling, though everything it keeps alive fits in
 * 768 MiB. A ceiling scaled to the content keeps the build near what it needs. 16 × the content's
 * size leaves room to spare: the 10,000-case bench content (68 MiB) builds under 768 MiB, 11 × its
 * size; with 1,024 MiB it peaks at 1.5 GB and takes 5 % longer than without a ceiling.
 */
export const HEAP_MIB_PER_CONTENT_MIB = 16;
/** Below this the ceiling would only slow small sites down. */
export const MIN_HEAP_MIB = 1024;

/**
 * Bytes of Markdown in the content root's folders (cases, symptoms, tools, checklists). It reads
 * the folders as they are rather than through the content kinds, whose schemas would cost the
 * build script more memory to load than the measurement is worth while Pagefind runs beside it.
 */
export function contentBytes(root: string): number {
  if (!existsSync(root)) return 0;
  let total = 0;
  for (const folder of readdirSync(root, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const name of readdirSync(path.join(root, folder.name))) if (name.endsWith('.md')) total += statSync(path.join(root, folder.name, name)).size;
  }
  return total;
}

/** The heap ceiling, in MiB, for building content of this size. */
export function heapLimitMiB(bytes: number): number {
  return Math.max(MIN_HEAP_MIB, Math.ceil((HEAP_MIB_PER_CONTENT_MIB * bytes) / 2 ** 20));
}

/** NODE_OPTIONS with the ceiling added, unless the person running the build set one already. */
export function withHeapLimit(nodeOptions: string | undefined, mib: number): string {
  const options = nodeOptions?.trim() ?? '';
  if (/--max-old-space-size\b/.test(options)) return options;
  return `${options} --max-old-space-size=${mib}`.trim();
}
