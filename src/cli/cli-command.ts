import type { Readable, Writable } from 'node:stream';

/** Where a command reads and writes; tests pass in-memory streams. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
}

/** One subcommand: its one-line summary, its usage text, and what it does. Exit code out. */
export interface CliCommand {
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}
