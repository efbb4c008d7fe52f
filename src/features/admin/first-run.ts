import type { PrismaClient } from '../../generated/prisma/client.js';
import { writeAudit } from '../../kernel/db/audit.js';
import type { Logger } from '../../kernel/logger.js';
import { hasAdmin } from '../../kernel/people/unknown-user.js';
import type { SlackUserId } from '../../kernel/slack/slack-user-id.js';

/** Who the start-up grant acts as in the audit log: the operator, through the environment. */
const ACTOR = 'env:TILTAK_ADMINS';

/**
 * Makes the people TILTAK_ADMINS names admins, each grant with its audit line
 * in the same transaction. A person not yet in the plan is created without an
 * agency, named by their id until a coordinator gives them a name; one who
 * was removed comes back. Someone already an active admin is left alone, so
 * a restart writes nothing. Returns the ids that were changed.
 */
async function grantConfiguredAdmins(
  prisma: PrismaClient,
  slackIds: readonly SlackUserId[],
  at: Date,
): Promise<SlackUserId[]> {
  const granted: SlackUserId[] = [];
  for (const slackId of slackIds) {
    const changed = await prisma.$transaction(async (tx) => {
      const before = await tx.person.findUnique({ where: { slackId } });
      if (before?.role === 'ADMIN' && before.active) return false;
      const after =
        before === null
          ? await tx.person.create({ data: { slackId, name: slackId, role: 'ADMIN' } })
          : await tx.person.update({ where: { id: before.id }, data: { role: 'ADMIN', active: true } });
      await writeAudit(tx, {
        actor: ACTOR,
        action: 'person.grant-admin',
        entity: 'Person',
        entityId: String(after.id),
        before: before === null ? null : { role: before.role, active: before.active },
        after: { slackId, name: after.name, role: after.role, active: after.active, agencyId: after.agencyId },
        at,
      });
      return true;
    });
    if (changed) granted.push(slackId);
  }
  return granted;
}

/** The start-up step: grant, then say in the log how to name an admin when there is none. */
export async function firstRunAdmins(
  prisma: PrismaClient,
  slackIds: readonly SlackUserId[],
  at: Date,
  logger: Logger,
): Promise<void> {
  const granted = await grantConfiguredAdmins(prisma, slackIds, at);
  if (granted.length > 0) logger.info({ admins: granted }, 'made admins as TILTAK_ADMINS names them');
  if (!(await hasAdmin(prisma)))
    logger.warn(
      'the plan has no administrator: set TILTAK_ADMINS to Slack member IDs (profile → ⋮ → Copy member ID), ' +
        'e.g. TILTAK_ADMINS=U0123ABCD,U0456EFGH, and restart; nobody becomes admin by being first',
    );
}
