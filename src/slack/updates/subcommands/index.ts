import type { Subcommand } from '../../subcommands/types.js';
import { cardSubcommand } from './card.js';
import { historySubcommand } from './history.js';
import { languageSubcommand } from './language.js';
import { listSubcommand } from './list.js';
import { defaultSubcommand, mineSubcommand } from './mine.js';
import { overdueSubcommand } from './overdue.js';
import { updateSubcommand } from './update.js';

/** The updates area's /tiltak sub-commands, in the order the help text lists them. */
export function updateSubcommands(): Subcommand[] {
  return [defaultSubcommand, cardSubcommand, updateSubcommand, mineSubcommand, listSubcommand, historySubcommand, overdueSubcommand, languageSubcommand];
}
