import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectDir } from '../lib/content/content-paths.ts';
import type { CliIo } from './cli-command.ts';
import { CliError } from './cli-error.ts';
import { commands } from './commands.ts';

async function help(io: CliIo): Promise<number> {
  const lines = ['Usage: oopsbook <command> [options]', '', 'Commands:'];
  for (const [name, load] of Object.entries(commands)) lines.push(`  ${name.padEnd(10)} ${(await load()).summary}`);
  lines.push('', 'Run `oopsbook <command> --help` for a command\'s options, `oopsbook --version` for the version.');
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** Dispatches `oopsbook <command> ...`; unknown commands print the list and exit 2. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v' || name === 'version') {
    const { version } = JSON.parse(readFileSync(path.join(projectDir(), 'package.json'), 'utf8')) as { version: string };
    io.stdout.write(`oopsbook ${version}\n`);
    return 0;
  }
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return help(io);
  const load = commands[name];
  if (!load) {
    io.stderr.write(`oopsbook: unknown command "${name}"\n\n`);
    await help({ ...io, stdout: io.stderr });
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.stderr.write(`oopsbook ${name}: ${error.message}\n`);
    return error.exitCode;
  }
}
