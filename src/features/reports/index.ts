/** The reports feature's public API: all that other features, commands and the composition root may import. */
export { REPORT_FORMATS, type ReportFormat, renderReport } from './build-report.js';
export { exportArgsProblem, parseExportArgs } from './export-args.js';
export { loadReport } from './load-report.js';
export { reportPeriod } from './report-period.js';
export { reportExportSubcommand } from './slack/export-subcommand.js';
