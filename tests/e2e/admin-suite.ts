// /tiltak-admin end to end, through signed HTTP with the fake Slack. Imported by
// admin.test.ts (PGlite) and admin.pg.test.ts (PostgreSQL), so both databases run it.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ids } from '../../src/features/admin/contract.js';
import type { Json } from '../rig/block-kit-checker.js';
import { useHarness } from '../support/lifecycle.js';
import {
  buttonValue,
  click,
  field,
  lastReply,
  latestView,
  modal,
  say,
  submitModal,
  submitView,
} from './admin-support.js';
import { allText, opensBeforeLookup } from './updates-support.js';

const h = useHarness();
const b = ids.blocks;
const a = ids.actions.admin;
const KOORD = 'U0KOORD1';

async function audit(action?: string) {
  return h.db.prisma.auditLog.findMany({ where: action === undefined ? {} : { action }, orderBy: { id: 'asc' } });
}

async function counts() {
  const p = h.db.prisma;
  return {
    agencies: await p.agency.count(),
    people: await p.person.count({ where: { active: true } }),
    measures: await p.measure.count({ where: { archivedAt: null } }),
    areas: JSON.stringify(await p.focusArea.findMany({ orderBy: { id: 'asc' } })),
    audit: await p.auditLog.count(),
  };
}

const goodAgency = {
  [b.agency.code]: field.text('pod'),
  [b.agency.nameNb]: field.text('Politidirektoratet'),
  [b.agency.nameEn]: field.text('National Police Directorate'),
  [b.agency.kind]: field.select('DIRECTORATE'),
  [b.agency.teamLead]: field.user('U0LEADPOD'),
};

async function addUpdate(measureNumber: number, agencyCode: string) {
  const p = h.db.prisma;
  const measure = await p.measure.findUniqueOrThrow({ where: { number: measureNumber } });
  const agency = await p.agency.findUniqueOrThrow({ where: { code: agencyCode } });
  const author = await p.person.findUniqueOrThrow({ where: { slackId: 'U0KARI01' } });
  await p.update.create({
    data: {
      seriesId: randomUUID(),
      version: 1,
      measureId: measure.id,
      agencyId: agency.id,
      authorId: author.id,
      status: 'ON_TRACK',
      done: 'Kartla behovet',
      periodDate: new Date('2004-02-27'),
      createdAt: new Date('2004-02-27T10:00:00Z'),
    },
  });
}

describe('/tiltak-admin hjelp', () => {
  it('lists every sub-command for a coordinator, in Norwegian, and in English for one who reads English', async () => {
    const text = await say(h, KOORD, 'hjelp');
    for (const usage of [
      '/tiltak-admin etater [ny | <kode>]',
      '/tiltak-admin personer [ny | @person | e-post]',
      '/tiltak-admin tiltak <nr> | tiltak ny',
      '/tiltak-admin område <n>',
      '/tiltak-admin logg [tiltak <nr> | person @x]',
      '/tiltak-admin hjelp',
    ])
      expect(text).toContain(usage);
    await h.db.prisma.person.update({ where: { slackId: KOORD }, data: { language: 'en' } });
    expect(await say(h, KOORD, 'help')).toContain('/tiltak-admin agencies [new | <code>]');
  });
});

