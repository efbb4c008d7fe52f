import { describe, expect, it, vi } from 'vitest';
import { encodeOpen, ids } from '../../src/features/updates/contract.js';
import type { Json } from '../rig/block-kit-checker.js';
import { blockActionPayload } from '../rig/payloads.js';
import { useHarness } from '../support/lifecycle.js';
import {
  allText,
  clickButton,
  type FormInput,
  goodForm,
  openModal,
  opensBeforeLookup,
  submit,
} from './updates-support.js';

const h = useHarness();

const b = ids.blocks.updates;

async function open(user: string, text: string): Promise<Json> {
  await h.command(user, text);
  return openModal(h);
}

function block(view: Json, blockId: string): Json {
  const found = (view.blocks as Json[]).find((x) => x.block_id === blockId);
  if (found === undefined) throw new Error(`no block ${blockId}`);
  return found;
}

async function errorsFor(user: string, form: FormInput): Promise<Record<string, string>> {
  const view = await open(user, 'oppdater 1');
  const ack = await submit(h, user, view, form);
  const json = ack.json as { response_action?: string; errors?: Record<string, string> };
  expect(json.response_action).toBe('errors');
  return json.errors ?? {};
}

describe('opening the modal', () => {
  it("opens within the trigger's life and swaps the loading notice for the form", async () => {
    const sent = Date.now();
    const res = await h.command('U0KARI01', 'oppdater 2');
    const view = await openModal(h);
    const [opened] = h.fake.callsTo('views.open');
    expect(opened?.ok).toBe(true);
    // The fake stamps each call as it arrives: the modal must open within the trigger's 3 s.
    expect((opened?.at ?? Number.POSITIVE_INFINITY) - sent).toBeLessThan(3000);
    expect(res.ms).toBeLessThan(3000);
    expect(h.fake.callsTo('views.update')[0]?.ok).toBe(true);
    expect(view.title).toMatchObject({ text: 'Oppdater tiltak' });
    const text = allText(view);
    for (const label of [
      'Status',
      'Fremdrift i prosent',
      'Hva er gjort siden sist',
      'Utfordringer',
      'Neste steg',
      'Forbruk i kroner',
      'Perioden rapporten gjelder',
      'Inntil 3000 tegn',
    ]) {
      expect(text).toContain(label);
    }
    for (const status of ['Ikke startet', 'I rute', 'Risiko', 'Forsinket', 'Fullført', 'Avbrutt'])
      expect(text).toContain(status);
  });

  it("opens the modal with a button's trigger before looking anyone up, then fills in the form", async () => {
    const { opens } = await opensBeforeLookup(h, async () => {
      await clickButton(h, 'U0KARI01', ids.actions.updates.open, encodeOpen({ m: 1 }));
      return openModal(h);
    });
    expect(opens).toBe(1);
    expect(h.fake.calls.map((c) => c.method)).toEqual(['views.open', 'views.update']);
    expect(allText(h.fake.calls[0]?.args.view)).toContain('Laster … / Loading …');
    expect([...h.fake.state.views.keys()]).toEqual([h.fake.calls[1]?.args.view_id]);
  });

  it("offers Kari a select of only her agency's measures, with the one she asked for chosen", async () => {
    const view = await open('U0KARI01', 'oppdater 2');
    const select = block(view, b.measure).element as Json;
    expect((select.options as Json[]).map((o) => (o.text as Json).text)).toEqual([
      '1 · Flyktningstatus',
      '2 · Trygge steder',
    ]);
    expect(select.initial_option).toMatchObject({ text: { text: '2 · Trygge steder' } });
  });

  it('shows the measure without a select when the agency has only one', async () => {
    const udi = await h.db.prisma.agency.findUniqueOrThrow({ where: { code: 'UDI' } });
    await h.db.prisma.person.create({
      data: { slackId: 'U0UDI001', name: 'Una Udi', role: 'CONTACT', agencyId: udi.id, language: 'en' },
    });
    const view = await open('U0UDI001', 'update 2');
    expect((view.blocks as Json[]).some((x) => x.block_id === b.measure)).toBe(false);
    expect(allText(view)).toContain('*Measure 2:* Safe places');
    expect(allText(view)).toContain('Agency: Directorate of Immigration (UDI)');
    expect(view.title).toMatchObject({ text: 'Update measure' });
  });

  it("pre-fills from the agency's latest update on the measure", async () => {
    let view = await open('U0LEADJD', 'oppdater 1');
    await submit(h, 'U0LEADJD', view, {
      ...goodForm,
      status: 'AT_RISK',
      challenges: 'Lite folk',
      progress: '55',
      spend: '1 250 000',
    });
    h.fake.state.views.clear();
    view = await open('U0KARI01', 'oppdater 1');
    expect((block(view, b.status).element as Json).initial_option).toMatchObject({ value: 'AT_RISK' });
    expect((block(view, b.progress).element as Json).initial_value).toBe('55');
    expect((block(view, b.challenges).element as Json).initial_value).toBe('Lite folk');
    expect((block(view, b.nextSteps).element as Json).initial_value).toBe('Sende på høring');
    expect((block(view, b.spend).element as Json).initial_value).toBe('1 250 000');
    expect(allText(view)).toContain('Forrige rapport (1. mars 2004): Kartla behovet i kommunene');
    // What was done last time is shown, not copied: the new report says what has been done since.
    expect((block(view, b.done).element as Json).initial_value).toBeUndefined();
  });

  it('switches the pre-fill when Kari picks another measure in the modal', async () => {
    const first = await open('U0KARI01', 'oppdater 1');
    await submit(h, 'U0KARI01', first, { ...goodForm, status: 'COMPLETED' });
    h.fake.state.views.clear();
    const view = await open('U0KARI01', 'oppdater 1');
    const measure2 = await h.db.prisma.measure.findUniqueOrThrow({ where: { number: 2 } });
    await h.interact(
      blockActionPayload({
        userId: 'U0KARI01',
        actionId: ids.actions.updates.pickMeasure,
        actionType: 'static_select',
        blockId: b.measure,
        selectedOption: { text: '2', value: String(measure2.id) },
        view,
      }),
    );
    const updated = await h.fake.waitFor(() => {
      const v = [...h.fake.state.views.values()]
        .map((x) => x.view)
        .find((x) => x.callback_id === ids.views.updateModal);
      return v !== undefined && JSON.parse(String(v.private_metadata)).m === measure2.id ? v : undefined;
    });
    expect((block(updated, b.measure).element as Json).initial_option).toMatchObject({ value: String(measure2.id) });
    expect((block(updated, b.status).element as Json).initial_option).toBeUndefined();
  });
});

