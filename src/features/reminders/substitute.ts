import type { PrismaClient } from '../../generated/prisma/client.js';
import { findPerson, type PersonWithAgency } from '../../kernel/people/people.js';
import { parseSlackUserId, type SlackUserId } from '../../kernel/slack/slack-user-id.js';
import type { UserRef } from '../../kernel/text/typed-user.js';

export type SubstituteMatch =
  | { kind: 'one'; slackId: SlackUserId }
  | { kind: 'many'; names: string[] }
  | { kind: 'none' };

const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/[._-]+/gu, ' ')
    .trim();

/**
 * A substitute must be someone in the plan, so their language is known and
 * they can answer the reminder. Slack sends <@U…> when the command escapes
 * mentions, and plain @name otherwise: the name is matched against the
 * people's names, whole or by first name.
 */
export async function findSubstitute(prisma: PrismaClient, ref: UserRef): Promise<SubstituteMatch> {
  if (ref.kind === 'id') {
    const person = await findPerson({ prisma }, ref.slackId);
    return person === null ? { kind: 'none' } : { kind: 'one', slackId: person.slackId };
  }
  const wanted = normalise(ref.name);
  const people = await prisma.person.findMany({ where: { active: true }, select: { slackId: true, name: true } });
  const exact = people.filter((p) => normalise(p.name) === wanted || p.slackId.toLowerCase() === wanted);
  const byFirst = exact.length > 0 ? exact : people.filter((p) => normalise(p.name).split(' ')[0] === wanted);
  const only = byFirst.length === 1 ? parseSlackUserId(byFirst[0]?.slackId) : null;
  if (only !== null) return { kind: 'one', slackId: only };
  if (byFirst.length > 1) return { kind: 'many', names: byFirst.map((p) => `${p.name} (<@${p.slackId}>)`) };
  return { kind: 'none' };
}

/** The person's agency's team lead: the agency's named one, else someone with the role. Not themselves. */
export async function teamLeadOf(prisma: PrismaClient, person: PersonWithAgency): Promise<string | null> {
  if (person.agencyId === null) return null;
  const named = person.agency?.teamLeadSlackId ?? null;
  const lead =
    named ??
    (
      await prisma.person.findFirst({
        where: { agencyId: person.agencyId, role: 'TEAM_LEAD', active: true },
        orderBy: { id: 'asc' },
        select: { slackId: true },
      })
    )?.slackId ??
    null;
  return lead === person.slackId ? null : lead;
}
