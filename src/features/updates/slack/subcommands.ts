import type { Subcommand } from '../../../kernel/commands/subcommand.js';
import { cardSubcommand } from './card-subcommand.js';
import { historySubcommand } from './history-subcommand.js';
import { languageSubcommand } from './language-subcommand.js';
import { listSubcommand } from './list-subcommand.js';
import { defaultSubcommand, mineSubcommand } from './mine-subcommand.js';
import { overdueSubcommand } from './overdue-subcommand.js';
import { updateSubcommand } from './update-subcommand.js';

/** The updates area's /tiltak sub-commands, in the order the help text lists them. */
export function updateSubcommands(): Subcommand[] {
  return [
    defaultSubcommand,
    cardSubcommand,
    updateSubcommand,
    mineSubcommand,
    listSubcommand,
    historySubcommand,
    overdueSubcommand,
    languageSubcommand,
  ];
}
