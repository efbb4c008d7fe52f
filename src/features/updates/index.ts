/** The updates feature's public API: all that other features, commands and the composition root may import. */
export { ids } from './contract.js';
export { loadMeasureRows, type MeasureRow } from './measure-rows.js';
export { TEXT_FIELDS, type TextField } from './personal-data.js';
export { buildView } from './slack/open-update-modal.js';
export { registerUpdateListeners } from './slack/register.js';
export { updateSubcommands } from './slack/subcommands.js';
export { submitUpdate } from './submit-update.js';
export { latestVersions } from './update-queries.js';
export { measureRowBlock } from './views/measure-row.js';
export { noticeView } from './views/update-notice.js';
