import type { PrismaClient, Update } from '../../generated/prisma/client.js';

export interface RedactableUpdate {
  update: Update;
  measureNumber: number;
  agencyCode: string;
  authorName: string;
}

/** The most versions the list offers: one section each, inside a message's 50 blocks. */
const LIST_LIMIT = 20;

const include = {
  measure: { select: { number: true } },
  agency: { select: { code: true } },
  author: { select: { name: true } },
} as const;

/** One update version with the names the modal shows; null when there is none. */
export async function loadRedactable(prisma: PrismaClient, updateId: number): Promise<RedactableUpdate | null> {
  const row = await prisma.update.findUnique({ where: { id: updateId }, include });
  if (row === null) return null;
  const { measure, agency, author, ...update } = row;
  return { update, measureNumber: measure.number, agencyCode: agency.code, authorName: author.name };
}

/** A measure's latest update versions, newest first; null when there is no such measure. */
export async function listRedactable(prisma: PrismaClient, measureNumber: number): Promise<RedactableUpdate[] | null> {
  const measure = await prisma.measure.findUnique({ where: { number: measureNumber }, select: { id: true } });
  if (measure === null) return null;
  const rows = await prisma.update.findMany({
    where: { measureId: measure.id },
    include,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: LIST_LIMIT,
  });
  return rows.map(({ measure: m, agency, author, ...update }) => ({
    update,
    measureNumber: m.number,
    agencyCode: agency.code,
    authorName: author.name,
  }));
}
