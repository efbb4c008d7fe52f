/** The admin feature's public API: all that commands and the composition root may import. */
export { ids } from './contract.js';
export { firstRunAdmins } from './first-run.js';
export { registerAdminListeners } from './slack/register.js';
export { adminHelpSubcommand, adminSubcommands } from './slack/subcommands.js';
