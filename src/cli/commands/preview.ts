import { existsSync } from 'node:fs';
import { preview } from 'astro';
import { oopsbookAstroConfig } from '../../integrations/oopsbook-astro-config.ts';
import { CliError } from '../cli-error.ts';
import type { CliCommand } from '../cli-command.ts';
import { clearViteEnvNames, siteSettingsFromArgs, SITE_FLAGS_USAGE } from '../site-options.ts';

const usage = `Usage: oopsbook preview [--out DIR] [--base PATH] [--site URL]

Serves the built site (dist/, or --out) at http://localhost:4321 under the base path it was built
for. Ctrl-C stops it.

${SITE_FLAGS_USAGE}`;

export const previewCommand: CliCommand = {
  summary: 'serve the built site',
  usage,
  async run(args) {
    const settings = await siteSettingsFromArgs(args, ['content', 'diagrams', 'out', 'base', 'site']);
    if (!existsSync(settings.out)) throw new CliError(`${settings.out} does not exist: run \`oopsbook build\` first`);
    clearViteEnvNames();
    const server = await preview({ ...oopsbookAstroConfig(settings), configFile: false });
    await server.closed();
    return 0;
  },
};