describe('who may use /tiltak-admin', () => {
  const refusedUsers = [
    ['a contact', 'U0KARI01'],
    ['a team lead', 'U0LEADJD'],
  ] as const;
  const commands = [
    '',
    'hjelp',
    'etater',
    'etater ny',
    'personer',
    'personer ny',
    'tiltak 1',
    'tiltak ny',
    'område 1',
    'logg',
  ];

  it.each(refusedUsers)('refuses %s every sub-command, opens nothing and writes nothing', async (_who, user) => {
    const before = await counts();
    for (const text of commands) expect(await say(h, user, text)).toContain('Bare koordinatorer og administratorer');
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
    expect(await counts()).toEqual(before);
  });

  it('tells someone not in the plan, or removed from it, that they are not registered', async () => {
    await h.db.prisma.person.update({ where: { slackId: 'U0LEADJD' }, data: { active: false, role: 'COORDINATOR' } });
    for (const user of ['U0STRANGER', 'U0LEADJD']) expect(await say(h, user, 'etater')).toContain('ikke registrert');
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
  });

  it.each(refusedUsers)('refuses %s every button, opening only the refusal, and writes nothing', async (_who, user) => {
    const before = await counts();
    const jd = await h.db.prisma.agency.findUniqueOrThrow({ where: { code: 'JD' } });
    const kari = await h.db.prisma.person.findUniqueOrThrow({ where: { slackId: 'U0KARI01' } });
    const m1 = await h.db.prisma.measure.findUniqueOrThrow({ where: { number: 1 } });
    const row = (id: number) => JSON.stringify({ id });
    const form: Json = {
      id: 'V0FORM',
      type: 'modal',
      callback_id: ids.views.measureModal,
      private_metadata: '{"id":1}',
    };
    const opening: [string, string][] = [
      [a.agencyNew, 'new'],
      [a.agencyEdit, row(jd.id)],
      [a.personNew, 'new'],
      [a.personEdit, row(kari.id)],
    ];
    for (const [actionId, value] of opening) {
      const opens = h.fake.callsTo('views.open').length;
      await click(h, user, actionId, value);
      await h.fake.waitFor(() => h.fake.callsTo('views.open').length > opens || undefined);
      expect(allText((await modal(h, ids.views.notice)).blocks)).toContain('Bare koordinatorer og administratorer');
    }
    for (const [actionId, value] of [
      [a.personRemove, row(kari.id)],
      [a.measureArchive, row(m1.id)],
      [a.measureUnarchive, row(m1.id)],
      [a.measureDelete, row(m1.id)],
    ] as const) {
      const updates = h.fake.callsTo('views.update').length;
      await click(h, user, actionId, value, form);
      await h.fake.waitFor(() => h.fake.callsTo('views.update').length > updates || undefined);
      expect(allText(latestView(h).blocks)).toContain('Bare koordinatorer og administratorer');
    }
    const pages = h.fake.responses.length;
    await click(h, user, a.logOlder, JSON.stringify({ p: 1 }));
    const page = await h.fake.waitFor(() => h.fake.responses[pages]);
    expect(allText(page.body)).toContain('Bare koordinatorer og administratorer');
    expect(await counts()).toEqual(before);
  });

  it.each(refusedUsers)(
    'refuses a forged submission of every admin form from %s; nothing is written',
    async (_who, user) => {
      const before = await counts();
      const area = await h.db.prisma.focusArea.findUniqueOrThrow({ where: { number: 2 } });
      const forms: [string, string, Record<string, Record<string, Json>>][] = [
        [ids.views.agencyModal, '{"id":0}', goodAgency],
        [
          ids.views.personModal,
          '{"id":0}',
          {
            [b.person.user]: field.user(user),
            [b.person.agency]: field.select('0'),
            [b.person.role]: field.select('ADMIN'),
          },
        ],
        [
          ids.views.measureModal,
          '{"id":0}',
          {
            [b.measure.number]: field.text('9'),
            [b.measure.titleNb]: field.text('x'),
            [b.measure.titleEn]: field.text('x'),
          },
        ],
        [
          ids.views.areaModal,
          JSON.stringify({ id: area.id }),
          { [b.area.titleNb]: field.text('Kapret'), [b.area.titleEn]: field.text('Hijacked') },
        ],
      ];
      for (const [callbackId, meta, values] of forms) {
        const result = await submitView(h, user, callbackId, meta, values);
        expect(result.action).toBe('update');
        expect(result.notice).toContain('Bare koordinatorer og administratorer');
      }
      expect(await counts()).toEqual(before);
    },
  );

  it('checks rights again on submit: a coordinator demoted while the form was open saves nothing', async () => {
    await say(h, KOORD, 'etater ny', true);
    const view = await modal(h, ids.views.agencyModal);
    await h.db.prisma.person.update({ where: { slackId: KOORD }, data: { role: 'CONTACT' } });
    const before = await counts();
    const result = await submitModal(h, KOORD, view, goodAgency);
    expect(result.notice).toContain('Bare koordinatorer og administratorer');
    expect(await counts()).toEqual(before);
  });
});

