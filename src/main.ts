import { existsSync } from 'node:fs';
import { startTiltak } from './bootstrap.js';
import { ConfigError } from './kernel/config.js';

// A local .env is a convenience for development; real deployments set the environment.
if (existsSync('.env')) process.loadEnvFile('.env');

/** `npm start`: every start-up failure ends in one plain sentence and a non-zero exit. */
try {
  const running = await startTiltak({ env: process.env });
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
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(`Tiltak could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
}
