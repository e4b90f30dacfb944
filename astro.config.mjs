// @ts-check
// This repository's site is built like a team's: the settings (oopsbook.config.*, OOPSBOOK_*
// variables) resolved into the one Astro configuration that `oopsbook build` also uses.
import { oopsbookAstroConfig } from './src/integrations/oopsbook-astro-config.ts';
import { resolveSettings } from './src/lib/settings/oopsbook-settings.ts';

export default oopsbookAstroConfig(await resolveSettings());
