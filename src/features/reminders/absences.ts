import type { Absence, PrismaClient } from '../../generated/prisma/client.js';
import { dayOf, type LocalDay } from '../../kernel/calendar/calendar.js';
import { writeAudit, writeAudits } from '../../kernel/db/audit.js';
import type { SlackUserId } from '../../kernel/slack/slack-user-id.js';

const asDate = (day: LocalDay) => new Date(`${day}T00:00:00.000Z`);

export interface AbsenceView {
  fromDay: LocalDay;
  toDay: LocalDay;
  substituteSlackId: string | null;
}

const view = (a: Absence): AbsenceView => ({
  fromDay: dayOf(a.fromDate),
  toDay: dayOf(a.toDate),
  substituteSlackId: a.substituteSlackId,
});

/** The absence that covers today or starts later, not ended by hand. */
export async function currentAbsence(
  prisma: PrismaClient,
  personId: number,
  today: LocalDay,
): Promise<AbsenceView | null> {
  const row = await prisma.absence.findFirst({
    where: { personId, endedAt: null, toDate: { gte: asDate(today) } },
    orderBy: [{ fromDate: 'asc' }, { createdAt: 'desc' }],
  });
  return row === null ? null : view(row);
}

/**
 * Registers an absence. One person has one absence at a time: a new one
 * replaces whatever was current or planned, in the same transaction.
 */
export async function registerAbsence(
  prisma: PrismaClient,
  args: {
    personId: number;
    actor: SlackUserId;
    fromDay: LocalDay;
    toDay: LocalDay;
    substituteSlackId: SlackUserId | null;
    today: LocalDay;
    at: Date;
  },
): Promise<AbsenceView> {
  return prisma.$transaction(async (tx) => {
    await tx.absence.updateMany({
      where: { personId: args.personId, endedAt: null, toDate: { gte: asDate(args.today) } },
      data: { endedAt: args.at },
    });
    const row = await tx.absence.create({
      data: {
        personId: args.personId,
        fromDate: asDate(args.fromDay),
        toDate: asDate(args.toDay),
        substituteSlackId: args.substituteSlackId,
        createdAt: args.at,
      },
    });
    await writeAudit(tx, {
      actor: args.actor,
      action: 'absence.register',
      entity: 'Absence',
      entityId: row.id,
      before: null,
      after: { from: args.fromDay, to: args.toDay, substitute: args.substituteSlackId },
      at: args.at,
    });
    return view(row);
  });
}

/** Ends every current or planned absence of the person; returns how many there were. */
export async function endAbsence(
  prisma: PrismaClient,
  args: { personId: number; actor: SlackUserId; today: LocalDay; at: Date },
): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const open = await tx.absence.findMany({
      where: { personId: args.personId, endedAt: null, toDate: { gte: asDate(args.today) } },
      select: { id: true },
    });
    if (open.length === 0) return 0;
    await tx.absence.updateMany({ where: { id: { in: open.map((a) => a.id) } }, data: { endedAt: args.at } });
    await writeAudits(
      tx,
      open.map((a) => ({
        actor: args.actor,
        action: 'absence.end',
        entity: 'Absence',
        entityId: a.id,
        before: null,
        after: { endedAt: args.at.toISOString() },
        at: args.at,
      })),
    );
    return open.length;
  });
}
