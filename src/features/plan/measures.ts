import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { ReferenceCache } from '../../kernel/db/reference-cache.js';

const withAgencies = {
  focusArea: true,
  agencies: { include: { agency: true } },
} satisfies Prisma.MeasureInclude;

export type MeasureWithAgencies = Prisma.MeasureGetPayload<{ include: typeof withAgencies }>;

/** Measure numbers users type are small positive integers; anything else cannot exist. */
export const MAX_MEASURE_NUMBER = 1_000_000;

/** The tables a measure with its focus area and agencies is read from. */
export const MEASURE_TABLES = ['Measure', 'MeasureAgency', 'Agency', 'FocusArea'] as const;

export async function findMeasureByNumber(
  prisma: PrismaClient,
  number: number,
  reference?: ReferenceCache,
): Promise<MeasureWithAgencies | null> {
  if (!Number.isSafeInteger(number) || number < 1 || number > MAX_MEASURE_NUMBER) return null;
  return findMeasure(prisma, { number }, `measure:number:${number}`, reference);
}

export async function findMeasureById(
  prisma: PrismaClient,
  id: number,
  reference?: ReferenceCache,
): Promise<MeasureWithAgencies | null> {
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return null;
  return findMeasure(prisma, { id }, `measure:id:${id}`, reference);
}

/** One measure by a unique key, through the cache when there is one. Only measures found are kept, so numbers typed at random cannot fill it. */
function findMeasure(
  prisma: PrismaClient,
  where: Prisma.MeasureWhereUniqueInput,
  key: string,
  reference: ReferenceCache | undefined,
): Promise<MeasureWithAgencies | null> {
  const read = async () => {
    const measure = await prisma.measure.findUnique({ where, include: withAgencies });
    return measure === null ? null : leadFirst(measure);
  };
  return reference === undefined ? read() : reference.get(key, MEASURE_TABLES, read, (m) => m !== null);
}

export interface MeasureRef {
  id: number;
  number: number;
  titleNb: string;
  titleEn: string;
}

/** The measures an agency is lead or partner on, by number; an archived one is reported on no more. */
export function measuresOfAgency(
  prisma: PrismaClient,
  agencyId: number,
  reference?: ReferenceCache,
): Promise<MeasureRef[]> {
  const read = () =>
    prisma.measure.findMany({
      where: { agencies: { some: { agencyId } }, archivedAt: null },
      select: { id: true, number: true, titleNb: true, titleEn: true },
      orderBy: { number: 'asc' },
    });
  // An agency's list is kept whatever its length: agency ids come from people and measures, not from requests.
  return reference === undefined ? read() : reference.get(`measures:agency:${agencyId}`, MEASURE_TABLES, read);
}

/** Lead first, then partners by code: the order every view lists agencies in. */
function leadFirst(measure: MeasureWithAgencies): MeasureWithAgencies {
  const agencies = [...measure.agencies].sort((a, b) =>
    a.role === b.role ? a.agency.code.localeCompare(b.agency.code) : a.role === 'LEAD' ? -1 : 1,
  );
  return { ...measure, agencies };
}
