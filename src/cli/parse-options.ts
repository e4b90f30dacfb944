/** Command-line arguments split into repeatable `--name value` options and positionals. */
export interface ParsedOptions {
  options: Map<string, string[]>;
  positionals: string[];
  /** Problems to report before running: unknown options, missing values. */
  errors: string[];
}

/** Parses `--name value` and `--name=value` for the given option names; everything else not starting with `--` is positional. */
export function parseOptions(args: readonly string[], known: readonly string[]): ParsedOptions {
  const parsed: ParsedOptions = { options: new Map(), positionals: [], errors: [] };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (!arg.startsWith('--')) {
      parsed.positionals.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s);
    if (!known.includes(name)) {
      parsed.errors.push(`unknown option --${name}`);
      continue;
    }
    const value = inline ?? args[++index];
    if (value === undefined || value.startsWith('--')) {
      parsed.errors.push(`--${name} needs a value`);
      if (value !== undefined) index--;
      continue;
    }
    parsed.options.set(name, [...(parsed.options.get(name) ?? []), value]);
  }
  return parsed;
}