describe('opening a modal', () => {
  it('opens the loading view before looking anyone up from a button, and before loading the measure from a command', async () => {
    const jd = await h.db.prisma.agency.findUniqueOrThrow({ where: { code: 'JD' } });
    const { opens } = await opensBeforeLookup(h, async () => {
      await click(h, KOORD, a.agencyEdit, JSON.stringify({ id: jd.id }));
      return modal(h, ids.views.agencyModal);
    });
    expect(opens).toBe(1);
    expect(allText(h.fake.callsTo('views.open')[0]?.args.view)).toContain('Laster … / Loading …');
    const before = h.fake.calls.length;
    await say(h, KOORD, 'tiltak 2', true);
    expect(h.fake.calls.slice(before).map((c) => c.method)).toEqual(['views.open', 'views.update']);
  });
});

describe('etater', () => {
  it('lists the agencies with their team lead, and adds one from the "Ny etat" button with its audit line', async () => {
    const list = await say(h, KOORD, 'etater');
    expect(list).toContain('*JD* · Justisdepartementet · Departement · <@U0LEADJD>');
    expect(list).toContain('*UDI* · Utlendingsdirektoratet · Direktorat · ingen teamleder');
    const opens = h.fake.callsTo('views.open').length;
    await click(h, KOORD, a.agencyNew, buttonValue(h.fake.responses.at(-1)?.body, a.agencyNew));
    const view = await modal(h, ids.views.agencyModal);
    expect(h.fake.callsTo('views.open')).toHaveLength(opens + 1);
    expect(allText(view)).toContain('Kode');

    const saved = await submitModal(h, KOORD, view, goodAgency);
    expect(saved.notice).toContain('Etaten POD er lagret.');
    const pod = await h.db.prisma.agency.findUniqueOrThrow({ where: { code: 'POD' } });
    expect(pod).toMatchObject({
      nameEn: 'National Police Directorate',
      kind: 'DIRECTORATE',
      teamLeadSlackId: 'U0LEADPOD',
    });
    const [entry] = await audit('agency.create');
    expect(entry).toMatchObject({ actor: KOORD, entity: 'Agency', entityId: String(pod.id), before: null });
    expect(entry?.after).toMatchObject({ code: 'POD', kind: 'DIRECTORATE' });
  });

  it('edits an agency by its code, and refuses a code another agency has with a field error', async () => {
    await say(h, KOORD, 'etater jd', true);
    const view = await modal(h, ids.views.agencyModal);
    expect(allText(view)).toContain('Justisdepartementet');
    const taken = await submitModal(h, KOORD, view, { ...goodAgency, [b.agency.code]: field.text('BFD') });
    expect(taken.action).toBe('errors');
    expect(taken.errors[b.agency.code]).toBe('Koden BFD er allerede i bruk.');
    const bad = await submitModal(h, KOORD, view, {
      ...goodAgency,
      [b.agency.code]: field.text('J D'),
      [b.agency.nameNb]: field.text('  '),
    });
    expect(bad.errors).toMatchObject({
      [b.agency.code]: expect.stringContaining('store bokstaver'),
      [b.agency.nameNb]: 'Må fylles ut.',
    });
    expect(await audit('agency.update')).toHaveLength(0);

    const renamed = await submitModal(h, KOORD, view, {
      ...goodAgency,
      [b.agency.code]: field.text('JD'),
      [b.agency.nameNb]: field.text('Justis- og politidepartementet'),
      [b.agency.kind]: field.select('MINISTRY'),
    });
    expect(renamed.notice).toContain('Etaten JD er lagret.');
    const [entry] = await audit('agency.update');
    expect(entry?.before).toMatchObject({ nameNb: 'Justisdepartementet', teamLeadSlackId: 'U0LEADJD' });
    expect(entry?.after).toMatchObject({ nameNb: 'Justis- og politidepartementet', teamLeadSlackId: 'U0LEADPOD' });
  });

  it('gives field errors in English to a coordinator who reads English', async () => {
    await h.db.prisma.person.update({ where: { slackId: KOORD }, data: { language: 'en' } });
    await say(h, KOORD, 'agencies new', true);
    const view = await modal(h, ids.views.agencyModal);
    const taken = await submitModal(h, KOORD, view, { ...goodAgency, [b.agency.code]: field.text('jd') });
    expect(taken.errors[b.agency.code]).toBe('The code JD is already in use.');
  });
});

