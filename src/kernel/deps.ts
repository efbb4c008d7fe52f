import type { PrismaClient } from '../generated/prisma/client.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { ChangeFeed } from './db/change-feed.js';
import type { ReferenceCache } from './db/reference-cache.js';
import type { RecentLanguages } from './i18n/recent-languages.js';
import type { Logger } from './logger.js';

/** Everything a listener, service or job needs, passed in rather than imported. */
export interface Deps {
  prisma: PrismaClient;
  config: Config;
  logger: Logger;
  clock: Clock;
  /** Languages of people served lately, for answers while the database is down (the bot's listeners; CLIs and jobs have none). */
  languages?: RecentLanguages;
  /** What changed in the database, from any instance: the bot has it; CLIs and one-off jobs read afresh. */
  changes?: ChangeFeed;
  /** People and the plan's structure, kept while the change feed says they hold (absent: always read). */
  reference?: ReferenceCache;
}
