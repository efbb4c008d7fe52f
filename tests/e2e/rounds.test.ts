import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ids } from '../../src/features/reminders/contract.js';
import { useHarness } from '../support/lifecycle.js';
import { allDms, buttonValue, dms, ledgerKeyOf, textOf, tick } from './reminders-support.js';

const h = useHarness({ now: '2004-01-05T10:30:00+01:00' });
beforeEach(async () => {
  h.clock.set('2004-01-05T10:30:00+01:00');
});

async function rapport(user: string, text: string): Promise<string> {
  const before = h.fake.responses.length;
  await h.command(user, text, '/rapport');
  await h.fake.waitFor(() => h.fake.responses.length > before);
  return h.lastReplyText();
}

async function report(measureNumber: number, agencyCode: string, iso: string): Promise<void> {
  const prisma = h.running.deps.prisma;
  const measure = await prisma.measure.findUniqueOrThrow({ where: { number: measureNumber } });
  const agency = await prisma.agency.findUniqueOrThrow({ where: { code: agencyCode } });
  const author = await prisma.person.findFirstOrThrow({ where: { slackId: 'U0KOORD1' } });
  await prisma.update.create({
    data: {
      seriesId: `s-${measureNumber}-${agencyCode}-${iso}`,
      version: 1,
      measureId: measure.id,
      agencyId: agency.id,
      authorId: author.id,
      onBehalf: true,
      status: 'ON_TRACK',
      done: 'x',
      periodDate: new Date(iso),
      createdAt: new Date(iso),
    },
  });
}

