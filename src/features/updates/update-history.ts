import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';

const withPeople = {
  author: { select: { name: true, slackId: true } },
  agency: { select: { code: true, nameNb: true, nameEn: true } },
} satisfies Prisma.UpdateInclude;

export type HistoryVersion = Prisma.UpdateGetPayload<{ include: typeof withPeople }>;

interface HistorySeries {
  seriesId: string;
  /** Newest version first. */
  versions: HistoryVersion[];
}

export interface HistoryPage {
  /** 0-based, clamped to the pages there are. */
  page: number;
  pageCount: number;
  totalSeries: number;
  series: HistorySeries[];
}

/**
 * One page of a measure's updates, newest first, each with all its versions.
 * Three queries per page: the count, the page's series, and their versions.
 */
export async function loadHistoryPage(
  prisma: PrismaClient,
  measureId: number,
  page: number,
  pageSize: number,
): Promise<HistoryPage> {
  // Every series starts at version 1, so this counts updates, not versions.
  const totalSeries = await prisma.update.count({ where: { measureId, version: 1 } });
  const pageCount = Math.max(1, Math.ceil(totalSeries / pageSize));
  const current = Math.min(Math.max(0, page), pageCount - 1);
  const groups = await prisma.update.groupBy({
    by: ['seriesId'],
    where: { measureId },
    _max: { createdAt: true },
    orderBy: [{ _max: { createdAt: 'desc' } }, { seriesId: 'asc' }],
    skip: current * pageSize,
    take: pageSize,
  });
  const seriesIds = groups.map((g) => g.seriesId);
  const rows =
    seriesIds.length === 0
      ? []
      : await prisma.update.findMany({
          where: { seriesId: { in: seriesIds } },
          include: withPeople,
          orderBy: { version: 'desc' },
        });
  const series = seriesIds.map((seriesId) => ({ seriesId, versions: rows.filter((r) => r.seriesId === seriesId) }));
  return { page: current, pageCount, totalSeries, series };
}
