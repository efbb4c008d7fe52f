import { beforeEach, describe, expect, it } from 'vitest';
import { encodeMetadata, encodeOpen, ids } from '../../src/features/updates/contract.js';
import type { Json } from '../rig/block-kit-checker.js';
import { useHarness } from '../support/lifecycle.js';
import { allText, clickButton, type FormInput, goodForm, openModal, submit } from './updates-support.js';

const h = useHarness();
let measureId: (n: number) => number;
let agencyId: (code: string) => number;
beforeEach(async () => {
  const measures = await h.db.prisma.measure.findMany();
  const agencies = await h.db.prisma.agency.findMany();
  measureId = (n) => measures.find((m) => m.number === n)?.id ?? -1;
  agencyId = (code) => agencies.find((a) => a.code === code)?.id ?? -1;
  const bfd = agencyId('BFD');
  await h.db.prisma.person.createMany({
    data: [
      { slackId: 'U0ADMIN1', name: 'Ada Admin', role: 'ADMIN' },
      { slackId: 'U0NOAGCY', name: 'Nils Uten', role: 'CONTACT' },
      { slackId: 'U0GONE01', name: 'Gunn Gått', role: 'CONTACT', agencyId: bfd, active: false },
    ],
  });
});

async function nothingWritten(): Promise<void> {
  expect(await h.db.prisma.update.count()).toBe(0);
  expect(await h.db.prisma.auditLog.count({ where: { entity: 'Update' } })).toBe(0);
}

/** A view_submission as if from a modal opened for measure `m` and agency `a`, whoever sends it. */
function forged(user: string, meta: { m: number; a: number; s?: string; b?: number }, form: FormInput = goodForm) {
  const metadata = encodeMetadata({
    s: meta.s ?? crypto.randomUUID(),
    b: meta.b ?? 0,
    m: meta.m,
    a: meta.a,
    src: 'command',
  });
  return submit(h, user, {}, form, metadata);
}

async function reportThroughModal(user: string, text: string, form: FormInput = goodForm): Promise<Json> {
  await h.command(user, text);
  const view = await openModal(h);
  const ack = await submit(h, user, view, form);
  return ack.json as Json;
}

describe('who may update', () => {
  it.each([
    ['a contact, on a measure their agency leads', 'U0KARI01', 1, 'JD', false],
    ['a contact, on a measure their agency is partner on', 'U0OLA001', 2, 'BFD', false],
    ["a team lead, on their agency's measure", 'U0LEADJD', 1, 'JD', false],
    ['a coordinator, on any measure, on behalf of its lead', 'U0KOORD1', 3, 'BFD', true],
    ['an admin, as a coordinator', 'U0ADMIN1', 1, 'JD', true],
  ])('%s', async (_label, user, measure, agency, onBehalf) => {
    expect(await reportThroughModal(user, `oppdater ${measure}`)).toEqual({ response_action: 'clear' });
    const update = await h.db.prisma.update.findFirstOrThrow({ include: { author: true } });
    expect(update).toMatchObject({ measureId: measureId(measure), agencyId: agencyId(agency), onBehalf });
    expect(update.author.slackId).toBe(user);
  });

  it('lets a coordinator choose the partner agency to speak for', async () => {
    await h.command('U0KOORD1', 'oppdater 2');
    const view = await openModal(h);
    const select = (view.blocks as Json[]).find((x) => x.block_id === ids.blocks.updates.agency);
    expect(allText(select)).toContain('UDI – Utlendingsdirektoratet (partner)');
    await submit(h, 'U0KOORD1', view, { ...goodForm, agencyId: String(agencyId('UDI')) });
    expect(await h.db.prisma.update.findFirstOrThrow()).toMatchObject({ agencyId: agencyId('UDI'), onBehalf: true });
  });
});

