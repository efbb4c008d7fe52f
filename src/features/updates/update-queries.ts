import type { PrismaClient, Update } from '../../generated/prisma/client.js';
import type { ReferenceCache } from '../../kernel/db/reference-cache.js';
import { keptLatestUpdates, pairKey } from '../plan/index.js';
import { SERIES_ID } from './contract.js';

/**
 * An edit is a new version of the same series: of the rows given, each
 * series' highest version, in the order the series first appear.
 */
export function latestVersions<T extends { seriesId: string; version: number }>(rows: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const row of rows) {
    const seen = latest.get(row.seriesId);
    if (seen === undefined || seen.version < row.version) latest.set(row.seriesId, row);
  }
  return [...latest.values()];
}

/** All versions of one update, oldest first. */
export function loadSeries(prisma: PrismaClient, seriesId: string): Promise<Update[]> {
  if (!SERIES_ID.test(seriesId)) return Promise.resolve([]);
  return prisma.update.findMany({ where: { seriesId }, orderBy: { version: 'asc' } });
}

/** The newest report for a measure and agency: what the roll-up and the pre-fill read. */
/** With a reference cache, from every pair's newest update kept in memory: for a form's prefill, not for a check. */
export async function latestOfPair(
  prisma: PrismaClient,
  measureId: number,
  agencyId: number,
  reference?: ReferenceCache,
): Promise<Update | null> {
  if (reference?.keeping) return (await keptLatestUpdates(prisma, reference)).get(pairKey(measureId, agencyId)) ?? null;
  return prisma.update.findFirst({ where: { measureId, agencyId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
}

/** What a confirmation names besides the update itself: its measure and agency. */
export function measureAndAgencyOf(prisma: PrismaClient, updateId: number) {
  return prisma.update.findUniqueOrThrow({
    where: { id: updateId },
    select: { measure: { select: { number: true, titleNb: true, titleEn: true } }, agency: { select: { code: true } } },
  });
}
