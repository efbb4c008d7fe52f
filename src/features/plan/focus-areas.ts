import type { FocusArea, PrismaClient } from '../../generated/prisma/client.js';

/** Area numbers are small: a larger one typed by a user names no area, and is never sent to the database. */
const MAX_AREA_NUMBER = 1_000_000;

export function focusAreaByNumber(prisma: PrismaClient, number: number): Promise<FocusArea | null> {
  if (!Number.isSafeInteger(number) || number < 0 || number > MAX_AREA_NUMBER) return Promise.resolve(null);
  return prisma.focusArea.findUnique({ where: { number } });
}

export function focusAreaById(prisma: PrismaClient, id: number | null): Promise<FocusArea | null> {
  return id === null ? Promise.resolve(null) : prisma.focusArea.findUnique({ where: { id } });
}

/** Every focus area, in number order. */
export function focusAreas(prisma: PrismaClient): Promise<FocusArea[]> {
  return prisma.focusArea.findMany({ orderBy: { number: 'asc' } });
}
