/** The plan feature's public API: all that other features, commands and the composition root may import. */

export { ids } from './contract.js';
export {
  type DueState,
  dueState,
  isRoundOpen,
  lastReportedAt,
  overdueWorkingDays,
  type PairFacts,
  type PlanFacts,
  type RoundFacts,
  roundFor,
} from './due.js';
export {
  type DueFacts,
  type DueSettings,
  dueSettingsFrom,
  dueStatesFrom,
  isSettled,
  type LadderSettings,
  loadDueFacts,
  loadDueStates,
  NEW_REPORT_SQL,
  type PairDue,
  type PairRow,
  planFactsOf,
  roundFactsOf,
} from './due-dates.js';
export { exportPlanText } from './export-plan.js';
export { importPlanIfEmpty } from './first-start.js';
export { focusAreaById, focusAreaByNumber, focusAreas } from './focus-areas.js';
export { importPlanText } from './import-plan.js';
export { type AgencyStatus, loadMeasureStatuses, type MeasureStatus, pairKey } from './measure-status.js';
export {
  findMeasureById,
  findMeasureByNumber,
  MAX_MEASURE_NUMBER,
  type MeasureRef,
  type MeasureWithAgencies,
  measuresOfAgency,
} from './measures.js';
export { exportSubcommand, importSubcommand } from './slack/admin-subcommands.js';
export { registerPlanListeners } from './slack/register.js';
export { slackEmailLookup } from './slack-plan-file.js';
