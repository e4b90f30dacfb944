import { dev } from 'astro';
import { oopsbookAstroConfig } from '../../integrations/oopsbook-astro-config.ts';
import type { CliCommand } from '../cli-command.ts';
import { clearViteEnvNames, siteSettingsFromArgs, SITE_FLAGS_USAGE } from '../site-options.ts';

const usage = `Usage: oopsbook dev [--content DIR] [--diagrams DIR] [--base PATH] [--site URL]

Serves the site at http://localhost:4321 (under the base path), rebuilding pages as content files
change. Ctrl-C stops it.

${SITE_FLAGS_USAGE}`;

export const devCommand: CliCommand = {
  summary: 'serve the site with live reload while writing content',
  usage,
  async run(args) {
    const settings = await siteSettingsFromArgs(args, ['content', 'diagrams', 'base', 'site']);
    clearViteEnvNames();
    const server = await dev({ ...oopsbookAstroConfig(settings), configFile: false });
    await new Promise<void>((resolve) => {
      const stop = () => void server.stop().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
