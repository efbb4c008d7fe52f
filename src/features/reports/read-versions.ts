import { setImmediate as nextTurn } from 'node:timers/promises';
import { z } from 'zod';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { queryRows, updateRow } from '../../kernel/db/rows.js';
import type { ReportWindow, VersionRow } from './model.js';
import { REPORT_PAGE_SIZE } from './read-entries.js';

/** An update's own columns as `updateRow` checks them, with what the report joins to it. */
const versionRow = updateRow
  .pick({
    id: true,
    seriesId: true,
    version: true,
    createdAt: true,
    periodDate: true,
    onBehalf: true,
    status: true,
    progress: true,
    done: true,
    challenges: true,
    nextSteps: true,
    spendNok: true,
  })
  .extend({
    focusArea: z.number().int().nullable(),
    measure: z.number().int(),
    measureTitleNb: z.string(),
    agencyCode: z.string(),
    agencyNameNb: z.string(),
    authorName: z.string(),
    authorSlackId: z.string(),
  }) satisfies z.ZodType<VersionRow>;

/**
 * Every update version of the report's window, oldest first, in keyset pages
 * on (createdAt, id) that the createdAt index serves: one query per page of
 * `pageSize` rows, so the queries grow with rows ÷ pageSize and memory holds
 * one page.
 */
export async function* versionPages(
  prisma: PrismaClient,
  window: ReportWindow,
  pageSize = REPORT_PAGE_SIZE,
): AsyncGenerator<VersionRow[]> {
  const { end, maxUpdateId } = window;
  let after: VersionRow | null = null;
  for (;;) {
    // PGlite answers on this thread: let waiting requests in before each page.
    await nextTurn();
    const page: VersionRow[] = await queryRows(
      prisma,
      versionRow,
      Prisma.sql`
        SELECT u.id, u."seriesId", u.version, u."createdAt", u."periodDate", f.number AS "focusArea",
          m.number AS measure, m."titleNb" AS "measureTitleNb", a.code AS "agencyCode", a."nameNb" AS "agencyNameNb",
          p.name AS "authorName", p."slackId" AS "authorSlackId", u."onBehalf", u.status, u.progress, u.done,
          u.challenges, u."nextSteps", u."spendNok"
        FROM "Update" u
        JOIN "Measure" m ON m.id = u."measureId"
        LEFT JOIN "FocusArea" f ON f.id = m."focusAreaId"
        JOIN "Agency" a ON a.id = u."agencyId"
        JOIN "Person" p ON p.id = u."authorId"
        WHERE u."createdAt" >= ${after?.createdAt ?? window.start} AND u."createdAt" < ${end} AND u.id <= ${maxUpdateId}
          AND ${after === null ? Prisma.sql`TRUE` : Prisma.sql`(u."createdAt", u.id) > (${after.createdAt}, ${after.id})`}
        ORDER BY u."createdAt", u.id
        LIMIT ${pageSize}`,
    );
    if (page.length > 0) yield page;
    after = page.at(-1) ?? null;
    if (page.length < pageSize) return;
  }
}
