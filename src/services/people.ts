import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

export type PersonWithAgency = Prisma.PersonGetPayload<{ include: { agency: true } }>;

export function findPerson(prisma: PrismaClient, slackId: string): Promise<PersonWithAgency | null> {
  return prisma.person.findFirst({ where: { slackId, active: true }, include: { agency: true } });
}

/** Whom an unregistered user should ask: the plan's coordinators, by name. */
export async function coordinatorNames(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.person.findMany({
    where: { role: { in: ['COORDINATOR', 'ADMIN'] }, active: true },
    orderBy: [{ role: 'asc' }, { name: 'asc' }],
    select: { name: true, slackId: true },
    take: 3,
  });
  return rows.map((r) => `<@${r.slackId}>`);
}
