import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { writeAudit } from '../db/audit.js';
import type { ReferenceCache } from '../db/reference-cache.js';
import { parseSlackUserId, type SlackUserId } from '../slack/slack-user-id.js';

type PersonRow = Prisma.PersonGetPayload<{ include: { agency: true } }>;

/**
 * A person in the plan, with a checked Slack id: what a request acts as, and
 * the key every further lookup by Slack id (ledger, snoozes, Home) takes.
 */
export type PersonWithAgency = Omit<PersonRow, 'slackId'> & { slackId: SlackUserId };

/** Where a person is read from: the database, through the bot's cache when it has one. */
export interface PersonSource {
  prisma: PrismaClient;
  reference?: ReferenceCache;
}

/** The tables a person, as findPerson returns it, is read from. */
const PERSON_TABLES = ['Person', 'Agency'] as const;

/**
 * The active person with this Slack id. Only a checked id will do: `slackId: undefined` would match anyone.
 * Only people found are kept in the cache, so ids nobody registered cannot fill it.
 */
export function findPerson(source: PersonSource, slackId: SlackUserId): Promise<PersonWithAgency | null> {
  const read = async () => {
    const row = await source.prisma.person.findFirst({ where: { slackId, active: true }, include: { agency: true } });
    return row === null ? null : { ...row, slackId };
  };
  if (source.reference === undefined) return read();
  return source.reference.get(`person:${slackId}`, PERSON_TABLES, read, (person) => person !== null);
}

/**
 * A person read in a list rather than by id. The plan import checks every
 * Slack id; a row that somehow holds another shape is left out, not trusted.
 */
export function checkedPerson(row: PersonRow): PersonWithAgency | null {
  const slackId = parseSlackUserId(row.slackId);
  return slackId === null ? null : { ...row, slackId };
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
