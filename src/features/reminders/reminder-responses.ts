import type { PrismaClient } from '../../generated/prisma/client.js';
import type { LocalDay } from '../../kernel/calendar/calendar.js';
import { writeAudit } from '../../kernel/db/audit.js';
import { seesWholePlan } from '../../kernel/people/permissions.js';
import type { SlackUserId } from '../../kernel/slack/slack-user-id.js';
import { type DueSettings, loadDueStates } from '../plan/index.js';

export interface Responder {
  id: number;
  /** Checked: the ledger is searched by it, and a missing one would match every recipient. */
  slackId: SlackUserId;
  role: 'CONTACT' | 'TEAM_LEAD' | 'COORDINATOR' | 'ADMIN';
  agencyId: number | null;
}

export interface PairLabel {
  measureNumber: number;
  titleNb: string;
  titleEn: string;
  agencyCode: string;
  agencyNameNb: string;
  agencyNameEn: string;
}

export type ResponderCheck = { ok: true; pair: PairLabel } | { ok: false; reason: 'no_pair' | 'not_yours' };

/**
 * Who may snooze or waive a pair's reminder: people of the agency,
 * coordinators and admins, and anyone the ledger shows was sent a reminder
 * for the pair (a substitute). Button values are forgeable, so this runs on
 * every click and every submission.
 */
export async function checkResponder(
  prisma: PrismaClient,
  person: Responder,
  measureId: number,
  agencyId: number,
): Promise<ResponderCheck> {
  const [pair, reminded] = await Promise.all([
    prisma.measureAgency.findUnique({
      where: { measureId_agencyId: { measureId, agencyId } },
      include: { measure: true, agency: true },
    }),
    prisma.reminderLedger.findFirst({
      where: { measureId, agencyId, recipient: person.slackId },
      select: { id: true },
    }),
  ]);
  if (pair === null) return { ok: false, reason: 'no_pair' };
  const allowed = person.agencyId === agencyId || seesWholePlan(person) || reminded !== null;
  if (!allowed) return { ok: false, reason: 'not_yours' };
  return {
    ok: true,
    pair: {
      measureNumber: pair.measure.number,
      titleNb: pair.measure.titleNb,
      titleEn: pair.measure.titleEn,
      agencyCode: pair.agency.code,
      agencyNameNb: pair.agency.nameNb,
      agencyNameEn: pair.agency.nameEn,
    },
  };
}

export async function snoozePair(
  prisma: PrismaClient,
  args: { slackId: SlackUserId; measureId: number; agencyId: number; at: Date; until: Date },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const snooze = await tx.snooze.create({
      data: {
        measureId: args.measureId,
        agencyId: args.agencyId,
        slackId: args.slackId,
        until: args.until,
        createdAt: args.at,
      },
    });
    await writeAudit(tx, {
      actor: args.slackId,
      action: 'reminder.snooze',
      entity: 'Snooze',
      entityId: String(snooze.id),
      before: null,
      after: { measureId: args.measureId, agencyId: args.agencyId, until: args.until.toISOString() },
      at: args.at,
    });
  });
}

export type WaiveResult = { ok: true; nextDueDay: LocalDay } | { ok: false; reason: 'reported' | 'no_pair' };

/**
 * "Ikke aktuelt denne perioden": recorded with its reason, and counted as the
 * pair's report for the period the reminder was about. A period that has
 * already been reported (or waived, e.g. by a double click) is left alone.
 */
export async function waivePeriod(
  prisma: PrismaClient,
  settings: DueSettings,
  args: { person: Responder; measureId: number; agencyId: number; period: string; reason: string; at: Date },
): Promise<WaiveResult> {
  const filter = { measureIds: [args.measureId], agencyIds: [args.agencyId] };
  const [current] = await loadDueStates(prisma, settings, args.at, filter);
  if (current === undefined) return { ok: false, reason: 'no_pair' };
  if (current.closed || current.period !== args.period.split('~')[0]) return { ok: false, reason: 'reported' };
  await prisma.$transaction(async (tx) => {
    const waiver = await tx.periodWaiver.create({
      data: {
        measureId: args.measureId,
        agencyId: args.agencyId,
        personId: args.person.id,
        reason: args.reason,
        createdAt: args.at,
      },
    });
    await writeAudit(tx, {
      actor: args.person.slackId,
      action: 'period.waive',
      entity: 'PeriodWaiver',
      entityId: String(waiver.id),
      before: null,
      after: { measureId: args.measureId, agencyId: args.agencyId, period: current.period, reason: args.reason },
      at: args.at,
    });
  });
  const [next] = await loadDueStates(prisma, settings, args.at, filter);
  return { ok: true, nextDueDay: next?.dueDay ?? current.dueDay };
}
