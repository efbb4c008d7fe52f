import { absenceSubcommand } from '../src/features/reminders/index.js';
import { updateSubcommands } from '../src/features/updates/index.js';
import { subcommandHandler } from '../src/kernel/commands/command-handler.js';
import { helpSubcommand } from '../src/kernel/commands/help.js';
import type { Subcommand } from '../src/kernel/commands/subcommand.js';
import type { Deps } from '../src/kernel/deps.js';
import type { TiltakBolt } from '../src/kernel/slack/request-context.js';

export const definition = {
  command: '/tiltak',
  description: 'Rapporter status på tiltakene i handlingsplanen',
  usageHint: '[nr] | oppdater <nr> | liste | historikk <nr> | forfalt | fravær <fra> <til> | hjelp',
} as const;

/** Sub-commands in the order the help text lists them. */
export function subcommands(): readonly Subcommand[] {
  return [...updateSubcommands(), absenceSubcommand(), helpSubcommand(subcommands, (m) => m.help.helpUsage)];
}

export function register(app: TiltakBolt, deps: Deps): void {
  app.command(definition.command, subcommandHandler(deps, definition.command, subcommands));
}
