import type { PrismaClient } from '../../generated/prisma/client.js';
import { checkedPerson, type PersonWithAgency } from '../../kernel/people/people.js';
import type { SlackUserId } from '../../kernel/slack/slack-user-id.js';

export interface HomeRecipients {
  people: PersonWithAgency[];
  /** True when more people follow the measure than the limit let through. */
  truncated: boolean;
}

/**
 * Whose Home shows a measure, besides the author: active people of its
 * responsible agencies (contacts and team leads see their agency's measures)
 * and active coordinators and admins (they see the whole plan). One query.
 * Broader roles come first (admins, coordinators, team leads, contacts): when
 * the limit bites, the few who oversee are not crowded out by many contacts.
 */
export async function homeRecipientsOfMeasure(
  prisma: PrismaClient,
  measureId: number,
  excludeSlackId: SlackUserId,
  limit: number,
): Promise<HomeRecipients> {
  const rows = await prisma.person.findMany({
    where: {
      active: true,
      slackId: { not: excludeSlackId },
      OR: [{ agency: { measures: { some: { measureId } } } }, { role: { in: ['COORDINATOR', 'ADMIN'] } }],
    },
    include: { agency: true },
    orderBy: [{ role: 'desc' }, { id: 'asc' }],
    take: limit + 1,
  });
  const people = rows.slice(0, limit).flatMap((row) => checkedPerson(row) ?? []);
  return { people, truncated: rows.length > limit };
}
