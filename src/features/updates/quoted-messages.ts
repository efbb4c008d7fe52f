import type { PrismaClient } from '../../generated/prisma/client.js';

/**
 * Remembers a message of the bot's that quotes an update's text, so that a
 * redaction of that text can edit the message as well.
 */
export async function recordQuotedMessage(
  prisma: PrismaClient,
  quoted: { updateId: number; channel: string; ts: string; at: Date },
): Promise<void> {
  await prisma.quotedMessage.create({
    data: { updateId: quoted.updateId, channel: quoted.channel, ts: quoted.ts, createdAt: quoted.at },
  });
}
