/** The privacy feature's public API: redaction of personal data in updates. */
export { ids } from './contract.js';
export { redactSubcommand } from './slack/redact-subcommand.js';
export { registerPrivacyListeners } from './slack/register.js';
