import { type Running, startTiltak } from './bootstrap.js';
import { ConfigError, loadConfig } from './kernel/config.js';
import { loadEnvFile } from './kernel/db/env-file.js';
import { createLogger } from './kernel/logger.js';
import { RequestScope } from './kernel/slack/request-context.js';
import { installProcessGuards } from './process-guards.js';

loadEnvFile();

/** Every start-up failure ends in one plain sentence and a non-zero exit, also one that comes after the port opened. */
function failedToStart(error: unknown): never {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(`Tiltak could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
}

/** `npm start`. */
try {
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  const requestScope = new RequestScope();
  installProcessGuards(process, logger, requestScope);
  const running: Running = await startTiltak({ env: process.env, logger, requestScope });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.deps.logger.info({ signal }, 'stopping');
    await running.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // Slack may refuse the token only once it is reachable, long after the port opened.
  running.slackReady.catch(async (error: unknown) => {
    stopping = true;
    await running.stop().catch(() => undefined);
    failedToStart(error);
  });
} catch (error) {
  failedToStart(error);
}
