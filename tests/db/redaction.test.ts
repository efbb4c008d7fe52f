import { describe, expect, it } from 'vitest';
import { redactUpdate } from '../../src/features/privacy/redact-update.js';
import { ManualClock } from '../../src/kernel/clock.js';
import { updateSnapshot } from '../../src/kernel/db/audit.js';
import { dbErrorKind } from '../../src/kernel/db/errors.js';
import type { Deps } from '../../src/kernel/deps.js';
import { findPerson, type PersonWithAgency } from '../../src/kernel/people/people.js';
import { parseSlackUserId } from '../../src/kernel/slack/slack-user-id.js';
import { useTestDatabase } from '../support/lifecycle.js';

const db = useTestDatabase();
const SECRET = 'Jenta heter Ana Popescu, fnr 01019012480';

async function seed() {
  const agency = await db.prisma.agency.create({
    data: { code: 'JD', nameNb: 'Justis', nameEn: 'Justice', kind: 'MINISTRY' },
  });
  const author = await db.prisma.person.create({
    data: { slackId: 'U0KARI01', name: 'Kari', role: 'CONTACT', agencyId: agency.id },
  });
  await db.prisma.person.create({ data: { slackId: 'U0ADMIN1', name: 'Ada', role: 'ADMIN' } });
  await db.prisma.person.create({ data: { slackId: 'U0KOORD1', name: 'Kim', role: 'COORDINATOR' } });
  const measure = await db.prisma.measure.create({ data: { number: 1, titleNb: 'T', titleEn: 'T' } });
  const base = {
    seriesId: 's1',
    measureId: measure.id,
    agencyId: agency.id,
    authorId: author.id,
    status: 'ON_TRACK' as const,
    periodDate: new Date('2004-03-01'),
  };
  const first = await db.prisma.update.create({ data: { ...base, version: 1, done: SECRET, nextSteps: 'Følge opp' } });
  const second = await db.prisma.update.create({ data: { ...base, version: 2, done: SECRET, nextSteps: 'Møte' } });
  const other = await db.prisma.update.create({ data: { ...base, seriesId: 's2', version: 1, done: SECRET } });
  const audit = (action: string, entityId: number, before: typeof first | null, after: typeof first) =>
    db.prisma.auditLog.create({
      data: {
        actor: 'U0KARI01',
        action,
        entity: 'Update',
        entityId: String(entityId),
        ...(before === null ? {} : { before: updateSnapshot(before) }),
        after: updateSnapshot(after),
      },
    });
  await audit('update.create', first.id, null, first);
  await audit('update.edit', second.id, first, second);
  await audit('update.create', other.id, null, other);
  return { first, second, other };
}

async function person(slackId: string): Promise<PersonWithAgency> {
  const id = parseSlackUserId(slackId);
  if (id === null) throw new Error(slackId);
  const found = await findPerson(db, id);
  if (found === null) throw new Error(slackId);
  return found;
}

const deps = () => ({ prisma: db.prisma, clock: new ManualClock('2004-03-05T10:00:00Z') }) as unknown as Deps;

