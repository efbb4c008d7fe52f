import type { PrismaClient } from '../../generated/prisma/client.js';
import { messages } from '../i18n/index.js';
import { coordinatorNames } from './people.js';

/** What someone not (or no longer) in the plan is told: in Norwegian, as we do not know their language, naming whom to ask. */
export async function unknownUserText(prisma: PrismaClient): Promise<string> {
  const names = await coordinatorNames(prisma);
  const m = messages('nb');
  return m.common.unknownUser(names.length ? names.join(', ') : m.common.noCoordinators);
}
