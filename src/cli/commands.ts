// Every subcommand of `oopsbook`, one module each under src/cli/commands/.
import { registerCommand } from './run-cli.ts';

registerCommand('check', async () => (await import('./commands/check.ts')).checkCommand);
registerCommand('triage', async () => (await import('./commands/triage.ts')).triageCommand);
registerCommand('new', async () => (await import('./commands/new.ts')).newCommand);
registerCommand('checklist', async () => (await import('./commands/checklist.ts')).checklistCommand);
registerCommand('kconfig', async () => (await import('./commands/kconfig.ts')).kconfigCommand);
registerCommand('diagram', async () => (await import('./commands/diagram.ts')).diagramCommand);
