import type { PrismaClient } from '../../generated/prisma/client.js';
import { messages } from '../i18n/index.js';
import { coordinatorNames } from './people.js';

/** Whether anyone may run /tiltak-admin's admin-only parts; until then nobody can add a single person from Slack. */
export async function hasAdmin(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.person.count({ where: { role: 'ADMIN', active: true } })) > 0;
}

/**
 * What someone not (or no longer) in the plan is told: in Norwegian, as we do
 * not know their language, naming whom to ask. Before anyone is admin it also
 * says how one is named, in both languages: on a fresh install there is
 * nobody to ask, and nobody becomes admin by being first.
 */
export async function unknownUserText(prisma: PrismaClient): Promise<string> {
  const names = await coordinatorNames(prisma);
  const m = messages('nb');
  const text = m.common.unknownUser(names.length ? names.join(', ') : m.common.noCoordinators);
  if (await hasAdmin(prisma)) return text;
  return `${text}\n\n${m.common.noAdmin}\n\n${messages('en').common.noAdmin}`;
}
