import type { Job, JobContext, JobReport } from '../../../kernel/jobs/job.js';
import { drainYielding } from '../../../kernel/jobs/slices.js';
import { dueSettingsFrom } from '../../plan/index.js';
import { deliverDue } from './reminders-deliver.js';
import { describeDelivery } from './reminders-describe.js';
import { dueRows, recordedTriples, recordIntents } from './reminders-ledger.js';
import { remindersNextDueAt } from './reminders-next-due.js';
import { evaluation, unrecorded } from './reminders-plan.js';
import { loadReminderState } from './reminders-state.js';

const REMINDERS_JOB = 'reminders';

/**
 * One tick of the reminder ladder: load the database as it stands at `at`,
 * ask the pure planner what applies, record what nobody has been sent yet,
 * then send whatever the ledger says is due. A refusal for good is reported
 * to the coordinators in a second pass of the same tick.
 */
export async function runReminders(ctx: JobContext): Promise<JobReport> {
  const { deps, at } = ctx;
  const settings = dueSettingsFrom(deps.config);
  const lines: string[] = [];
  for (let pass = 0; pass < 2; pass++) {
    const state = await loadReminderState(deps.prisma, settings.timeZone, at);
    const candidates = await drainYielding(evaluation(state, settings, at));
    const fresh = unrecorded(candidates, await recordedTriples(deps.prisma, candidates));
    if (ctx.dryRun) {
      for (const d of fresh) lines.push(`would send ${describeDelivery(d, at)}`);
      for (const r of await dueRows(deps.prisma, at)) lines.push(`would ${r.attempts > 0 ? 'retry' : 'send'} ${r.key}`);
      break;
    }
    await recordIntents(deps.prisma, fresh, at);
    const result = await deliverDue({
      prisma: deps.prisma,
      slack: ctx.slack,
      logger: deps.logger,
      settings,
      state,
      at,
    });
    lines.push(...result.lines);
    if (result.failedForGood === 0) break;
  }
  if (ctx.dryRun) return { job: REMINDERS_JOB, lines };
  // Asked after the sends, so the retries and leases they left count.
  return { job: REMINDERS_JOB, lines, nextDueAt: await remindersNextDueAt(deps.prisma, settings, at) };
}

export function remindersJob(): Job {
  return {
    name: REMINDERS_JOB,
    run: runReminders,
    unaffectedBy: ['DigestLedger', 'AuditLog', 'QuotedMessage', 'SeenRequest'],
  };
}
