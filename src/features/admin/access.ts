import type { PrismaClient } from '../../generated/prisma/client.js';
import { findPerson, type PersonWithAgency } from '../../kernel/people/people.js';
import { seesWholePlan } from '../../kernel/people/permissions.js';
import type { SlackUserId } from '../../kernel/slack/slack-user-id.js';

/**
 * The person behind a /tiltak-admin request, if they may use it: an active
 * coordinator or admin. One check for sub-commands, buttons and submissions,
 * so a forged payload meets the same rule as a real one, and a right taken
 * away between opening a form and saving it is noticed on save.
 */
export async function findAdministrator(
  prisma: PrismaClient,
  slackId: SlackUserId,
): Promise<{ person: PersonWithAgency | null; allowed: boolean }> {
  const person = await findPerson({ prisma }, slackId);
  return { person, allowed: person !== null && seesWholePlan(person) };
}
