import type { App } from '@slack/bolt';
import { adminHelpSubcommand, adminSubcommands } from '../src/features/admin/index.js';
import { subcommandHandler } from '../src/kernel/commands/command-handler.js';
import type { Subcommand } from '../src/kernel/commands/subcommand.js';
import type { Deps } from '../src/kernel/deps.js';

export const definition = {
  command: '/tiltak-admin',
  description: 'Sett opp og drift handlingsplanen – etater, personer, tiltak, områder og endringslogg',
  usageHint: 'etater | personer | tiltak <nr> | tiltak ny | område <n> | logg | hjelp',
} as const;

/** Sub-commands in the order the help text lists them; another feature's admin sub-commands go before the help. */
export function subcommands(): readonly Subcommand[] {
  return [...adminSubcommands(), adminHelpSubcommand(subcommands)];
}

export function register(app: App, deps: Deps): void {
  app.command(definition.command, subcommandHandler(deps, definition.command, subcommands));
}
