import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Prisma } from '../../src/generated/prisma/client.js';
import { queryRows, updateRow } from '../../src/kernel/db/rows.js';
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
});
