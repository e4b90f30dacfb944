import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectDir } from '../support/paths.ts';

const run = promisify(execFile);
let workDir: string;

/** Runs an npm script against the copies in `workDir`; never throws. */
async function npm(args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('npm', args, { cwd: projectDir, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? 1, output: (failure.stdout ?? '') + (failure.stderr ?? '') };
  }
}

function lineOf(file: string, text: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;
}

describe('broken diagrams', () => {
  let brokenDiagrams: string;
  let brokenContent: string;

  beforeAll(() => {
    workDir = mkdtempSync(path.join(tmpdir(), 'oopsbook-diagrams-'));
    brokenDiagrams = path.join(workDir, 'diagrams');
    cpSync(path.join(projectDir, 'diagrams'), brokenDiagrams, { recursive: true });
    const race = path.join(brokenDiagrams, 'afxdp-rx-ring-race.yaml');
    writeFileSync(race, readFileSync(race, 'utf8').replace('do: desc[idx] = 0xff0900', 'do: desc[idx] = addr'));
    const sequence = path.join(brokenDiagrams, 'swiotlb-sync-unmap-after-free.yaml');
    writeFileSync(sequence, readFileSync(sequence, 'utf8').replace('    to: nic\n', '    to: nick\n'));

    // The valid specs, so only the fence below fails; their renders come from the copied cache.
    cpSync(path.join(projectDir, 'diagrams'), path.join(workDir, 'diagrams-ok'), { recursive: true });
    brokenContent = path.join(workDir, 'content');
    cpSync(path.join(projectDir, 'content'), brokenContent, { recursive: true });
    const caseFile = path.join(brokenContent, 'cases', 'i40e-out-of-tree-rx-page-leak.md');
    writeFileSync(caseFile, `${readFileSync(caseFile, 'utf8')}\n\`\`\`mermaid\nflowchart LR\n  a -->|unclosed b\n\`\`\`\n`);
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('makes `npm run check` report every spec problem at its line', async () => {
    const { code, output } = await npm(['run', '--silent', 'check'], { OOPSBOOK_DIAGRAMS: brokenDiagrams });
    expect(code).toBe(1);
    const race = path.join(brokenDiagrams, 'afxdp-rx-ring-race.yaml');
    const sequence = path.join(brokenDiagrams, 'swiotlb-sync-unmap-after-free.yaml');
    expect(output).toContain(
      `${race}:${lineOf(race, 'desc[idx] = addr')} actors[0].steps[1].do: "addr" is neither a shared variable (cached_prod, producer, consumer, desc, seen, owner) nor a local assigned earlier by cpu0`,
    );
    expect(output).toContain(`${sequence}:${lineOf(sequence, 'to: nick')} events[2].to: unknown actor "nick" (did you mean "nic"?)`);
    expect(output).toContain('2 problems in 2 files.');
  });

  it('makes the build fail on a bad spec, naming it', async () => {
    const outDir = path.join(workDir, 'dist-spec');
    const { code, output } = await npm(['run', 'build', '--', '--out', outDir], { OOPSBOOK_DIAGRAMS: brokenDiagrams });
    expect(code).not.toBe(0);
    expect(output).toContain('2 content problems');
    expect(output).toContain('afxdp-rx-ring-race.yaml');
    expect(existsSync(path.join(outDir, 'index.html'))).toBe(false);
  });

  it('makes the build fail on a Mermaid fence that cannot be rendered, naming the file and line', async () => {
    const outDir = path.join(workDir, 'dist-fence');
    const caseFile = path.join(brokenContent, 'cases', 'i40e-out-of-tree-rx-page-leak.md');
    const { code, output } = await npm(['run', 'build', '--', '--out', outDir], {
      OOPSBOOK_CONTENT: brokenContent,
      OOPSBOOK_DIAGRAMS: path.join(workDir, 'diagrams-ok'),
    });
    expect(code).not.toBe(0);
    expect(output).toContain(`${caseFile}:${lineOf(caseFile, '```mermaid')}: Mermaid cannot render the diagram: Parse error`);
    expect(existsSync(path.join(outDir, 'index.html'))).toBe(false);
  });
});
