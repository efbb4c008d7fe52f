import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { queryUniformRows, statusColumn } from '../../kernel/db/rows.js';
import type { DigestPeriod, DigestUpdate } from './model.js';

const weekUpdateRow = z.object({
  id: z.number(),
  seriesId: z.string(),
  version: z.number(),
  measureId: z.number(),
  agencyCode: z.string(),
  agencyNameNb: z.string(),
  agencyNameEn: z.string(),
  authorName: z.string(),
  onBehalf: z.boolean(),
  status: statusColumn,
  progress: z.number().nullable(),
  done: z.string(),
  challenges: z.string().nullable(),
  createdAt: z.date(),
});

export type WeekUpdate = DigestUpdate & { seriesId: string; measureId: number };

/**
 * Every update version written in the period on the area's measures, archived
 * ones included, with its agency's and author's names, oldest first (then by
 * id): one statement.
 */
export function loadWeekUpdates(prisma: PrismaClient, areaId: number, period: DigestPeriod): Promise<WeekUpdate[]> {
  return queryUniformRows(
    prisma,
    weekUpdateRow,
    `SELECT u.id, u."seriesId", u.version, u."measureId", a.code AS "agencyCode", a."nameNb" AS "agencyNameNb",
            a."nameEn" AS "agencyNameEn", p.name AS "authorName", u."onBehalf", u.status::text AS status, u.progress,
            u.done, u.challenges, u."createdAt"
     FROM "Update" u
     JOIN "Measure" m ON m.id = u."measureId"
     JOIN "Agency" a ON a.id = u."agencyId"
     JOIN "Person" p ON p.id = u."authorId"
     WHERE m."focusAreaId" = $1 AND u."createdAt" > $2 AND u."createdAt" <= $3
     ORDER BY u."createdAt", u.id`,
    areaId,
    period.from,
    period.to,
  );
}
