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
  const rows = await send(prisma, sql, values);
  const parsed = arrayOf(row).safeParse(rows);
  if (!parsed.success) throw unexpectedShape(parsed.error);
  return parsed.data;
}

/**
 * queryRows for results of a thousand rows and more, on a path where their
 * number is the cost (a digest's pairs): PostgreSQL gives every row of a
 * result the same columns with the same types, so checking the first row
 * catches what checking all of them would, a renamed column or a changed
 * type, without copying every row through zod. A NULL further down in a
 * column the schema calls non-null is not caught, so only for statements
 * whose non-null columns are NOT NULL in their tables. The schema must not
 * transform: the rows come back as the driver made them.
 */
export async function queryUniformRows<Row extends z.ZodType>(
  prisma: RawClient,
  row: Row,
  sql: string | Prisma.Sql,
  ...values: unknown[]
): Promise<z.output<Row>[]> {
  const rows = await send(prisma, sql, values);
  if (rows.length === 0) return [];
  const parsed = row.safeParse(rows[0]);
  if (!parsed.success) throw unexpectedShape(parsed.error);
  return rows as z.output<Row>[];
}

function send(prisma: RawClient, sql: string | Prisma.Sql, values: unknown[]): Promise<unknown[]> {
  return typeof sql === 'string' ? prisma.$queryRawUnsafe<unknown[]>(sql, ...values) : prisma.$queryRaw<unknown[]>(sql);
}

const unexpectedShape = (error: z.ZodError) =>
  new Error(`a row of a raw query has an unexpected shape: ${z.prettifyError(error)}`);

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
