import { readFile } from 'node:fs/promises';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Logger } from '../../kernel/logger.js';
import { importPlanText } from './import-plan.js';

/** An empty database gets the bundled plan, so a fresh install has something to show. */
export async function importPlanIfEmpty(prisma: PrismaClient, file: string, logger: Logger): Promise<boolean> {
  if ((await prisma.plan.count()) > 0) return false;
  const result = await importPlanText(prisma, await readFile(file, 'utf8'), 'first-start');
  if (!result.ok) throw new Error(`The plan file ${file} is not valid:\n${result.errors.join('\n')}`);
  logger.info({ file, ...result.summary }, 'imported the plan into an empty database');
  return true;
}
