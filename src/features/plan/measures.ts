import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';

const withAgencies = {
  focusArea: true,
  agencies: { include: { agency: true } },
} satisfies Prisma.MeasureInclude;

export type MeasureWithAgencies = Prisma.MeasureGetPayload<{ include: typeof withAgencies }>;

/** Measure numbers users type are small positive integers; anything else cannot exist. */
export const MAX_MEASURE_NUMBER = 1_000_000;

export async function findMeasureByNumber(prisma: PrismaClient, number: number): Promise<MeasureWithAgencies | null> {
  if (!Number.isSafeInteger(number) || number < 1 || number > MAX_MEASURE_NUMBER) return null;
  const measure = await prisma.measure.findUnique({ where: { number }, include: withAgencies });
  return measure === null ? null : leadFirst(measure);
}

export async function findMeasureById(prisma: PrismaClient, id: number): Promise<MeasureWithAgencies | null> {
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return null;
  const measure = await prisma.measure.findUnique({ where: { id }, include: withAgencies });
  return measure === null ? null : leadFirst(measure);
}

export interface MeasureRef {
  id: number;
  number: number;
  titleNb: string;
  titleEn: string;
}

/** The measures an agency is lead or partner on, by number; an archived one is reported on no more. */
export function measuresOfAgency(prisma: PrismaClient, agencyId: number): Promise<MeasureRef[]> {
  return prisma.measure.findMany({
    where: { agencies: { some: { agencyId } }, archivedAt: null },
    select: { id: true, number: true, titleNb: true, titleEn: true },
    orderBy: { number: 'asc' },
  });
}

/** Lead first, then partners by code: the order every view lists agencies in. */
function leadFirst(measure: MeasureWithAgencies): MeasureWithAgencies {
  const agencies = [...measure.agencies].sort((a, b) =>
    a.role === b.role ? a.agency.code.localeCompare(b.agency.code) : a.role === 'LEAD' ? -1 : 1,
  );
  return { ...measure, agencies };
}
