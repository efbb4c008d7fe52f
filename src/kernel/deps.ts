import type { PrismaClient } from '../generated/prisma/client.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
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
}
