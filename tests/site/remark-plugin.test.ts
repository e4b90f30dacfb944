// A team site whose oopsbook.config.mjs picks the unified processor and adds remark-directive
// from npm with an admonition handler: the plugin's effect is in the HTML, and Oopsbook's own
// plugins (symbol links, checklists, focusable code) still run beside it.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectDir } from '../support/paths.ts';

const exec = promisify(execFile);
const fixture = path.join(projectDir, 'tests/fixtures/remark-site');
let out: string;
let casePage: string;

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'oopsbook-remark-'));
  // Run from the fixture folder, as a team runs `npx oopsbook build` from its repository.
  await exec(process.execPath, [path.join(projectDir, 'scripts/oopsbook.ts'), 'build', '--out', out], {
    cwd: fixture,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  casePage = readFileSync(path.join(out, 'cases/fixture-leak/index.html'), 'utf8');
}, 300_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('a site with a remark plugin from npm under the unified processor', () => {
  it('renders the container directive as an admonition and the text directive as an abbreviation', () => {
    expect(casePage).toMatch(/<aside class="admonition warning" role="note">\s*<p>Do not reload the driver/);
    expect(casePage).toContain('<abbr title="New API">NAPI</abbr>');
    expect(casePage).not.toContain(':::warning');
  });

  it('runs the rehype plugin from the config on the page body', () => {
    expect(casePage).toContain('<a href="https://docs.kernel.org/dev-tools/kasan.html" class="external">the KASAN documentation</a>');
  });

  it("keeps Oopsbook's own plugins running beside it", () => {
    expect(casePage).toContain('<a href="/symbols/i40e_napi_poll/" class="symbol-link"><code>i40e_napi_poll+0x137f/0x1720</code></a>');
    expect(casePage).toMatch(/<ul class="contains-task-list checklist">/);
    expect(casePage).toMatch(/<label><input type="checkbox"[^>]*> ?check the taint<\/label>/);
  });

  it('takes the title and the edit link from the config file', () => {
    expect(casePage).toContain('<title>Fixture page leak in an out-of-tree NIC driver · Remark fixture playbook</title>');
    expect(casePage).toContain('href="https://git.example.org/team/playbook/-/edit/main/content/cases/fixture-leak.md"');
  });
});
