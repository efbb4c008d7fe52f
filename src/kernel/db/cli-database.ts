import { z } from 'zod';
import { loadEnvFile } from './env-file.js';
import { type Database, openDatabase, parseDatabaseUrl } from './open-database.js';

/**
 * The offline CLIs (migrate, plan import/export, report) need only the
 * database, not Slack tokens, so they validate just DATABASE_URL.
 */
export async function openCliDatabase(env: Record<string, string | undefined>): Promise<Database> {
  const url = z.string().optional().parse(env.DATABASE_URL);
  return openDatabase(parseDatabaseUrl(url === '' ? undefined : url));
}

/** Runs a CLI body with .env read as `npm start` reads it, turning any failure into one line on stderr and exit code 1. */
// biome-ignore lint/suspicious/noConfusingVoidType: a CLI body that ends without an exit code means 0.
export async function runCli(body: () => Promise<number | void>): Promise<void> {
  try {
    // Before the body reads process.env: the CLIs must open the database `npm start` opens.
    loadEnvFile();
    process.exitCode = (await body()) ?? 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