describe('validation on submit', () => {
  it('names every failing field at once, in Norwegian, and stores nothing', async () => {
    const errors = await errorsFor('U0KARI01', {
      status: 'DELAYED',
      progress: '150',
      done: '   ',
      spend: 'mange penger',
      periodDate: '2003-12-31',
    });
    expect(errors).toEqual({
      [b.progress]: 'Skriv et helt tall fra 0 til 100, eller la feltet stå tomt.',
      [b.done]: 'Skriv hva som er gjort siden sist.',
      [b.challenges]: 'Beskriv utfordringene når status er Risiko eller Forsinket.',
      [b.spend]: 'Skriv et helt beløp i kroner, for eksempel 12 500.',
      [b.periodDate]: 'Datoen kan ikke være før planen startet (1. jan. 2004).',
    });
    expect(await h.db.prisma.update.count()).toBe(0);
  });

  it('requires a status, and one from the list', async () => {
    expect(await errorsFor('U0KARI01', { ...goodForm, status: undefined })).toEqual({ [b.status]: 'Velg en status.' });
    expect(await errorsFor('U0KARI01', { ...goodForm, status: 'GREAT' })).toEqual({
      [b.status]: 'Velg en av statusene i listen.',
    });
  });

  it('requires challenges for Risiko as well as Forsinket', async () => {
    expect(await errorsFor('U0KARI01', { ...goodForm, status: 'AT_RISK' })).toHaveProperty(b.challenges);
  });

  it("refuses text beyond Slack's 3000 characters", async () => {
    const long = 'x'.repeat(3001);
    const errors = await errorsFor('U0KARI01', { ...goodForm, done: long, challenges: long, nextSteps: long });
    expect(errors).toEqual({
      [b.done]: 'Teksten er for lang. Den kan ha inntil 3000 tegn.',
      [b.challenges]: 'Teksten er for lang. Den kan ha inntil 3000 tegn.',
      [b.nextSteps]: 'Teksten er for lang. Den kan ha inntil 3000 tegn.',
    });
  });

  it('refuses negative spend, and periods that are missing, malformed or in the future', async () => {
    expect(await errorsFor('U0KARI01', { ...goodForm, spend: '-100' })).toEqual({
      [b.spend]: 'Forbruket kan ikke være negativt.',
    });
    expect(await errorsFor('U0KARI01', { ...goodForm, periodDate: undefined })).toEqual({
      [b.periodDate]: 'Velg en dato.',
    });
    expect(await errorsFor('U0KARI01', { ...goodForm, periodDate: '2004-02-30' })).toEqual({
      [b.periodDate]: 'Velg en gyldig dato.',
    });
    expect(await errorsFor('U0KARI01', { ...goodForm, periodDate: '2004-03-02' })).toEqual({
      [b.periodDate]: 'Datoen kan ikke være etter 1. mars 2004.',
    });
  });

  it('answers in English for Ola', async () => {
    const view = await open('U0OLA001', 'update 3');
    const ack = await submit(h, 'U0OLA001', view, { periodDate: '2004-03-01' });
    expect(ack.json).toEqual({
      response_action: 'errors',
      errors: { [b.status]: 'Choose a status.', [b.done]: 'Say what has been done since last time.' },
    });
  });
});

