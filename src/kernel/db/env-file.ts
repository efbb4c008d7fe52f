import { existsSync } from 'node:fs';

/**
 * A local .env is a convenience for development; real deployments set the
 * environment. The bot and every CLI read it here, the same way, so they
 * always agree on the database: variables already set win over the file.
 */
export function loadEnvFile(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
