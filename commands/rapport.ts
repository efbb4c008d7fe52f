import { digestPreviewSubcommand, digestSendSubcommand } from '../src/features/digests/index.js';
import { roundSubcommand, runReminders } from '../src/features/reminders/index.js';
import { reportExportSubcommand } from '../src/features/reports/index.js';
import { subcommandHandler } from '../src/kernel/commands/command-handler.js';
import { helpSubcommand } from '../src/kernel/commands/help.js';
import type { Subcommand, SubcommandContext } from '../src/kernel/commands/subcommand.js';
import type { Deps } from '../src/kernel/deps.js';
import type { TiltakBolt } from '../src/kernel/slack/request-context.js';

export const definition = {
  command: '/rapport',
  description: 'Rapporteringsrunder, ukesammendrag og statusrapport for koordinatorer',
  usageHint: 'runde <dato> | runde status | sammendrag <område> | send <område> | eksport | hjelp',
} as const;

/** Sub-commands in the order the help text lists them. */
export function subcommands(): readonly Subcommand[] {
  const sendReminders = (ctx: SubcommandContext, at: Date) =>
    runReminders({ deps: ctx.deps, slack: ctx.client, at, dryRun: false });
  return [
    roundSubcommand(sendReminders),
    digestPreviewSubcommand(),
    digestSendSubcommand(),
    reportExportSubcommand(),
    helpSubcommand(subcommands, (m) => m.help.rapportHelpUsage),
  ];
}

export function register(app: TiltakBolt, deps: Deps): void {
  app.command(definition.command, subcommandHandler(deps, definition.command, subcommands));
}
