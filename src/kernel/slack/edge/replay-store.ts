import { z } from 'zod';
import { Prisma, type PrismaClient } from '../../../generated/prisma/client.js';
import type { Clock } from '../../clock.js';
import { queryRows } from '../../db/rows.js';
import type { Logger } from '../../logger.js';

/**
 * The memory of requests already taken in, shared by every instance on the
 * same database: a replayed signature or a Slack retry of an event is
 * recognised whichever instance saw the first copy.
 */
export interface ReplayStore {
  /**
   * True the first time `key` is claimed (or once its earlier claim has
   * expired), false while an earlier claim holds. One indexed statement, so
   * two instances claiming the same key at once get one true between them.
   * Throws when the database does not answer; the caller decides what that means.
   */
  claim(key: string, expiresAt: Date): Promise<boolean>;
  /** Deletes expired claims; returns how many. */
  prune(): Promise<number>;
}

export interface ReplayStoreOptions {
  /** How often `claim` starts a prune in the background (default one minute). */
  pruneEveryMs?: number;
  logger?: Logger;
}

/** Built once, not per claim: zod compiles a schema on its first parse. */
const claimedRow = z.object({ key: z.string() });

export function createReplayStore(prisma: PrismaClient, clock: Clock, options: ReplayStoreOptions = {}): ReplayStore {
  const pruneEveryMs = options.pruneEveryMs ?? 60_000;
  let lastPrune = Number.NEGATIVE_INFINITY;

  const prune = async (): Promise<number> => {
    const { count } = await prisma.seenRequest.deleteMany({ where: { expiresAt: { lt: clock.now() } } });
    return count;
  };

  return {
    async claim(key, expiresAt) {
      const now = clock.now();
      // An expired claim of the same key is taken over in the same statement,
      // so a key can come back after its window without waiting for a prune.
      const rows = await queryRows(
        prisma,
        claimedRow,
        Prisma.sql`
        INSERT INTO "SeenRequest" ("key", "expiresAt") VALUES (${key}, ${expiresAt})
        ON CONFLICT ("key") DO UPDATE SET "expiresAt" = EXCLUDED."expiresAt"
        WHERE "SeenRequest"."expiresAt" <= ${now}
        RETURNING "key"`,
      );
      if (now.getTime() - lastPrune >= pruneEveryMs) {
        lastPrune = now.getTime();
        // Off the ack path: the range delete uses the expiresAt index, and a
        // failure only leaves rows that the next prune removes.
        prune().catch((error: unknown) =>
          options.logger?.warn({ err: error }, 'could not prune expired replay claims'),
        );
      }
      return rows.length === 1;
    },
    prune,
  };
}