describe('saving', () => {
  it('stores the update and its audit line, and sends a DM with a summary and "Rediger"', async () => {
    const view = await open('U0KARI01', 'oppdater 1');
    await submit(h, 'U0KARI01', view, { ...goodForm, spend: '12 500 kr' });
    const update = await h.db.prisma.update.findFirstOrThrow();
    expect(update).toMatchObject({ version: 1, spendNok: 12_500n, periodDate: new Date('2004-02-27T00:00:00Z') });
    const audit = await h.db.prisma.auditLog.findFirstOrThrow({ where: { entity: 'Update' } });
    expect(audit).toMatchObject({ actor: 'U0KARI01', action: 'update.create', entityId: String(update.id) });
    const dm = await h.fake.waitFor(() => h.fake.messages('DU0KARI01')[0]);
    const text = allText(dm.blocks);
    expect(text).toContain('Oppdateringen av tiltak 1 Flyktningstatus (JD) er lagret');
    expect(text).toContain(':large_green_circle: I rute · 40 % · Periode: 27. feb. 2004 · Forbruk: 12\u00a0500 kr');
    expect(text).toContain('Rediger');
    expect(JSON.stringify(dm.blocks)).toContain(update.seriesId);
  });

  it('stores a replayed submission once and tells the user', async () => {
    const view = await open('U0KARI01', 'oppdater 1');
    await submit(h, 'U0KARI01', view, goodForm);
    const replay = await submit(h, 'U0KARI01', view, goodForm);
    expect(replay.json).toMatchObject({ response_action: 'update' });
    expect(allText(replay.json)).toContain('allerede lagret');
    expect(await h.db.prisma.update.count()).toBe(1);
  });

  it('keeps the update when the confirmation DM fails', async () => {
    h.fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    const view = await open('U0KARI01', 'oppdater 1');
    const ack = await submit(h, 'U0KARI01', view, goodForm);
    expect(ack.json).toEqual({ response_action: 'clear' });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage')[0]);
    expect(await h.db.prisma.update.count()).toBe(1);
  });
});