describe('personer', () => {
  it('registers a person found by e-mail, who can then use /tiltak; removing them keeps their row', async () => {
    h.fake.state.setUser({
      id: 'U0NYPERS',
      real_name: 'Nina Ny',
      profile: { email: 'nina@jd.dep.no', real_name: 'Nina Ny' },
    });
    const jd = await h.db.prisma.agency.findUniqueOrThrow({ where: { code: 'JD' } });
    await say(h, KOORD, 'personer ny', true);
    const view = await modal(h, ids.views.personModal);
    const unknown = await submitModal(h, KOORD, view, {
      [b.person.email]: field.text('noen@annen.no'),
      [b.person.agency]: field.select(String(jd.id)),
      [b.person.role]: field.select('CONTACT'),
    });
    expect(unknown.errors[b.person.email]).toBe('Fant ingen Slack-bruker med den e-postadressen.');
    const noAgency = await submitModal(h, KOORD, view, {
      [b.person.email]: field.text('nina@jd.dep.no'),
      [b.person.agency]: field.select('0'),
      [b.person.role]: field.select('CONTACT'),
    });
    expect(noAgency.errors[b.person.agency]).toBe('Kontaktpersoner og teamledere må høre til en etat.');

    const saved = await submitModal(h, KOORD, view, {
      [b.person.email]: field.text('Nina@JD.dep.no'),
      [b.person.agency]: field.select(String(jd.id)),
      [b.person.role]: field.select('CONTACT'),
    });
    expect(saved.notice).toContain('Nina Ny er lagret.');
    const nina = await h.db.prisma.person.findUniqueOrThrow({ where: { slackId: 'U0NYPERS' } });
    expect(nina).toMatchObject({ name: 'Nina Ny', agencyId: jd.id, role: 'CONTACT', active: true });
    expect((await audit('person.create'))[0]).toMatchObject({ actor: KOORD, entityId: String(nina.id) });
    await h.command('U0NYPERS', 'liste');
    await h.fake.waitFor(() => h.fake.responses.at(-1));
    expect(h.lastReplyText()).not.toContain('ikke registrert');

    const filled = h.fake.callsTo('views.update').length;
    await click(h, KOORD, a.personEdit, JSON.stringify({ id: nina.id }));
    const edit = await modal(h, ids.views.personModal, filled);
    await click(h, KOORD, a.personRemove, buttonValue(edit.blocks, a.personRemove), edit);
    await h.fake.waitFor(() => (allText(latestView(h).blocks).includes('fjernet fra planen') ? true : undefined));
    expect(await h.db.prisma.person.findUniqueOrThrow({ where: { id: nina.id } })).toMatchObject({ active: false });
    expect((await audit('person.deactivate'))[0]?.after).toMatchObject({ active: false, slackId: 'U0NYPERS' });
    await h.command('U0NYPERS', 'liste');
    await h.fake.waitFor(() => (h.lastReplyText().includes('ikke registrert') ? true : undefined));
  });

  it('lets only an admin give the admin role', async () => {
    await say(h, KOORD, 'personer <@U0KARI01>', true);
    const view = await modal(h, ids.views.personModal);
    const jd = await h.db.prisma.agency.findUniqueOrThrow({ where: { code: 'JD' } });
    const values = { [b.person.agency]: field.select(String(jd.id)), [b.person.role]: field.select('ADMIN') };
    const refused = await submitModal(h, KOORD, view, values);
    expect(refused.errors[b.person.role]).toBe('Bare administratorer kan gi eller ta fra noen administratorrollen.');
    await h.db.prisma.person.update({ where: { slackId: KOORD }, data: { role: 'ADMIN' } });
    expect((await submitModal(h, KOORD, view, values)).notice).toContain('Kari Nordmann er lagret.');
    expect(await h.db.prisma.person.findUniqueOrThrow({ where: { slackId: 'U0KARI01' } })).toMatchObject({
      role: 'ADMIN',
    });
  });
});

