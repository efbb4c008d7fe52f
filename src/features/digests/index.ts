/** The digests feature's public API: all that other features, commands and the composition root may import. */
export { buildDigest } from './build-digest.js';
export { ids } from './contract.js';
export { countByStatus } from './counts.js';
export { formatDayRange } from './format.js';
export { digestJob } from './jobs/digest.js';
export type { DigestUpdate, StatusCounts } from './model.js';
export { resolveDigestRequest } from './resolve-request.js';
export { registerDigest } from './slack/register.js';
export { digestPreviewSubcommand, digestSendSubcommand } from './slack/subcommands.js';
export { renderDigestChart } from './views/digest-chart.js';
export { renderDigestText } from './views/render-text.js';
export { CHART_STATUS_ORDER } from './views/status-chart-spec.js';
