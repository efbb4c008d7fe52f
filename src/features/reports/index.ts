/** The reports feature's public API: all that other features, commands and the composition root may import. */
export { exportArgsProblem, parseExportArgs } from './export-args.js';
export { reportPeriod } from './report-period.js';
export { reportExportSubcommand } from './slack/export-subcommand.js';
export { REPORT_FORMATS, writeReport } from './write-report.js';
