import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { validateDiagramSpec } from '../../src/lib/diagrams/validate-diagram-spec.ts';
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

  describe('--from', () => {
    const trace = path.join(projectDir, 'diagrams/sources/afxdp-fill-order-trace.log');
    const kasan = path.join(projectDir, 'tests/fixtures/oops/corpus/130.txt');

    it('prints the spec drawn from a report as YAML that validates', async () => {
      const { code, stdout } = await cli(['diagram', '--from', kasan]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^kind: sequence\ntitle: "KASAN: use-after-free in aead_recvmsg"\n/);
      expect(stdout).toContain(`generatedFrom:\n  log: ${kasan}\n`);
      expect(stdout).toContain('text: "frees: kfree() ← kzfree() ← crypto_destroy_tfm()"');
      expect(validateDiagramSpec({ id: 'kasan-aead', displayPath: 'kasan-aead.yaml', source: stdout }).problems).toEqual([]);
    });

    it('writes a new file with --out, names the log relative to it, and never overwrites', async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'oopsbook-diagram-'));
      const out = path.join(folder, 'afxdp-trace.yaml');
      const first = await cli(['diagram', '--from', trace, '--out', out, '--follow', '0x16ce900', '--by', 'cpu']);
      expect(first).toMatchObject({ code: 0, stdout: `wrote ${out} (3 lanes, 7 events)\n` });
      const written = readFileSync(out, 'utf8');
      expect(written).toContain(`generatedFrom:\n  log: ${path.relative(folder, trace)}\n  follow:\n    - "0x16ce900"\n  by: cpu\n`);
      expect(written).toContain('+11.0 µs · tracing_mark_write: ingress q:1 0x16ce900 FILL -> RX');
      writeFileSync(out, 'hand-written\n');
      const again = await cli(['diagram', '--from', trace, '--out', out]);
      expect(again.code).toBe(1);
      expect(again.stderr).toBe(`oopsbook diagram: ${out} exists already; not overwritten\n`);
      expect(readFileSync(out, 'utf8')).toBe('hand-written\n');
    });

    it('names the file and line when nothing can be drawn', async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'oopsbook-diagram-'));
      const binary = path.join(folder, 'trace.dat');
      writeFileSync(binary, 'tracing\n6\n\0\0\x01');
      expect(await cli(['diagram', '--from', binary])).toMatchObject({ code: 1, stderr: `${binary}:3: a NUL byte: this is a binary file; for trace-cmd's trace.dat, give the text of \`trace-cmd report\`\n` });
      const missing = await cli(['diagram', '--from', path.join(folder, 'none.log')]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/^oopsbook diagram: cannot read .*none\.log: ENOENT/);
      const unrelated = await cli(['diagram', '--from', path.join(projectDir, 'package.json')]);
      expect(unrelated).toMatchObject({ code: 1, stderr: `${path.join(projectDir, 'package.json')}:1: no KASAN, KFENCE, KCSAN or lockdep report and no ftrace lines (\`task-pid [cpu] flags timestamp: event: fields\`) found\n` });
      const nothingFollowed = await cli(['diagram', '--from', trace, '--follow', '0xdead']);
      expect(nothingFollowed).toMatchObject({ code: 1, stderr: `${trace}:13: none of the 13 trace events (lines 13–25) mentions 0xdead\n` });
    });

    it('rejects bad options with the usage', async () => {
      expect((await cli(['diagram', '--from', trace, '--by', 'core'])).stderr).toMatch(/^oopsbook diagram: --by is cpu or task, not "core"\n/);
      expect((await cli(['diagram', '--from', trace, '--last', '0'])).code).toBe(2);
      expect((await cli(['diagram', '--from'])).stderr).toMatch(/^oopsbook diagram: --from needs a value/);
    });
  });
});
