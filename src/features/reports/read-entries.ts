import { setImmediate as nextTurn } from 'node:timers/promises';
import { z } from 'zod';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { queryRows, statusColumn } from '../../kernel/db/rows.js';
import type { ReportEntry, ReportMeasure, ReportWindow } from './model.js';

/** Rows per query: a page of entries or versions is a few MB at most, whatever the period. */
export const REPORT_PAGE_SIZE = 5_000;

const entryRow = z.object({
  id: z.number().int(),
  measureId: z.number().int(),
  createdAt: z.date(),
  onBehalf: z.boolean(),
  status: statusColumn,
  progress: z.number().int().nullable(),
  done: z.string(),
  challenges: z.string().nullable(),
  agencyCode: z.string(),
  agencyNameNb: z.string(),
  agencyNameEn: z.string(),
  authorName: z.string(),
});
type EntryRow = z.output<typeof entryRow>;

/** Measures read in one query, and how many entries the outline counted for them. */
interface Chunk {
  measureIds: number[];
  entries: number;
}

/**
 * The entries of the report's measures, in the report's order, read in pages
 * of at most `pageSize` rows. Consecutive measures are read together, as many
 * as fit in a page by the outline's counts; a measure with more entries than a
 * page is read on its own, a page at a time, and once more for its
 * challenges. So the queries number about rows ÷ pageSize, never one per
 * measure, and memory holds one page. A series' last version is found with
 * a sub-query per row that the (seriesId, version) index answers, so a page
 * costs its own rows whatever the planner knows of the table.
 */
export class ReportEntries {
  private readonly chunkOf = new Map<number, Chunk>();
  private loaded = new Map<number, ReportEntry[]>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly window: ReportWindow,
    measures: readonly ReportMeasure[],
    private readonly pageSize = REPORT_PAGE_SIZE,
  ) {
    let chunk: Chunk = { measureIds: [], entries: 0 };
    for (const m of measures) {
      if (m.entryCount === 0 || m.entryCount > pageSize) continue;
      if (chunk.entries + m.entryCount > pageSize) chunk = { measureIds: [], entries: 0 };
      chunk.measureIds.push(m.id);
      chunk.entries += m.entryCount;
      this.chunkOf.set(m.id, chunk);
    }
  }

  /** A measure's entries (each series as last written in the period), oldest first; or only those with challenges. */
  async *of(measure: ReportMeasure, challengesOnly: boolean): AsyncGenerator<ReportEntry> {
    if (measure.entryCount === 0) return;
    if (measure.entryCount > this.pageSize) {
      const expected = challengesOnly ? undefined : measure.entryCount;
      for await (const page of this.pages([measure.id], challengesOnly, expected)) yield* page.map(toEntry);
      return;
    }
    if (!this.loaded.has(measure.id))
      await this.load(this.chunkOf.get(measure.id) ?? { measureIds: [measure.id], entries: measure.entryCount });
    for (const e of this.loaded.get(measure.id) ?? []) if (!challengesOnly || e.challenges) yield e;
  }

  private async load(chunk: Chunk): Promise<void> {
    // The previous chunk is done with: only one is held at a time.
    this.loaded = new Map(chunk.measureIds.map((id) => [id, []]));
    for await (const page of this.pages(chunk.measureIds, false, chunk.entries))
      for (const row of page) this.loaded.get(row.measureId)?.push(toEntry(row));
  }

  /** Keyset pages on (measure, createdAt, id): each page starts after the last row of the one before. */
  private async *pages(
    measureIds: number[],
    challengesOnly: boolean,
    expected: number | undefined,
  ): AsyncGenerator<EntryRow[]> {
    const { start, end, maxUpdateId } = this.window;
    let after: EntryRow | null = null;
    let fetched = 0;
    for (;;) {
      // PGlite answers on this thread: let waiting requests in before each page.
      await nextTurn();
      const page: EntryRow[] = await queryRows(
        this.prisma,
        entryRow,
        Prisma.sql`
          SELECT u.id, u."measureId", u."createdAt", u."onBehalf", u.status, u.progress, u.done, u.challenges,
            a.code AS "agencyCode", a."nameNb" AS "agencyNameNb", a."nameEn" AS "agencyNameEn", p.name AS "authorName"
          FROM "Update" u
          JOIN "Agency" a ON a.id = u."agencyId"
          JOIN "Person" p ON p.id = u."authorId"
          WHERE u."measureId" IN (${Prisma.join(measureIds)})
            AND u."createdAt" >= ${start} AND u."createdAt" < ${end} AND u.id <= ${maxUpdateId}
            AND u.version = (
              SELECT max(v.version) FROM "Update" v
              WHERE v."seriesId" = u."seriesId"
                AND v."createdAt" >= ${start} AND v."createdAt" < ${end} AND v.id <= ${maxUpdateId})
            AND ${challengesOnly ? Prisma.sql`u.challenges <> ''` : Prisma.sql`TRUE`}
            AND ${after === null ? Prisma.sql`TRUE` : Prisma.sql`(u."measureId", u."createdAt", u.id) > (${after.measureId}, ${after.createdAt}, ${after.id})`}
          ORDER BY u."measureId", u."createdAt", u.id
          LIMIT ${this.pageSize}`,
      );
      if (page.length > 0) yield page;
      fetched += page.length;
      after = page.at(-1) ?? null;
      if (page.length < this.pageSize || (expected !== undefined && fetched >= expected)) return;
    }
  }
}

function toEntry(r: EntryRow): ReportEntry {
  return {
    agencyCode: r.agencyCode,
    agencyNameNb: r.agencyNameNb,
    agencyNameEn: r.agencyNameEn,
    authorName: r.authorName,
    onBehalf: r.onBehalf,
    status: r.status,
    progress: r.progress,
    done: r.done,
    challenges: r.challenges,
    createdAt: r.createdAt,
  };
}