describe('tiltak', () => {
  it('adds a measure from "tiltak ny", refusing a number in use, a partner that is also lead and a bad cadence', async () => {
    const jd = await h.db.prisma.agency.findUniqueOrThrow({ where: { code: 'JD' } });
    const udi = await h.db.prisma.agency.findUniqueOrThrow({ where: { code: 'UDI' } });
    const area2 = await h.db.prisma.focusArea.findUniqueOrThrow({ where: { number: 2 } });
    await say(h, KOORD, 'tiltak ny', true);
    const view = await modal(h, ids.views.measureModal);
    expect((view.blocks as Json[]).find((x) => x.block_id === b.measure.number)).toMatchObject({
      element: { initial_value: '4' },
    });
    const form = (over: Record<string, Record<string, Json>>) => ({
      [b.measure.number]: field.text('4'),
      [b.measure.titleNb]: field.text('Opplæring av politiet'),
      [b.measure.titleEn]: field.text('Police training'),
      [b.measure.area]: field.select(String(area2.id)),
      [b.measure.lead]: field.select(String(jd.id)),
      [b.measure.partners]: field.multi([String(udi.id)]),
      [b.measure.cadence]: field.text('30'),
      [b.measure.deadline]: field.date('2004-12-01'),
      ...over,
    });
    const bad = await submitModal(
      h,
      KOORD,
      view,
      form({
        [b.measure.partners]: field.multi([String(jd.id)]),
        [b.measure.cadence]: field.text('0'),
      }),
    );
    expect(bad.errors).toEqual({
      [b.measure.partners]: 'Den ansvarlige etaten kan ikke også være samarbeidende.',
      [b.measure.cadence]: 'Skriv et positivt helt antall dager, f.eks. 14.',
    });
    expect(
      (await submitModal(h, KOORD, view, form({ [b.measure.cadence]: field.text('2,5') }))).errors[b.measure.cadence],
    ).toBeDefined();
    const taken = await submitModal(h, KOORD, view, form({ [b.measure.number]: field.text('2') }));
    expect(taken.errors[b.measure.number]).toBe('Tiltak 2 finnes allerede.');
    expect(await audit('measure.create')).toHaveLength(0);

    expect((await submitModal(h, KOORD, view, form({}))).notice).toContain('Tiltak 4 er lagret.');
    const m4 = await h.db.prisma.measure.findUniqueOrThrow({ where: { number: 4 }, include: { agencies: true } });
    expect(m4).toMatchObject({ titleEn: 'Police training', cadenceDays: 30, focusAreaId: area2.id });
    expect(m4.agencies.map((x) => [x.agencyId, x.role]).sort()).toEqual(
      [
        [jd.id, 'LEAD'],
        [udi.id, 'PARTNER'],
      ].sort(),
    );
    expect((await audit('measure.create'))[0]?.after).toMatchObject({
      number: 4,
      lead: [jd.id],
      partners: [udi.id],
      deadline: '2004-12-01',
    });
  });

  it('fills in an existing measure by its number', async () => {
    await say(h, KOORD, 'tiltak 3', true);
    const view = await modal(h, ids.views.measureModal);
    expect(view.title).toMatchObject({ text: 'Endre tiltak 3' });
    const bfd = await h.db.prisma.agency.findUniqueOrThrow({ where: { code: 'BFD' } });
    const saved = await submitModal(h, KOORD, view, {
      [b.measure.titleNb]: field.text('Informasjon til ofre'),
      [b.measure.titleEn]: field.text('Information to victims'),
      [b.measure.description]: field.text('Brosjyrer på ti språk.'),
      [b.measure.area]: field.select('0'),
      [b.measure.lead]: field.select(String(bfd.id)),
    });
    expect(saved.notice).toContain('Tiltak 3 er lagret.');
    const [entry] = await audit('measure.update');
    expect(entry?.before).toMatchObject({ titleNb: 'Informasjon', deadline: '2004-06-30' });
    expect(entry?.after).toMatchObject({
      titleNb: 'Informasjon til ofre',
      description: 'Brosjyrer på ti språk.',
      deadline: null,
      focusAreaId: null,
    });
    expect(await say(h, KOORD, 'tiltak 99', true)).toBe('');
    expect(allText(latestView(h).blocks)).toContain('Fant ikke tiltak 99');
  });

  it('archives a measure with updates instead of deleting it; it leaves the lists and stays in the database', async () => {
    await addUpdate(1, 'JD');
    await say(h, KOORD, 'tiltak 1', true);
    const view = await modal(h, ids.views.measureModal);
    // No delete is offered for a measure with reports, and a forged one is refused.
    expect(JSON.stringify(view.blocks)).not.toContain(a.measureDelete);
    const m1 = await h.db.prisma.measure.findUniqueOrThrow({ where: { number: 1 } });
    await click(h, KOORD, a.measureDelete, JSON.stringify({ id: m1.id }), view);
    await h.fake.waitFor(() => (allText(latestView(h).blocks).includes('kan ikke slettes') ? true : undefined));
    expect(await h.db.prisma.measure.count({ where: { number: 1 } })).toBe(1);

    await click(h, KOORD, a.measureArchive, buttonValue(view.blocks, a.measureArchive), view);
    await h.fake.waitFor(() => (allText(latestView(h).blocks).includes('Tiltak 1 er arkivert.') ? true : undefined));
    expect((await h.db.prisma.measure.findUniqueOrThrow({ where: { id: m1.id } })).archivedAt).not.toBeNull();
    expect((await audit('measure.archive'))[0]).toMatchObject({ actor: KOORD, entityId: String(m1.id) });
    await h.command('U0KARI01', 'liste');
    await h.fake.waitFor(() => (lastReply(h).includes('Trygge steder') ? true : undefined));
    expect(lastReply(h)).not.toContain('Flyktningstatus');

    await say(h, KOORD, 'tiltak 1', true);
    const archived = await modal(h, ids.views.measureModal);
    expect(allText(archived.blocks)).toContain('Arkivert');
    await click(h, KOORD, a.measureUnarchive, buttonValue(archived.blocks, a.measureUnarchive), archived);
    await h.fake.waitFor(() => (allText(latestView(h).blocks).includes('hentet fram igjen') ? true : undefined));
    expect((await h.db.prisma.measure.findUniqueOrThrow({ where: { id: m1.id } })).archivedAt).toBeNull();
  });

  it('deletes a measure without updates, with its audit line', async () => {
    await say(h, KOORD, 'tiltak 3', true);
    const view = await modal(h, ids.views.measureModal);
    await click(h, KOORD, a.measureDelete, buttonValue(view.blocks, a.measureDelete), view);
    await h.fake.waitFor(() => (allText(latestView(h).blocks).includes('Tiltak 3 er slettet.') ? true : undefined));
    expect(await h.db.prisma.measure.count({ where: { number: 3 } })).toBe(0);
    const [entry] = await audit('measure.delete');
    expect(entry).toMatchObject({ after: null });
    expect(entry?.before).toMatchObject({ number: 3, titleNb: 'Informasjon' });
  });
});

