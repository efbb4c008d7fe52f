import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LEDGER_METADATA_EVENT } from '../../src/kernel/jobs/ledger.js';
import { addUpdates, type DigestRig, replies, startDigestRig, topLevel } from './digest-support.js';

let rig: DigestRig;
beforeAll(async () => {
  rig = await startDigestRig();
});
afterAll(async () => {
  await rig?.stop();
});
beforeEach(async () => {
  await rig.reset();
});

const json = (x: unknown) => JSON.stringify(x);

async function normalWeek(): Promise<void> {
  await addUpdates(rig.db.prisma, [
    {
      measure: 2,
      agency: 'JD',
      author: 'U0KARI01',
      status: 'ON_TRACK',
      done: 'Kartlagt krisesentrene.',
      at: '2004-02-17T10:00:00+01:00',
    },
    {
      measure: 1,
      agency: 'JD',
      author: 'U0KARI01',
      status: 'ON_TRACK',
      done: 'Utkast til kriterier sendt på høring.',
      progress: 30,
      at: '2004-02-24T10:00:00+01:00',
    },
    {
      measure: 2,
      agency: 'JD',
      author: 'U0KARI01',
      status: 'AT_RISK',
      done: 'Avtale med tre krisesentre.',
      challenges: 'Finansieringen for 2005 er uavklart.',
      at: '2004-02-25T11:00:00+01:00',
    },
    {
      measure: 2,
      agency: 'BFD',
      author: 'U0OLA001',
      status: 'ON_TRACK',
      done: 'Informasjonsmateriell bestilt.',
      at: '2004-02-26T09:30:00+01:00',
    },
    // Area 2, and a report after the week ended: neither belongs in area 1's week 9.
    {
      measure: 3,
      agency: 'BFD',
      author: 'U0OLA001',
      status: 'ON_TRACK',
      done: 'Annet område.',
      at: '2004-02-24T10:00:00+01:00',
    },
    {
      measure: 1,
      agency: 'JD',
      author: 'U0KARI01',
      status: 'DELAYED',
      done: 'For sent for uke 9.',
      at: '2004-03-01T07:30:00+01:00',
    },
  ]);
}

