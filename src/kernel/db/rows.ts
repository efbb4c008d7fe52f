import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client.js';

/**
 * Raw SQL whose every row is checked against its schema. The compiler cannot
 * see into a SQL string, so a renamed column or a changed type fails here, in
 * a test, instead of travelling on as undefined.
 */
export async function queryRows<Row extends z.ZodType>(
  prisma: Pick<PrismaClient, '$queryRawUnsafe'>,
  row: Row,
  sql: string,
  ...values: unknown[]
): Promise<z.output<Row>[]> {
  const rows = await prisma.$queryRawUnsafe<unknown[]>(sql, ...values);
  const parsed = z.array(row).safeParse(rows);
  if (!parsed.success)
    throw new Error(`a row of a raw query has an unexpected shape: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
