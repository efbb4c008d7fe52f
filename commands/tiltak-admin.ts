import { adminHelpSubcommand, adminSubcommands } from '../src/features/admin/index.js';
import { exportSubcommand, importSubcommand } from '../src/features/plan/index.js';
import { redactSubcommand } from '../src/features/privacy/index.js';
import { subcommandHandler } from '../src/kernel/commands/command-handler.js';
import { coordinatorsOnly } from '../src/kernel/commands/coordinators-only.js';
import type { Subcommand } from '../src/kernel/commands/subcommand.js';
import type { Deps } from '../src/kernel/deps.js';
import type { TiltakBolt } from '../src/kernel/slack/request-context.js';

export const definition = {
  command: '/tiltak-admin',
  description: 'Oppsett av planen: etater, personer, tiltak, områder, import, eksport, sladding og logg',
  usageHint: 'etater | personer | tiltak <nr> | område <n> | import | eksport | sladd <nr> | logg | hjelp',
} as const;

/**
 * Sub-commands in the order the help text lists them: the admin feature's,
 * then the plan file's and redaction (their own rights checks; sladd is for
 * admins only), then the help.
 */
export function subcommands(): readonly Subcommand[] {
  return [
    ...adminSubcommands(),
    coordinatorsOnly(importSubcommand()),
    coordinatorsOnly(exportSubcommand()),
    coordinatorsOnly(redactSubcommand()),
    adminHelpSubcommand(subcommands),
  ];
}

export function register(app: TiltakBolt, deps: Deps): void {
  app.command(definition.command, subcommandHandler(deps, definition.command, subcommands));
}
