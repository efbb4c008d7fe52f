import type { FocusArea, Plan } from '../../../generated/prisma/client.js';
import { areaSchedule, latestDueWeek, weekPeriod, weekWithinPlan } from '../schedule.js';

/** A digest sent more than this after its due time was held up by downtime, and says so. */
export const LATE_AFTER_MS = 15 * 60_000;

export interface DueDigest {
  area: FocusArea;
  week: string;
  dueAt: Date;
  late: boolean;
}

/**
 * Pure: per focus area, the latest week whose digest is due at `at`. Only
 * the latest: after a long outage one (late) digest catches up, not a
 * backlog of stale weeks. Weeks outside the plan's period have none.
 */
export function dueDigests(plan: Plan, areas: readonly FocusArea[], at: Date, timeZone: string): DueDigest[] {
  return areas.flatMap((area) => {
    const { week, dueAt } = latestDueWeek(at, areaSchedule(plan, area), timeZone);
    if (!weekWithinPlan(weekPeriod(week, timeZone), plan)) return [];
    return [{ area, week, dueAt, late: at.getTime() - dueAt.getTime() > LATE_AFTER_MS }];
  });
}

/** The ledger period of the one-time notice to a coordinator that an area has nowhere to post. */
export const noChannelPeriod = (slackId: string) => `no-channel:${slackId}`;
/** The ledger period of the one-time notice to a coordinator that the bot cannot post in an area's channel. */
export const notInChannelPeriod = (channel: string, slackId: string) => `not-in-channel:${channel}:${slackId}`;
/** Either notice: a ledger row sent to one coordinator, not to the area's channel. */
export const isNoChannelPeriod = (period: string) =>
  period.startsWith('no-channel:') || period.startsWith('not-in-channel:');
export const digestLedgerKey = (focusAreaId: number, period: string) => `digest:${focusAreaId}:${period}`;
