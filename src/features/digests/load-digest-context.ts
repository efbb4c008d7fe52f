import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { PLAN_ID } from '../../kernel/db/plan.js';
import { queryRows } from '../../kernel/db/rows.js';
import { type PlanFacts, planFactsOf, type RoundFacts, roundFactsOf } from '../plan/index.js';
import type { Digest } from './model.js';

export interface DigestContext {
  area: Digest['area'];
  /** Null before a plan is imported. */
  plan: PlanFacts | null;
  /** The rounds that cover the area and had opened by `at`, newest first. */
  roundsNewestFirst: RoundFacts[];
}

const contextRow = z.object({
  id: z.number(),
  number: z.number(),
  titleNb: z.string(),
  titleEn: z.string(),
  channel: z.string().nullable(),
  startDate: z.date().nullable(),
  endDate: z.date().nullable(),
  defaultCadenceDays: z.number().nullable(),
  roundId: z.number().nullable(),
  roundAreaId: z.number().nullable(),
  openedAt: z.date().nullable(),
  deadline: z.date().nullable(),
  closedAt: z.date().nullable(),
});

/** The focus area, the plan and the rounds that cover the area at `at`: one statement, one row per round. */
export async function loadDigestContext(
  prisma: PrismaClient,
  areaId: number,
  at: Date,
  timeZone: string,
): Promise<DigestContext> {
  const rows = await queryRows(
    prisma,
    contextRow,
    `SELECT f.id, f.number, f."titleNb", f."titleEn", f.channel, p."startDate", p."endDate", p."defaultCadenceDays",
            r.id AS "roundId", r."focusAreaId" AS "roundAreaId", r."openedAt", r.deadline, r."closedAt"
     FROM "FocusArea" f
     LEFT JOIN "Plan" p ON p.id = ${PLAN_ID}
     LEFT JOIN "ReportingRound" r ON r."openedAt" <= $2 AND (r."focusAreaId" IS NULL OR r."focusAreaId" = f.id)
     WHERE f.id = $1
     ORDER BY r."openedAt" DESC, r.id DESC`,
    areaId,
    at,
  );
  const [head] = rows;
  if (head === undefined) throw new Error(`no focus area with id ${areaId}`);
  const { startDate, endDate, defaultCadenceDays } = head;
  const roundsNewestFirst: RoundFacts[] = [];
  for (const r of rows)
    if (r.roundId !== null && r.openedAt !== null && r.deadline !== null)
      roundsNewestFirst.push(
        roundFactsOf(
          {
            id: r.roundId,
            focusAreaId: r.roundAreaId,
            openedAt: r.openedAt,
            deadline: r.deadline,
            closedAt: r.closedAt,
          },
          at,
          timeZone,
        ),
      );
  return {
    area: { id: head.id, number: head.number, titleNb: head.titleNb, titleEn: head.titleEn, channel: head.channel },
    plan:
      startDate === null || endDate === null || defaultCadenceDays === null
        ? null
        : planFactsOf({ startDate, endDate, defaultCadenceDays }),
    roundsNewestFirst,
  };
}