describe('the weekly digest job', () => {
  it('posts a normal week on Monday 08:00: main message, chart with alt text, and a reply per changed measure', async () => {
    await normalWeek();
    const report = await rig.run('2004-03-01T08:00:00+01:00');
    expect(report.lines).toContain('area 1 2004-W09: sent to C0FOCUS1');

    const [main, ...others] = topLevel(rig.fake, 'C0FOCUS1');
    expect(others).toHaveLength(0);
    const text = json(main?.blocks);
    expect(text).toContain('Ukesammendrag: 1. Beskytte');
    expect(text).toContain('Uke 9 (23.–29. februar 2004)');
    expect(text).toContain('*3 oppdateringer* denne uken');
    expect(text).toContain('I rute: *1* (+1)');
    expect(text).toContain('Ikke startet: *0* (−1)');
    expect(text).toContain('Risiko: *1* (+1)');
    expect(text).toContain('Ikke rapportert: *0* (−1)');
    expect(main?.metadata).toMatchObject({
      event_type: LEDGER_METADATA_EVENT,
      event_payload: { ledger_key: 'digest:1:2004-W09' },
    });

    const thread = replies(rig.fake, 'C0FOCUS1', main?.ts ?? '');
    expect(thread[0]?.files).toHaveLength(1);
    const [file] = rig.fake.files;
    expect(file).toMatchObject({
      completed: true,
      channel_id: 'C0FOCUS1',
      thread_ts: main?.ts,
      filename: 'status-omrade-1-2004-W09.png',
    });
    expect(file?.alt_text).toContain('Uke 9: 1 i rute, 1 risiko.');
    expect(file?.bytes?.subarray(1, 4).toString()).toBe('PNG');

    const details = json(thread.slice(1).map((m) => m.blocks));
    expect(details).toContain('*Tiltak 1: Flyktningstatus*');
    expect(details).toContain('Status: :grey_question: Ikke rapportert → :large_green_circle: I rute');
    expect(details).toContain('*Tiltak 2: Trygge steder*');
    expect(details).toContain('Status: :white_circle: Ikke startet → :large_yellow_circle: Risiko');
    expect(details).toContain('*BFD* – Ola Hansen, 26. feb.');
    expect(details).toContain('*Utfordringer:* Finansieringen for 2005 er uavklart.');
    expect(details).not.toContain('Annet område');
    expect(details).not.toContain('For sent for uke 9');

    const row = await rig.db.prisma.digestLedger.findFirstOrThrow({
      where: { period: '2004-W09', focusArea: { number: 1 } },
    });
    expect(row).toMatchObject({ state: 'SENT', late: false, channel: 'C0FOCUS1', messageTs: main?.ts, attempts: 1 });
    rig.fake.assertNoViolations();
  });

  it('sends each digest once however often the scheduler ticks', async () => {
    await normalWeek();
    for (const at of [
      '2004-03-01T08:00:00+01:00',
      '2004-03-01T08:01:00+01:00',
      '2004-03-01T12:00:00+01:00',
      '2004-03-07T23:59:00+01:00',
    ])
      await rig.run(at);
    expect(topLevel(rig.fake, 'C0FOCUS1')).toHaveLength(1);
    expect(rig.fake.files).toHaveLength(1);
  });

  it('sends nothing for a week before its due minute', async () => {
    await rig.run('2004-03-01T07:59:00+01:00');
    // Week 8's digest was due a week ago and never sent: that one goes out (late), not week 9's.
    expect(topLevel(rig.fake, 'C0FOCUS1').map((m) => json(m.blocks))).toEqual([expect.stringContaining('Uke 8')]);
  });

  it('posts a quiet week too, naming every measure as having nothing new', async () => {
    await normalWeek();
    await rig.run('2004-03-01T08:00:00+01:00');
    rig.fake.reset();
    await rig.run('2004-03-15T08:00:00+01:00');
    const [main] = topLevel(rig.fake, 'C0FOCUS1');
    expect(json(main?.blocks)).toContain('Uke 11');
    expect(json(main?.blocks)).toContain('*0 oppdateringer* denne uken');
    const thread = replies(rig.fake, 'C0FOCUS1', main?.ts ?? '');
    expect(thread).toHaveLength(2);
    expect(json(thread[1]?.blocks)).toContain('*Ikke noe nytt:* 1 (Forsinket), 2 (Risiko)');
    rig.fake.assertNoViolations();
  });

  it('waits for Tuesday when Monday is a public holiday (Easter Monday 2004)', async () => {
    await rig.run('2004-04-05T08:00:00+02:00');
    expect(topLevel(rig.fake, 'C0FOCUS1')).toHaveLength(1);
    await rig.run('2004-04-12T08:00:00+02:00');
    await rig.run('2004-04-12T23:00:00+02:00');
    expect(topLevel(rig.fake, 'C0FOCUS1')).toHaveLength(1);
    await rig.run('2004-04-13T08:00:00+02:00');
    const posted = topLevel(rig.fake, 'C0FOCUS1');
    expect(posted).toHaveLength(2);
    expect(json(posted[1]?.blocks)).toContain('Uke 15 (5.–11. april 2004)');
    expect(json(posted[1]?.blocks)).not.toContain('forsinket');
  });

  it('catches up after downtime with one digest, marked as late', async () => {
    await rig.run('2004-03-01T08:00:00+01:00');
    // Down from before Monday 8 March 08:00 until Wednesday 10 March.
    const report = await rig.run('2004-03-10T10:00:00+01:00');
    expect(report.lines).toContain('area 1 2004-W10: sent to C0FOCUS1 (late)');
    const posted = topLevel(rig.fake, 'C0FOCUS1');
    expect(posted).toHaveLength(2);
    expect(json(posted[1]?.blocks)).toContain(
      'Sendt forsinket: boten var nede da sammendraget skulle gå ut (mandag 8. mars kl. 08:00).',
    );
    const row = await rig.db.prisma.digestLedger.findFirstOrThrow({
      where: { period: '2004-W10', focusArea: { number: 1 } },
    });
    expect(row.late).toBe(true);
  });

  it('tells each coordinator once when an area has no channel and COORDINATOR_CHANNEL is unset', async () => {
    await rig.run('2004-03-01T08:00:00+01:00');
    await rig.run('2004-03-08T08:00:00+01:00');
    const dms = rig.fake.messages('DU0KOORD1');
    expect(dms).toHaveLength(1);
    expect(dms[0]?.text).toContain('Satsingsområde 2 (Forebygge) har verken egen kanal eller COORDINATOR_CHANNEL');
    const skipped = await rig.db.prisma.digestLedger.findMany({
      where: { focusArea: { number: 2 }, state: 'SKIPPED' },
    });
    expect(skipped.map((r) => r.period).sort()).toEqual(['2004-W09', '2004-W10']);
  });

  it('shows in a dry run what it would post, and posts and records nothing', async () => {
    await normalWeek();
    const report = await rig.run('2004-03-01T08:00:00+01:00', true);
    expect(report.lines[0]).toBe('area 1 2004-W09: would send to C0FOCUS1');
    expect(report.lines.join('\n')).toContain('── Tiltak 2: Trygge steder');
    expect(report.lines).toContain('area 2 2004-W09: no channel; coordinators would be told once');
    expect(rig.fake.calls).toHaveLength(0);
    expect(await rig.db.prisma.digestLedger.count()).toBe(0);
  });
});
