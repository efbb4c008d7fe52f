import type { App } from '@slack/bolt';
import type { Deps } from '../src/deps.js';
import { subcommandHandler } from '../src/slack/command-handler.js';
import { absenceSubcommand } from '../src/slack/reminders/absence-subcommand.js';
import { helpSubcommand } from '../src/slack/subcommands/help.js';
import type { Subcommand } from '../src/slack/subcommands/types.js';
import { updateSubcommands } from '../src/slack/updates/subcommands/index.js';

export const definition = {
  command: '/tiltak',
  description: 'Rapporter status på tiltakene i handlingsplanen',
  usageHint: '[nr] | oppdater <nr> | liste | historikk <nr> | forfalt | fravær <fra> <til> | hjelp',
} as const;

/** Sub-commands in the order the help text lists them. */
export function subcommands(): readonly Subcommand[] {
  return [...updateSubcommands(), absenceSubcommand(), helpSubcommand(subcommands, (m) => m.help.helpUsage)];
}

export function register(app: App, deps: Deps): void {
  app.command(definition.command, subcommandHandler(deps, definition.command, subcommands));
}