describe('område', () => {
  it('sets the digest channel, day and time; a channel without the bot is saved with how to invite it', async () => {
    h.fake.state.channels.set('C0NYKANAL', { name: 'forebygging', isMember: false });
    await say(h, KOORD, 'område 2', true);
    const view = await modal(h, ids.views.areaModal);
    const values = {
      [b.area.titleNb]: field.text('Forebygge'),
      [b.area.titleEn]: field.text('Prevent'),
      [b.area.channel]: field.conversation('C0NYKANAL'),
      [b.area.weekday]: field.select('5'),
      [b.area.time]: field.text('7.30'),
    };
    expect((await submitModal(h, KOORD, view, { ...values, [b.area.time]: field.text('25:00') })).errors).toEqual({
      [b.area.time]: 'Skriv et klokkeslett som 08:00.',
    });
    expect(
      (await submitModal(h, KOORD, view, { ...values, [b.area.channel]: field.conversation('C0BORTE') })).errors[
        b.area.channel
      ],
    ).toContain('finner ikke kanalen');
    const saved = await submitModal(h, KOORD, view, values);
    expect(saved.notice).toContain('Område 2 er lagret.');
    expect(saved.notice).toContain('/invite @Tiltak');
    expect(await h.db.prisma.focusArea.findUniqueOrThrow({ where: { number: 2 } })).toMatchObject({
      channel: 'C0NYKANAL',
      digestWeekday: 5,
      digestTime: '07:30',
    });
    expect((await audit('focus-area.update'))[0]?.after).toMatchObject({ channel: 'C0NYKANAL', digestWeekday: 5 });

    h.fake.state.channels.set('C0NYKANAL', { name: 'forebygging', isMember: true });
    await say(h, KOORD, 'area 2', true);
    const again = await modal(h, ids.views.areaModal);
    h.fake.state.channels.set('C0ANNEN', { name: 'annen', isMember: true });
    const member = await submitModal(h, KOORD, again, { ...values, [b.area.channel]: field.conversation('C0ANNEN') });
    expect(member.notice).not.toContain('/invite');
  });

  it('answers an unknown area with the areas there are', async () => {
    await say(h, KOORD, 'område 7', true);
    expect(allText(latestView(h).blocks)).toContain('Fant ikke område 7. Områdene er: 1 Beskytte, 2 Forebygge.');
  });
});

