import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { projectDir } from '../support/paths.ts';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { stdout: '', stderr: '' };
  stdout.on('data', (data) => (chunks.stdout += data));
  stderr.on('data', (data) => (chunks.stderr += data));
  const code = await runCli(args, { stdout, stderr, stdin: Readable.from([]) });
  return { code, ...chunks };
}

const spec = (id: string) => path.join(projectDir, 'diagrams', `${id}.yaml`);

describe('oopsbook diagram', () => {
  it('reports the AF_XDP race and a clean fixed variant as JSON', async () => {
    const { code, stdout } = await cli(['diagram', spec('afxdp-rx-ring-race'), '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.mermaid).toMatch(/^sequenceDiagram\n/);
    expect(result.violation.steps.map((step: { actor: string; step: number }) => `${step.actor}:${step.step}`)).toEqual(['cpu0:1', 'cpu2:1', 'cpu2:2', 'cpu2:3', 'user:1']);
    expect(result.statesExplored).toBeGreaterThan(0);
    expect(result.fixed).toMatchObject({ violation: null, complete: true });
  });

  it('prints Mermaid and the schedule as readable lines', async () => {
    const { code, stdout } = await cli(['diagram', spec('veth-napi-flush-race')]);
    expect(code).toBe(0);
    expect(stdout).toContain('%% the invariant "seen != 0xdeadbeef" breaks after 9 steps');
    expect(stdout).toContain('%%    3. cpu0 step 3: napi = 0  → napi = 0');
    expect(stdout).toMatch(/%% fixed variant: no interleaving breaks the invariant \(\d+ states explored\)/);
  });

  it('prints only Mermaid for other kinds, and null verdicts in JSON', async () => {
    const { stdout } = await cli(['diagram', spec('afxdp-descriptor-lifecycle'), '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ violation: null, statesExplored: null, fixed: null });
  });

  it('exits 2 without a spec and 1 on an invalid one', async () => {
    expect((await cli(['diagram'])).code).toBe(2);
    const invalid = await cli(['diagram', path.join(projectDir, 'package.json')]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/package\.json:1 kind: is required: one of sequence \| ring \| race/);
  });
});
