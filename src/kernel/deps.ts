import type { PrismaClient } from '../generated/prisma/client.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';

/** Everything a listener, service or job needs, passed in rather than imported. */
export interface Deps {
  prisma: PrismaClient;
  config: Config;
  logger: Logger;
  clock: Clock;
}
