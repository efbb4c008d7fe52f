import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { writeAudit } from '../db/audit.js';

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

/** Saves the user's language, with its audit line; the reply that follows speaks it. */
export async function setLanguage(
  prisma: PrismaClient,
  person: PersonWithAgency,
  language: 'nb' | 'en',
  at: Date,
): Promise<void> {
  if (person.language === language) return;
  await prisma.$transaction(async (tx) => {
    await tx.person.update({ where: { id: person.id }, data: { language } });
    await writeAudit(tx, {
      actor: person.slackId,
      action: 'person.language',
      entity: 'Person',
      entityId: String(person.id),
      before: { language: person.language },
      after: { language },
      at,
    });
  });
}
