// The process `oopsbook build` starts to run Astro's build: the settings come from the
// environment the command exported, the output folder from OOPSBOOK_BUILD_OUT_DIR.
import { build } from 'astro';
import { oopsbookAstroConfig } from '../integrations/oopsbook-astro-config.ts';
import { resolveSettings } from '../lib/settings/oopsbook-settings.ts';

const outDir = process.env.OOPSBOOK_BUILD_OUT_DIR;
if (!outDir) throw new Error('OOPSBOOK_BUILD_OUT_DIR is not set: run `oopsbook build`');
try {
  const settings = await resolveSettings();
  await build({ ...oopsbookAstroConfig(settings, { outDir }), configFile: false });
} catch (error) {
  // The message names the content file or diagram at fault; the stack would only bury it.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
