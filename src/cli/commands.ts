// Every subcommand of `oopsbook`, one module each under src/cli/commands/.
import { registerCommand } from './run-cli.ts';

registerCommand('check', async () => (await import('./commands/check.ts')).checkCommand);
registerCommand('diagram', async () => (await import('./commands/diagram.ts')).diagramCommand);
