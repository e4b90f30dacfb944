// Every subcommand of `oopsbook`, one module each under src/cli/commands/, loaded only when
// called so `oopsbook triage` does not pay for the rest. `oopsbook help` lists them in this order.
import type { CliCommand } from './cli-command.ts';

export const commands: Record<string, () => Promise<CliCommand>> = {
  init: async () => (await import('./commands/init.ts')).initCommand,
  build: async () => (await import('./commands/build.ts')).buildCommand,
  dev: async () => (await import('./commands/dev.ts')).devCommand,
  preview: async () => (await import('./commands/preview.ts')).previewCommand,
  check: async () => (await import('./commands/check.ts')).checkCommand,
  triage: async () => (await import('./commands/triage.ts')).triageCommand,
  new: async () => (await import('./commands/new.ts')).newCommand,
  checklist: async () => (await import('./commands/checklist.ts')).checklistCommand,
  kconfig: async () => (await import('./commands/kconfig.ts')).kconfigCommand,
  diagram: async () => (await import('./commands/diagram.ts')).diagramCommand,
};
