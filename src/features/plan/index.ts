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
  type DueSettings,
  dueSettingsFrom,
  dueStatesFrom,
  type LadderSettings,
  loadDueStates,
  type PairDue,
} from './due-dates.js';
export {
  type DueFacts,
  isSettled,
  loadDueFacts,
  NEW_REPORT_SQL,
  type PairRow,
  planFactsOf,
  roundFactsOf,
} from './due-facts.js';
export { exportPlanText } from './export-plan.js';
export { importPlanIfEmpty } from './first-start.js';
export { focusAreaById, focusAreaByNumber, focusAreas } from './focus-areas.js';
export { importPlanText } from './import-plan.js';
export {
  type AgencyStatus,
  keptLatestUpdates,
  loadMeasureStatuses,
  type MeasureStatus,
  pairKey,
} from './measure-status.js';
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
