/** A failure the user can fix, printed as `oopsbook <command>: message` without a stack trace. */
export class CliError extends Error {
  /** Process exit code: 1 for bad input or content, 2 for bad usage. */
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
