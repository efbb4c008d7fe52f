import type { PrismaClient } from '../../generated/prisma/client.js';
import type { FullUpdate } from './views/digest-update-modal.js';

/** One update by id, with the names the modal shows; null when there is no such update. */
export async function loadUpdateText(prisma: PrismaClient, id: number): Promise<FullUpdate | null> {
  const row = await prisma.update.findUnique({
    where: { id },
    include: {
      measure: { select: { number: true } },
      agency: { select: { code: true } },
      author: { select: { name: true } },
    },
  });
  if (row === null) return null;
  return {
    measureNumber: row.measure.number,
    agencyCode: row.agency.code,
    authorName: row.author.name,
    createdAt: row.createdAt,
    status: row.status,
    done: row.done,
    challenges: row.challenges,
    nextSteps: row.nextSteps,
  };
}
