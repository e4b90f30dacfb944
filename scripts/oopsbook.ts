#!/usr/bin/env node
// The `oopsbook` command: see `oopsbook help`.
import { runCli } from '../src/cli/run-cli.ts';
import { exportSettings, resolveSettings, SettingsError } from '../src/lib/settings/oopsbook-settings.ts';

// Every command reads the team's settings (oopsbook.config.*, OOPSBOOK_*) from the environment;
// `init` runs before there is a team repository to read them from.
if (process.argv[2] !== 'init') {
  try {
    exportSettings(await resolveSettings());
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    process.stderr.write(`oopsbook: ${error.message}\n`);
    process.exit(1);
  }
}
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
