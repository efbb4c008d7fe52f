import { z } from 'zod';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { Status } from '../../generated/prisma/enums.js';

type RawClient = Pick<PrismaClient, '$queryRawUnsafe' | '$queryRaw'>;

/**
 * Raw SQL whose every row is checked against its schema. The compiler cannot
 * see into a SQL string, so a renamed column or a changed type fails here, in
 * a test, instead of travelling on as undefined. Takes SQL text with $1…
 * placeholders, or a Prisma.sql template.
 */
export async function queryRows<Row extends z.ZodType>(
  prisma: RawClient,
  row: Row,
  sql: string | Prisma.Sql,
  ...values: unknown[]
): Promise<z.output<Row>[]> {
  const rows =
    typeof sql === 'string'
      ? await prisma.$queryRawUnsafe<unknown[]>(sql, ...values)
      : await prisma.$queryRaw<unknown[]>(sql);
  const parsed = arrayOf(row).safeParse(rows);
  if (!parsed.success)
    throw new Error(`a row of a raw query has an unexpected shape: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** One array schema per row schema: zod compiles a schema on its first parse, so a new one per query costs each time. */
const arrays = new WeakMap<z.ZodType, z.ZodArray<z.ZodType>>();
function arrayOf<Row extends z.ZodType>(row: Row): z.ZodArray<Row> {
  let array = arrays.get(row);
  if (array === undefined) {
    array = z.array(row);
    arrays.set(row, array);
  }
  return array as z.ZodArray<Row>;
}

/** An update's status as PostgreSQL returns it (the enum, or its text). */
export const statusColumn = z.enum(Object.values(Status));

/** A whole `Update` row, for the queries that select `*` from it. */
export const updateRow = z.object({
  id: z.number().int(),
  seriesId: z.string(),
  version: z.number().int(),
  measureId: z.number().int(),
  agencyId: z.number().int(),
  authorId: z.number().int(),
  onBehalf: z.boolean(),
  status: statusColumn,
  progress: z.number().int().nullable(),
  done: z.string(),
  challenges: z.string().nullable(),
  nextSteps: z.string().nullable(),
  spendNok: z.bigint().nullable(),
  periodDate: z.date(),
  createdAt: z.date(),
});