describe('logg', () => {
  it('shows the audit log newest first, pages with buttons, and filters by measure and by person', async () => {
    const at = (i: number) => new Date(Date.UTC(2004, 1, 1, 10, i));
    await h.db.prisma.auditLog.createMany({
      data: Array.from({ length: 12 }, (_, i) => ({
        actor: i % 2 === 0 ? KOORD : 'U0KARI01',
        action: `test.change-${i}`,
        entity: 'Agency',
        entityId: '1',
        createdAt: at(i),
      })),
    });
    const first = await say(h, KOORD, 'logg');
    expect(first.indexOf('test.change-11')).toBeLessThan(first.indexOf('test.change-10'));
    expect(first).not.toContain('test.change-1`');
    expect(first).toContain('Side 1 av 2');
    const pages = h.fake.responses.length;
    await click(h, KOORD, a.logOlder, buttonValue(h.fake.responses.at(-1)?.body, a.logOlder));
    const second = await h.fake.waitFor(() => h.fake.responses[pages]);
    expect(allText(second.body)).toContain('test.change-0');
    expect(allText(second.body)).toContain('Side 2 av 2');

    const byKari = await say(h, KOORD, 'logg person <@U0KARI01>');
    expect(byKari).toContain('test.change-11');
    expect(byKari).not.toContain('test.change-10');
    await addUpdate(2, 'JD');
    await say(h, KOORD, 'tiltak 2', true);
    const view = await modal(h, ids.views.measureModal);
    await click(h, KOORD, a.measureArchive, buttonValue(view.blocks, a.measureArchive), view);
    await h.fake.waitFor(() => (allText(latestView(h).blocks).includes('arkivert') ? true : undefined));
    const ofMeasure = await say(h, KOORD, 'logg tiltak 2');
    expect(ofMeasure).toContain('measure.archive');
    expect(ofMeasure).not.toContain('test.change');
    expect(await say(h, KOORD, 'logg tull')).toContain('Skriv `/tiltak-admin logg`');
  });
});