describe('/rapport runde', () => {
  it('is for coordinators only', async () => {
    expect(await rapport('U0KARI01', 'runde 9.1.2004')).toBe('Du har ikke tilgang til dette.');
    expect(await h.running.deps.prisma.reportingRound.count()).toBe(0);
  });

  it('keeps the round open, says only that it opened, and leaves the notices to the scheduler when sending them now fails', async () => {
    const prisma = h.running.deps.prisma;
    const failing = vi.spyOn(prisma, '$queryRawUnsafe').mockRejectedValueOnce(new Error('connection lost'));
    const text = await rapport('U0KOORD1', 'runde 9.1.2004 område 1');
    expect(text).toContain('Rapporteringsrunde åpnet');
    await h.fake.waitFor(() => failing.mock.calls.length > 0);
    // Give a wrongly handled failure the time to reach the user before looking.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.responses.map((r) => JSON.stringify(r.body)).join('\n')).not.toContain('Noe gikk galt');
    expect(await prisma.reportingRound.count()).toBe(1);
    vi.restoreAllMocks();
    await tick(h, '2004-01-05T10:31:00+01:00');
    await h.fake.waitFor(() => allDms(h).length >= 3);
    expect(allDms(h)).toHaveLength(3);
  });

  it('opens a round for a focus area and DMs each contact once, listing their measures with a button each', async () => {
    const text = await rapport('U0KOORD1', 'runde 9.1.2004 område 1');
    expect(text).toBe(
      ':clipboard: Rapporteringsrunde åpnet for satsingsområde 1 Beskytte med frist fredag 9. januar 2004: 2 tiltak, 3 etater. Kontaktpersonene får melding nå.',
    );
    await h.fake.waitFor(() => allDms(h).length >= 3);
    expect(allDms(h).sort()).toEqual([
      'U0KARI01 s0|r1|m0|a0|U0KARI01',
      'U0KOORD1 s0|r1|m0|a0|U0KOORD1',
      'U0OLA001 s0|r1|m0|a0|U0OLA001',
    ]);
    const [kari] = dms(h, 'U0KARI01');
    expect(textOf(kari?.blocks)).toContain('innen *fredag 9. januar 2004*');
    expect(textOf(kari?.blocks)).toContain('Tiltak 1 – Flyktningstatus (JD)');
    expect(textOf(kari?.blocks)).toContain('Tiltak 2 – Trygge steder (JD)');
    expect(buttonValue(kari!, ids.actions.reminders.updateNow)).toContain('"p":"r1"');
    expect(textOf(dms(h, 'U0OLA001')[0]?.blocks)).toContain('Measure 2 – Safe places (BFD)');
  });

  it('shows progress: measures reported, and which are missing from whom', async () => {
    await rapport('U0KOORD1', 'runde 9.1.2004 område 1');
    expect(await rapport('U0KOORD1', 'runde status')).toContain(
      '0 av 2 tiltak rapportert, 2 mangler:\n• Tiltak 1 (JD)\n• Tiltak 2 (JD, BFD, UDI)',
    );
    await report(1, 'JD', '2004-01-06T10:00:00+01:00');
    await report(2, 'BFD', '2004-01-06T11:00:00+01:00');
    h.clock.set('2004-01-06T12:00:00+01:00');
    expect(await rapport('U0KOORD1', 'round status')).toContain(
      '1 av 2 tiltak rapportert, 1 mangler:\n• Tiltak 2 (JD, UDI)',
    );
  });

  it('runs the ladder against the deadline and stops for pairs that report', async () => {
    await rapport('U0KOORD1', 'runde 9.1.2004 område 1');
    await report(1, 'JD', '2004-01-06T10:00:00+01:00');
    await tick(h, '2004-01-07T09:00:00+01:00');
    const keys = allDms(h).filter((k) => k.includes('|s1|') || k.includes(' s1|'));
    expect(keys.sort()).toEqual([
      'U0KARI01 s1|r1|m2|a1|U0KARI01',
      'U0KOORD1 s1|r1|m2|a3|U0KOORD1',
      'U0OLA001 s1|r1|m2|a2|U0OLA001',
    ]);
  });

  it('closes a round by hand; its notices no longer go out and status says it has ended', async () => {
    await rapport('U0KOORD1', 'runde 9.1.2004');
    expect(await rapport('U0KOORD1', 'runde lukk')).toBe(
      'Rapporteringsrunden for hele planen med frist fredag 9. januar 2004 er lukket. Påminnelsene følger vanlig frekvens igjen.',
    );
    expect(await rapport('U0KOORD1', 'runde status')).toContain('(avsluttet)');
    expect(await rapport('U0KOORD1', 'runde lukk')).toBe('Det er ingen åpen rapporteringsrunde.');
  });

  it('refuses an overlapping round, a past or unreadable deadline, one after the plan, and an unknown area', async () => {
    await rapport('U0KOORD1', 'runde 9.1.2004 område 1');
    expect(await rapport('U0KOORD1', 'runde 16.1.2004')).toBe(
      'Det er allerede en åpen runde for satsingsområde 1 Beskytte med frist fredag 9. januar 2004. Lukk den først med `/rapport runde lukk`.',
    );
    expect(await rapport('U0KOORD1', 'runde 2.1.2004 område 2')).toBe('Fristen kan ikke ligge før i dag.');
    expect(await rapport('U0KOORD1', 'runde neste-fredag område 2')).toContain(
      'Jeg forstår ikke fristen «neste-fredag»',
    );
    expect(await rapport('U0KOORD1', 'runde 2005-01-14 område 2')).toBe(
      'Fristen ligger etter planens slutt (fredag 31. desember 2004).',
    );
    expect(await rapport('U0KOORD1', 'runde 16.1.2004 område 9')).toBe(
      'Det finnes ikke noe satsingsområde 9. Områdene er: 1 Beskytte, 2 Forebygge.',
    );
    expect(await h.running.deps.prisma.reportingRound.count()).toBe(1);
  });

  it('lists itself in /rapport hjelp', async () => {
    expect(await rapport('U0KOORD1', 'hjelp')).toContain('/rapport runde <frist> [[område] <nr>]');
  });
});

describe('round notices', () => {
  it('carry the ledger key in their metadata, so a retried tick finds them instead of sending again', async () => {
    await rapport('U0KOORD1', 'runde 9.1.2004 område 2');
    await h.fake.waitFor(() => dms(h, 'U0OLA001')[0]);
    expect(ledgerKeyOf(dms(h, 'U0OLA001')[0]!)).toBe('s0|r1|m0|a0|U0OLA001');
    await tick(h, '2004-01-05T10:31:00+01:00');
    expect(allDms(h)).toEqual(['U0OLA001 s0|r1|m0|a0|U0OLA001']);
  });
});
