/** The admin feature's public API: all that commands and the composition root may import. */
export { firstRunAdmins } from './first-run.js';