describe('who may not', () => {
  // The modal opens before any lookup (the trigger expires 3 s after the
  // command), so the refusal is said in it, and nothing else is shown.
  const modalText = () => allText([...h.fake.state.views.values()].map((v) => v.view));

  it('refuses a contact of another agency at the command, in the modal, writing nothing', async () => {
    await h.command('U0OLA001', 'update 1');
    await h.fake.waitFor(() => h.fake.callsTo('views.update')[0]);
    expect(modalText()).toContain(
      'You can only update measures where your agency is lead or partner. Nothing was saved.',
    );
    expect(h.fake.responses).toHaveLength(0);
    await nothingWritten();
  });

  it('refuses a contact without an agency, and a deactivated person', async () => {
    await h.command('U0NOAGCY', 'oppdater 1');
    await h.fake.waitFor(() => h.fake.callsTo('views.update')[0]);
    expect(modalText()).toContain('Du kan bare oppdatere tiltak der etaten din er ansvarlig eller partner');
    await h.command('U0GONE01', 'oppdater 3');
    await h.fake.waitFor(() => h.fake.callsTo('views.update')[1]);
    expect(allText(h.fake.callsTo('views.update')[1]?.args)).toContain('ikke registrert');
    await nothingWritten();
  });

  it('shows the refusal in the modal when a forged "Oppdater" button names a measure the user may not touch', async () => {
    await clickButton(h, 'U0OLA001', ids.actions.updates.open, encodeOpen({ m: 1, a: agencyId('JD') }));
    await h.fake.waitFor(() => h.fake.callsTo('views.update')[0]);
    expect(allText([...h.fake.state.views.values()].map((v) => v.view))).toContain(
      'You can only update measures where your agency is lead or partner',
    );
    await nothingWritten();
  });

  it('answers a forged button value without crashing', async () => {
    await clickButton(h, 'U0KARI01', ids.actions.updates.open, '{"m":"DROP TABLE"}');
    await h.fake.waitFor(() => h.fake.callsTo('views.update')[0]);
    expect(allText([...h.fake.state.views.values()].map((v) => v.view))).toContain('Skjemaet kunne ikke leses');
  });
});

describe('forged submissions write nothing', () => {
  it('refuses a view_submission for a measure the user may not touch', async () => {
    const ack = await forged('U0OLA001', { m: measureId(1), a: agencyId('JD') });
    expect(ack.json).toMatchObject({ response_action: 'update', view: { callback_id: ids.views.updateNotice } });
    expect(allText(ack.json)).toContain('Nothing was saved');
    await nothingWritten();
  });

  it('refuses a contact who names another agency on a shared measure', async () => {
    const ack = await forged('U0KARI01', { m: measureId(2), a: agencyId('BFD') });
    expect(ack.json).toMatchObject({ response_action: 'update', view: { callback_id: ids.views.updateNotice } });
    expect(allText(ack.json)).toContain(
      'Du kan bare oppdatere tiltak der etaten din er ansvarlig eller partner. Ingenting er lagret.',
    );
    await nothingWritten();
  });

  it('refuses a measure smuggled in through the select', async () => {
    const ack = await forged(
      'U0OLA001',
      { m: measureId(3), a: agencyId('BFD') },
      { ...goodForm, measureId: String(measureId(1)) },
    );
    expect(allText(ack.json)).toContain('Nothing was saved');
    await nothingWritten();
  });

  it('refuses a select value that is not an id, naming the field', async () => {
    const ack = await forged(
      'U0KARI01',
      { m: measureId(1), a: agencyId('JD') },
      { ...goodForm, measureId: '1 OR 1=1' },
    );
    expect(ack.json).toEqual({
      response_action: 'errors',
      errors: { [ids.blocks.updates.measure]: 'Velg et av tiltakene i listen.' },
    });
    await nothingWritten();
  });

  it('refuses an unknown user', async () => {
    const ack = await forged('U0STRANGER', { m: measureId(1), a: agencyId('JD') });
    expect(ack.json).toMatchObject({ response_action: 'update' });
    await nothingWritten();
  });

  it('refuses private_metadata that is not ours', async () => {
    for (const metadata of ['', 'not json', '{"s":"x","b":0,"m":1,"a":1,"src":"command"}', JSON.stringify({ m: 1 })]) {
      const ack = await submit(h, 'U0KARI01', {}, goodForm, metadata);
      expect(allText(ack.json)).toContain('Skjemaet kunne ikke leses');
    }
    await nothingWritten();
  });

  it("refuses an edit of someone else's update, through the button and through a forged submission", async () => {
    await reportThroughModal('U0KARI01', 'oppdater 1');
    const original = await h.db.prisma.update.findFirstOrThrow();
    h.fake.state.views.clear();
    await clickButton(h, 'U0LEADJD', ids.actions.updates.edit, original.seriesId);
    await h.fake.waitFor(() => h.fake.callsTo('views.update')[1]);
    expect(allText([...h.fake.state.views.values()].map((v) => v.view))).toContain(
      'Du kan bare redigere oppdateringer du har skrevet selv',
    );
    const ack = await forged('U0LEADJD', { m: measureId(1), a: agencyId('JD'), s: original.seriesId, b: 1 });
    expect(allText(ack.json)).toContain('Du kan bare redigere oppdateringer du har skrevet selv');
    const ola = await forged('U0OLA001', { m: measureId(1), a: agencyId('JD'), s: original.seriesId, b: 1 });
    expect(allText(ola.json)).toMatch(/only edit updates you wrote|Nothing was saved/u);
    expect(await h.db.prisma.update.count()).toBe(1);
  });
});
