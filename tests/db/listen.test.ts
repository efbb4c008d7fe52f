import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/kernel/db/open-database.js';
import { createTestDatabase, usesPostgres } from '../support/test-database.js';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

// PostgreSQL channels are per database, not per schema: a channel of its own keeps parallel files apart.
const newChannel = () => `tiltak_listen_${randomBytes(4).toString('hex')}`;
const notify = (channel: string, payload: string) => db.prisma.$executeRaw`SELECT pg_notify(${channel}, ${payload})`;

describe(`LISTEN/NOTIFY on ${usesPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('hears what a Prisma statement notifies, in order, and nothing once it has stopped listening', async () => {
    const channel = newChannel();
    const heard: string[] = [];
    const unlisten = await db.listen(channel, (payload) => heard.push(payload));
    await notify(channel, 'measure');
    await notify(channel, 'person');
    await vi.waitFor(() => expect(heard).toEqual(['measure', 'person']));

    await unlisten();
    await notify(channel, 'agency');
    // A notice to a second listener on the same channel, sent after, shows the first has had its chance.
    const later: string[] = [];
    const stopLater = await db.listen(channel, (payload) => later.push(payload));
    await notify(channel, 'round');
    await vi.waitFor(() => expect(later).toEqual(['round']));
    await stopLater();
    expect(heard).toEqual(['measure', 'person']);
  });

  it('hears a notification from a transaction when it commits, and none from one rolled back', async () => {
    const channel = newChannel();
    const heard: string[] = [];
    const unlisten = await db.listen(channel, (payload) => heard.push(payload));
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_notify(${channel}, 'rolled back')`;
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    await db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_notify(${channel}, 'committed')`;
    });
    await vi.waitFor(() => expect(heard).toEqual(['committed']));
    await unlisten();
  });
});
