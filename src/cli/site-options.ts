import { resolveSettings, SettingsError, type OopsbookSettings } from '../lib/settings/oopsbook-settings.ts';
import { CliError } from './cli-error.ts';
import { parseOptions } from './parse-options.ts';

/** The flags of `build`, `dev`, `preview` and `check`; each overrides one setting. */
export const SITE_FLAGS = ['content', 'diagrams', 'out', 'base', 'site'] as const;

/** The options block of those commands' usage texts. */
export const SITE_FLAGS_USAGE = `Options (each wins over oopsbook.config.* and the OOPSBOOK_* variables):
  --content DIR    folder with cases/, symptoms/, tools/ and checklists/ (default content/)
  --diagrams DIR   folder with diagram specs (default diagrams/)
  --out DIR        where the built site goes (default dist/)
  --base PATH      path the site is served under, e.g. /playbook/ (default /)
  --site URL       absolute URL of the host, e.g. https://wiki.example.org (sitemap, exports)`;

/** Parses the site flags (no positionals) and resolves every setting; bad usage exits 2. */
export async function siteSettingsFromArgs(args: readonly string[], accepted: readonly string[] = SITE_FLAGS): Promise<OopsbookSettings> {
  const parsed = parseOptions(args, accepted);
  if (parsed.positionals.length > 0) parsed.errors.push(`unexpected argument "${parsed.positionals[0]}"`);
  if (parsed.errors.length > 0) throw new CliError(`${parsed.errors.join('; ')} (see --help)`, 2);
  const last = (name: string) => parsed.options.get(name)?.at(-1);
  try {
    return await resolveSettings({ flags: { content: last('content'), diagrams: last('diagrams'), out: last('out'), base: last('base'), site: last('site') } });
  } catch (error) {
    if (error instanceof SettingsError) throw new CliError(error.message);
    throw error;
  }
}

/**
 * Names Vite gives `import.meta.env` itself. Astro lets a process variable of the same name win,
 * so a `BASE_URL` left in the environment (test runners set one) would replace `--base` in every
 * page; the commands that run Astro remove them first.
 */
const VITE_ENV_NAMES = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX'] as const;

/** `env` without the variables that would override what Astro derives from the settings. */
export function astroEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean = { ...env };
  for (const name of VITE_ENV_NAMES) delete clean[name];
  return clean;
}

/** Removes those variables from this process, for commands that run Astro in it. */
export function clearViteEnvNames(env: NodeJS.ProcessEnv = process.env): void {
  for (const name of VITE_ENV_NAMES) delete env[name];
}
