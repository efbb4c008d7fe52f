import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Prisma } from '../../src/generated/prisma/client.js';
import { queryRows, queryUniformRows, updateRow } from '../../src/kernel/db/rows.js';
import { useTestDatabase } from '../support/lifecycle.js';

const db = useTestDatabase();
const row = z.object({ measureId: z.number(), openedAt: z.date() });

describe('raw query rows, read from the real database', () => {
  it('come back typed when they have the expected columns, from SQL text or a Prisma.sql template', async () => {
    const at = new Date('2004-01-05T10:00:00Z');
    const text = await queryRows(db.prisma, row, `SELECT 1::int AS "measureId", $1::timestamp AS "openedAt"`, at);
    const template = await queryRows(
      db.prisma,
      row,
      Prisma.sql`SELECT 1::int AS "measureId", ${at}::timestamp AS "openedAt"`,
    );
    expect(text).toEqual([{ measureId: 1, openedAt: at }]);
    expect(template).toEqual(text);
  });

  it('fail loudly when a column was renamed or changed its type', async () => {
    await expect(
      queryRows(db.prisma, row, `SELECT 1::int AS measure_id, now()::timestamp AS "openedAt"`),
    ).rejects.toThrow(/measureId/);
    await expect(queryRows(db.prisma, row, `SELECT 1::int AS "measureId", '2004-01-05' AS "openedAt"`)).rejects.toThrow(
      /openedAt/,
    );
  });

  it('check every column of an Update row as the table has it today', async () => {
    const columns = await queryRows(
      db.prisma,
      z.object({ column_name: z.string() }),
      `SELECT column_name::text AS column_name FROM information_schema.columns WHERE table_name = 'Update' AND table_schema = current_schema()`,
    );
    expect(columns.map((c) => c.column_name).sort()).toEqual(Object.keys(updateRow.shape).sort());
  });

  it('of a large result are checked on the first row, which fails as loudly for a renamed or retyped column', async () => {
    const many = `SELECT n AS "measureId", ($1::timestamp + n * interval '1 minute') AS "openedAt" FROM generate_series(1, 2000) n`;
    const at = new Date('2004-01-05T10:00:00Z');
    const rows = await queryUniformRows(db.prisma, row, many, at);
    expect(rows).toHaveLength(2000);
    expect(rows[1999]).toEqual({ measureId: 2000, openedAt: new Date(at.getTime() + 2000 * 60_000) });
    await expect(queryUniformRows(db.prisma, row, many.replace('"measureId"', 'measure_id'), at)).rejects.toThrow(
      /measureId/,
    );
    await expect(
      queryUniformRows(db.prisma, row, many.replace('AS "openedAt"', '::text AS "openedAt"'), at),
    ).rejects.toThrow(/openedAt/);
    expect(await queryUniformRows(db.prisma, row, `${many} WHERE false`, at)).toEqual([]);
  });
});