describe('the append-only records and redaction', () => {
  it('still refuses a plain UPDATE of an update, even one that writes "[sladdet]"', async () => {
    const { first } = await seed();
    for (const done of ['rewritten', '[sladdet]']) {
      const error = await db.prisma.update.update({ where: { id: first.id }, data: { done } }).catch((e: unknown) => e);
      expect(dbErrorKind(error)).toBe('append_only');
    }
    const error = await db.prisma.auditLog
      .updateMany({ data: { after: { done: '[sladdet]' } } })
      .catch((e: unknown) => e);
    expect(dbErrorKind(error)).toBe('append_only');
    expect((await db.prisma.update.findUniqueOrThrow({ where: { id: first.id } })).done).toBe(SECRET);
  });

  it('refuses an UPDATE whose statement text only pretends to come from redact_update', async () => {
    const { first } = await seed();
    const forged = `UPDATE "Update" SET "done" = '[sladdet]' WHERE "id" = ${first.id}
      /*
PL/pgSQL function redact_update(integer,text[],text,text,timestamp without time zone) line 1 at SQL statement
*/`;
    const error = await db.prisma.$executeRawUnsafe(forged).catch((e: unknown) => e);
    expect(dbErrorKind(error)).toBe('append_only');
    expect((await db.prisma.update.findUniqueOrThrow({ where: { id: first.id } })).done).toBe(SECRET);
  });

  it('still refuses to delete an update', async () => {
    const { first } = await seed();
    const error = await db.prisma.update.delete({ where: { id: first.id } }).catch((e: unknown) => e);
    expect(dbErrorKind(error)).toBe('append_only');
  });

  it('redacts one version and its copies in the audit log, and audits the redaction without the text', async () => {
    const { first, second, other } = await seed();
    const result = await redactUpdate(deps(), {
      actor: await person('U0ADMIN1'),
      updateId: first.id,
      fields: ['done'],
      reason: 'Navn og fødselsnummer på et offer',
    });
    expect(result.kind).toBe('redacted');
    if (result.kind !== 'redacted') return;
    expect(result.removed).toEqual({ done: SECRET });
    expect(result.update.done).toBe('[sladdet]');
    expect(result.update.nextSteps).toBe('Følge opp');
    // The next version and another series keep their own words: only the version named is redacted.
    expect((await db.prisma.update.findUniqueOrThrow({ where: { id: second.id } })).done).toBe(SECRET);
    expect((await db.prisma.update.findUniqueOrThrow({ where: { id: other.id } })).done).toBe(SECRET);

    const entries = await db.prisma.auditLog.findMany({ orderBy: { id: 'asc' } });
    const [created, edited, otherCreated, redaction] = entries;
    const done = (value: unknown) => (value as { done?: string } | null)?.done;
    expect(done(created?.after)).toBe('[sladdet]');
    expect(done(edited?.before)).toBe('[sladdet]');
    expect(done(edited?.after)).toBe(SECRET);
    expect(done(otherCreated?.after)).toBe(SECRET);
    expect(redaction).toMatchObject({
      actor: 'U0ADMIN1',
      action: 'update.redact',
      entity: 'Update',
      entityId: String(first.id),
      before: null,
      after: { fields: ['done'], reason: 'Navn og fødselsnummer på et offer', auditEntriesRedacted: 2 },
    });
    expect(redaction?.createdAt.toISOString()).toBe('2004-03-05T10:00:00.000Z');
    const texts = JSON.stringify([created?.after, edited?.before, redaction?.after]);
    expect(texts).not.toContain('Popescu');
  });

  it('refuses a coordinator, and writes nothing', async () => {
    const { first } = await seed();
    const result = await redactUpdate(deps(), {
      actor: await person('U0KOORD1'),
      updateId: first.id,
      fields: ['done'],
      reason: 'x',
    });
    expect(result).toEqual({ kind: 'refused', reason: 'not_admin' });
    expect((await db.prisma.update.findUniqueOrThrow({ where: { id: first.id } })).done).toBe(SECRET);
    expect(await db.prisma.auditLog.count()).toBe(3);
  });

  it('refuses a field that is empty or already redacted, and an update that does not exist', async () => {
    const { other } = await seed();
    const admin = await person('U0ADMIN1');
    const ask = (updateId: number, fields: ('done' | 'challenges')[]) =>
      redactUpdate(deps(), { actor: admin, updateId, fields, reason: 'x' });
    expect(await ask(other.id, ['challenges'])).toEqual({ kind: 'refused', reason: 'nothing_to_redact' });
    expect((await ask(other.id, ['done'])).kind).toBe('redacted');
    expect(await ask(other.id, ['done'])).toEqual({ kind: 'refused', reason: 'nothing_to_redact' });
    expect(await ask(999_999, ['done'])).toEqual({ kind: 'refused', reason: 'no_update' });
  });

  it('refuses redact_update for a column that is not a text field', async () => {
    const { first } = await seed();
    const error = await db.prisma
      .$queryRawUnsafe(`SELECT "redact_update"($1::int, ARRAY['status'], 'U0ADMIN1', 'x', now()::timestamp)`, first.id)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((await db.prisma.update.findUniqueOrThrow({ where: { id: first.id } })).status).toBe('ON_TRACK');
  });
});
