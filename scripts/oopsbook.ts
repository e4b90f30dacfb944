#!/usr/bin/env node
// The `oopsbook` command: see `oopsbook help`.
import { runCli } from '../src/cli/run-cli.ts';

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
