import { describe, expect, it } from 'vitest';
import { contentBytes, heapLimitMiB, withHeapLimit } from '../../src/lib/build/heap-limit.ts';
import { projectDir } from '../support/paths.ts';

describe('heap ceiling for the Astro build', () => {
  it('scales with the content, with a floor for small sites', () => {
    expect(heapLimitMiB(0)).toBe(1024);
    expect(heapLimitMiB(68 * 2 ** 20)).toBe(1088);
    expect(heapLimitMiB(200 * 2 ** 20)).toBe(3200);
  });

  it('counts the Markdown of every content kind', () => {
    const bytes = contentBytes(`${projectDir}/content`);
    expect(bytes).toBeGreaterThan(100_000);
    expect(contentBytes(`${projectDir}/no-such-folder`)).toBe(0);
  });

  it("adds the ceiling to NODE_OPTIONS but keeps a ceiling the caller set", () => {
    expect(withHeapLimit(undefined, 1024)).toBe('--max-old-space-size=1024');
    expect(withHeapLimit('--enable-source-maps', 2048)).toBe('--enable-source-maps --max-old-space-size=2048');
    expect(withHeapLimit('--max-old-space-size=4096', 1024)).toBe('--max-old-space-size=4096');
  });
});
