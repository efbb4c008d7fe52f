import { STEP, type Step } from '../ladder.js';
import type { Delivery } from './reminders-plan.js';

const STEP_NAMES: Record<Step, string> = {
  [STEP.roundOpened]: 'round opened',
  [STEP.dueSoon]: 'due soon',
  [STEP.overdue]: 'overdue',
  [STEP.teamLead]: 'team lead escalation',
  [STEP.coordinators]: 'weekly overdue summary',
  [STEP.failure]: 'delivery failure notice',
};

/** One readable line for `npm run jobs -- --dry-run`: what, to whom, about what, and the ledger key. */
export function describeDelivery(d: Delivery, at: Date): string {
  const about = d.measureId === 0 ? '' : ` about measure id ${d.measureId}, agency id ${d.agencyId}`;
  const held = d.notBefore > at ? `, snoozed until ${d.notBefore.toISOString()}` : '';
  return `step ${d.step} (${STEP_NAMES[d.step]}) to ${d.recipient}${about}, period ${d.period}${held} [${d.key}]`;
}
