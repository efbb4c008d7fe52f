import type { App } from '@slack/bolt';
import { exportSubcommand, importSubcommand } from '../src/features/plan/index.js';
import { redactSubcommand } from '../src/features/privacy/index.js';
import { subcommandHandler } from '../src/kernel/commands/command-handler.js';
import { coordinatorsOnly } from '../src/kernel/commands/coordinators-only.js';
import { helpSubcommand } from '../src/kernel/commands/help.js';
import type { Subcommand } from '../src/kernel/commands/subcommand.js';
import type { Deps } from '../src/kernel/deps.js';

export const definition = {
  command: '/tiltak-admin',
  description: 'Planadministrasjon for koordinatorer – import, eksport og sladding',
  usageHint: 'import | eksport | sladd <oppdatering> | hjelp',
} as const;

/** Sub-commands in the order the help text lists them; all for coordinators and admins, sladd for admins only. */
export function subcommands(): readonly Subcommand[] {
  return [
    coordinatorsOnly(importSubcommand()),
    coordinatorsOnly(exportSubcommand()),
    coordinatorsOnly(redactSubcommand()),
    coordinatorsOnly(helpSubcommand(subcommands, (m) => m.help.adminHelpUsage)),
  ];
}

export function register(app: App, deps: Deps): void {
  app.command(definition.command, subcommandHandler(deps, definition.command, subcommands));
}