describe('when the database fails', () => {
  it('answers the submission with a polite notice, writing nothing', async () => {
    const view = await open('U0KARI01', 'oppdater 1');
    const spy = vi.spyOn(h.running.deps.prisma, '$transaction').mockRejectedValueOnce(new Error('connection lost'));
    const ack = await submit(h, 'U0KARI01', view, goodForm);
    spy.mockRestore();
    expect(ack.json).toMatchObject({ response_action: 'update', view: { callback_id: ids.views.updateNotice } });
    expect(allText(ack.json)).toContain('Noe gikk galt hos oss');
    expect(await h.db.prisma.update.count()).toBe(0);
  });
});

describe('editing', () => {
  async function saveAndEdit(user: string): Promise<{ seriesId: string; view: Json }> {
    const view = await open(user, 'oppdater 1');
    await submit(h, user, view, { ...goodForm, done: 'Første versjon' });
    const dm = await h.fake.waitFor(() => h.fake.messages(`D${user}`)[0]);
    const seriesId = (await h.db.prisma.update.findFirstOrThrow()).seriesId;
    expect(JSON.stringify(dm.blocks)).toContain(seriesId);
    h.fake.state.views.clear();
    await clickButton(h, user, ids.actions.updates.edit, seriesId);
    return { seriesId, view: await openModal(h) };
  }

  it('opens "Rediger" pre-filled, and stores the edit as version 2 beside version 1', async () => {
    const { seriesId, view } = await saveAndEdit('U0KARI01');
    expect(view.title).toMatchObject({ text: 'Rediger oppdatering' });
    expect((block(view, b.done).element as Json).initial_value).toBe('Første versjon');
    expect((block(view, b.periodDate).element as Json).initial_date).toBe('2004-02-27');
    h.clock.advance(3_600_000);
    const ack = await submit(h, 'U0KARI01', view, {
      ...goodForm,
      done: 'Rettet versjon',
      status: 'DELAYED',
      challenges: 'Sykdom',
    });
    expect(ack.json).toEqual({ response_action: 'clear' });
    const versions = await h.db.prisma.update.findMany({ where: { seriesId }, orderBy: { version: 'asc' } });
    expect(versions.map((v) => [v.version, v.done, v.status])).toEqual([
      [1, 'Første versjon', 'ON_TRACK'],
      [2, 'Rettet versjon', 'DELAYED'],
    ]);
    const audit = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'update.edit' } });
    expect(audit.before).toMatchObject({ version: 1, done: 'Første versjon' });
    expect(audit.after).toMatchObject({ version: 2, done: 'Rettet versjon' });
    const dm = await h.fake.waitFor(() => h.fake.messages('DU0KARI01')[1]);
    expect(dm.text).toContain('Dette er versjon 2');
  });

  it('refuses "Rediger" after the edit window, writing nothing', async () => {
    const view = await open('U0KARI01', 'oppdater 1');
    await submit(h, 'U0KARI01', view, goodForm);
    const seriesId = (await h.db.prisma.update.findFirstOrThrow()).seriesId;
    h.clock.advance(8 * 86_400_000);
    h.fake.state.views.clear();
    await clickButton(h, 'U0KARI01', ids.actions.updates.edit, seriesId);
    const notice = await openModal(h, ids.views.updateNotice);
    await h.fake.waitFor(() => h.fake.callsTo('views.update')[1]);
    const shown = [...h.fake.state.views.values()].map((v) => v.view).find((v) => v.id === notice.id);
    expect(allText(shown)).toContain('kan bare redigeres de første 7 dagene');
    expect(await h.db.prisma.update.count()).toBe(1);
  });

  it('refuses an edit submitted after the window closed while the modal was open', async () => {
    const { view } = await saveAndEdit('U0KARI01');
    h.clock.advance(8 * 86_400_000);
    const ack = await submit(h, 'U0KARI01', view, goodForm);
    expect(allText(ack.json)).toContain('kan bare redigeres');
    expect(await h.db.prisma.update.count()).toBe(1);
  });
});
