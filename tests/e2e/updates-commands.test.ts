import { describe, expect, it, vi } from 'vitest';
import { ids } from '../../src/features/updates/contract.js';
import { useHarness } from '../support/lifecycle.js';
import {
  actionValue,
  allText,
  clickButton,
  type FormInput,
  goodForm,
  openModal,
  reply,
  submit,
} from './updates-support.js';

const h = useHarness();

/** The text of the reply to one command. */
async function ask(user: string, text: string): Promise<string> {
  const before = h.fake.responses.length;
  const res = await h.command(user, text);
  expect(res.status).toBe(200);
  expect(res.ms).toBeLessThan(3000);
  const { body } = await reply(h, before + 1);
  return Array.isArray(body.blocks) ? allText(body.blocks) : String(body.text);
}

/** Posts an update through the real modal, as `user`. */
async function report(user: string, measure: number, form: FormInput = goodForm): Promise<void> {
  const viewsBefore = h.fake.state.views.size;
  await h.command(user, `oppdater ${measure}`);
  await h.fake.waitFor(() => h.fake.state.views.size > viewsBefore && h.fake.callsTo('views.update').length >= 1);
  const view = await h.fake.waitFor(() =>
    [...h.fake.state.views.values()]
      .map((v) => v.view)
      .filter((v) => v.callback_id === ids.views.updateModal)
      .at(-1),
  );
  const ack = await submit(h, user, view, form);
  expect(ack.json).toEqual({ response_action: 'clear' });
  h.fake.state.views.clear();
}

describe('/tiltak and /tiltak mine', () => {
  it("lists the measures of Kari's agency with status, last update, next due date and an update button", async () => {
    const text = await ask('U0KARI01', '');
    expect(text).toContain('Dine tiltak');
    expect(text).toContain('Flyktningstatus');
    expect(text).toContain('Trygge steder');
    expect(text).not.toContain('Informasjon');
    expect(text).toContain('Ikke oppdatert ennå');
    expect(text).toContain('neste frist');
    const body = JSON.stringify(h.fake.responses.at(-1)?.body);
    expect(body.split(ids.actions.updates.open).length - 1).toBe(2);
  });

  it('shows the last update and the next due date after a report', async () => {
    await report('U0KARI01', 1);
    const text = await ask('U0KARI01', 'mine');
    expect(text).toContain('Sist oppdatert 1. mars 2004');
    expect(text).toContain('neste frist 15. mars 2004');
    expect(text).toContain(':large_green_circle: *1*');
  });

  it('answers in English with the English alias for Ola', async () => {
    const text = await ask('U0OLA001', 'mine');
    expect(text).toContain('Your measures');
    expect(text).toContain('Safe places');
    expect(text).toContain('Information');
  });

  it('tells a coordinator without an agency where to look instead', async () => {
    expect(await ask('U0KOORD1', '')).toContain('/tiltak liste');
  });

  it('refuses extra words with the right usage', async () => {
    expect(await ask('U0KARI01', 'mine alle')).toContain('Bruk: `/tiltak mine`');
  });
});

describe('/tiltak <nr>', () => {
  it("shows the card with focus area, lead and partners, each agency's latest update and the rolled-up status", async () => {
    await report('U0KARI01', 2, { ...goodForm, status: 'ON_TRACK' });
    await report('U0OLA001', 2, {
      ...goodForm,
      status: 'DELAYED',
      challenges: 'Mangler lokaler',
      done: 'Leid inn hjelp',
    });
    const text = await ask('U0KARI01', '2');
    expect(text).toContain('Tiltak 2: Trygge steder');
    expect(text).toContain('Satsingsområde 1: Beskytte');
    expect(text).toContain('Justisdepartementet (JD)* – ansvarlig');
    expect(text).toContain('Barne- og familiedepartementet (BFD)* – partner');
    expect(text).toContain('Utlendingsdirektoratet (UDI)* – partner');
    expect(text).toContain(
      '*Samlet status:* :red_circle: Forsinket (JD :large_green_circle: · BFD :red_circle: · UDI :grey_question:)',
    );
    expect(text).toContain('Mangler lokaler');
    expect(text).toContain('Ingen rapport ennå.');
    expect(text).toContain('Neste frist');
    const body = JSON.stringify(h.fake.responses.at(-1)?.body);
    // Kari may update for JD only; she may edit her own latest update.
    expect(body.split(ids.actions.updates.open).length - 1).toBe(1);
    expect(body).toContain(ids.actions.updates.edit);
  });

  it('gives a coordinator an update button for every agency', async () => {
    await ask('U0KOORD1', '2');
    const body = JSON.stringify(h.fake.responses.at(-1)?.body);
    expect(body.split(ids.actions.updates.open).length - 1).toBe(3);
  });

  it('answers a measure that does not exist, or a number too big to be one, with the usage', async () => {
    const text = await ask('U0KARI01', '99');
    expect(text).toContain('Tiltak 99 finnes ikke');
    expect(text).toContain('Bruk: `/tiltak <nr>`');
    expect(await ask('U0KARI01', '99999999999999999999')).toContain('finnes ikke');
  });
});

describe('/tiltak oppdater <nr>', () => {
  it('answers a missing or a non-numeric number in the channel, with what was wrong and the usage', async () => {
    expect(await ask('U0KARI01', 'oppdater')).toBe('Du må skrive nummeret på tiltaket. Bruk: `/tiltak oppdater <nr>`');
    expect(await ask('U0KARI01', 'oppdater fire')).toBe(
      '«fire» er ikke et tiltaksnummer. Bruk: `/tiltak oppdater <nr>`',
    );
    expect(await ask('U0OLA001', 'update')).toBe('Please give the number of the measure. Usage: `/tiltak update <nr>`');
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
  });

  it('says in the modal, opened before any lookup, that a well-formed number names no measure, quoting it as typed', async () => {
    // The fuzzer found `oppdater 4` answered with a bare «Fant ikke tiltaket», where `oppdater 4000000` and `/tiltak 4` name the number.
    await h.command('U0KARI01', 'oppdater 042');
    await h.fake.waitFor(() => h.fake.callsTo('views.update')[0]);
    expect(h.fake.callsTo('views.open')).toHaveLength(1);
    expect(allText([...h.fake.state.views.values()].map((v) => v.view))).toContain('Tiltak 042 finnes ikke');
  });

  it('escapes what the user typed when quoting it back', async () => {
    expect(await ask('U0KARI01', 'oppdater <!channel>')).toContain('«&lt;!channel&gt;»');
  });
});

describe('/tiltak liste', () => {
  it("lists every measure with its status emoji, or one focus area's", async () => {
    await report('U0KARI01', 1, { ...goodForm, status: 'AT_RISK', challenges: 'Tid' });
    const all = await ask('U0OLA001', 'list');
    expect(all).toContain('All measures');
    expect(all).toContain(':large_yellow_circle: *1* Refugee status');
    expect(all).toContain(':grey_question: *2* Safe places');
    expect(all).toContain('*3* Information');
    const area = await ask('U0KARI01', 'liste område 2');
    expect(area).toContain('Satsingsområde 2: Forebygge');
    expect(area).toContain('Informasjon');
    expect(area).not.toContain('Flyktningstatus');
    expect(await ask('U0OLA001', 'list area 2')).toContain('Focus area 2: Prevent');
  });

  it('answers a bad area with the usage', async () => {
    expect(await ask('U0KARI01', 'liste område 9')).toBe(
      'Satsingsområde 9 finnes ikke. Bruk: `/tiltak liste [[område] <n>]`',
    );
    expect(await ask('U0KARI01', 'liste område')).toContain('Du må skrive nummeret på satsingsområdet.');
    expect(await ask('U0KARI01', 'liste område to')).toContain('Satsingsområde to finnes ikke');
    expect(await ask('U0KARI01', 'liste alt')).toContain('Jeg forstod ikke «alt»');
  });
});

describe('/tiltak historikk <nr>', () => {
  it('shows updates newest first, with the versions of an edited one', async () => {
    await report('U0KARI01', 1, { ...goodForm, done: 'Første runde' });
    h.clock.advance(86_400_000);
    await report('U0KARI01', 1, { ...goodForm, done: 'Andre runde' });
    const dm = await h.fake.waitFor(() => h.fake.messages('DU0KARI01')[1]);
    const seriesId = JSON.stringify(dm?.blocks).match(/[0-9a-f]{8}-[0-9a-f-]{27}/u)?.[0] ?? '';
    await clickButton(h, 'U0KARI01', ids.actions.updates.edit, seriesId);
    const view = await openModal(h);
    await submit(h, 'U0KARI01', view, { ...goodForm, done: 'Andre runde, rettet' });
    const text = await ask('U0KARI01', 'historikk 1');
    expect(text).toContain('Historikk for tiltak 1');
    expect(text).toContain('2 oppdateringer, nyeste først');
    expect(text.indexOf('Andre runde, rettet')).toBeLessThan(text.indexOf('Første runde'));
    expect(text).toContain('Redigert: 2 versjoner');
    expect(text).toContain('Versjon 1, 2. mars 2004 av Kari Nordmann');
  });

  it('says when there are no updates, and answers bad numbers with the usage', async () => {
    expect(await ask('U0KARI01', 'historikk 3')).toContain('Ingen oppdateringer ennå.');
    expect(await ask('U0KARI01', 'historikk')).toContain('Bruk: `/tiltak historikk <nr>`');
    expect(await ask('U0OLA001', 'history 77')).toBe(
      'There is no measure 77. See all measures with `/tiltak list`. Usage: `/tiltak history <nr>`',
    );
  });
});

describe('/tiltak forfalt', () => {
  it('shows a contact the overdue reports of their own agency only', async () => {
    const text = await ask('U0KARI01', 'forfalt');
    expect(text).toContain('Forfalte rapporter');
    expect(text).toContain('*1* Flyktningstatus (JD)');
    expect(text).toContain('*2* Trygge steder (JD)');
    expect(text).not.toContain('BFD');
    expect(text).toContain('arbeidsdager på overtid');
  });

  it('shows a coordinator every overdue pair, and drops a pair once it has reported', async () => {
    expect(await ask('U0KOORD1', 'forfalt')).toContain('5 forfalte rapporter');
    await report('U0OLA001', 3);
    const text = await ask('U0KOORD1', 'overdue');
    expect(text).toContain('4 forfalte rapporter');
    expect(text).not.toContain('*3* Informasjon (BFD)');
    expect(text).toContain('*2* Trygge steder (BFD)');
  });

  it('says so when nothing is overdue', async () => {
    await report('U0OLA001', 2);
    await report('U0OLA001', 3);
    expect(await ask('U0OLA001', 'overdue')).toContain('No overdue reports. Well done!');
  });

  it('refuses extra words', async () => {
    expect(await ask('U0KARI01', 'forfalt i dag')).toContain('Bruk: `/tiltak forfalt`');
  });
});

describe('/tiltak språk', () => {
  it('saves the language and answers in it from then on', async () => {
    expect(await ask('U0KARI01', 'språk en')).toBe('Done! I will answer you in English from now on.');
    expect(await ask('U0KARI01', 'hjelp')).toContain('Tiltak – help');
    expect(await ask('U0KARI01', 'language nb')).toBe('Greit! Jeg svarer deg på norsk bokmål fra nå av.');
    expect(await h.db.prisma.auditLog.count({ where: { action: 'person.language' } })).toBe(2);
  });

  it('tells the current language, and refuses an unknown one', async () => {
    expect(await ask('U0OLA001', 'language')).toBe('Your language is English (en). Usage: `/tiltak language nb|en`');
    expect(await ask('U0KARI01', 'språk tysk')).toBe(
      'Jeg kjenner ikke språket «tysk». Velg nb eller en. Bruk: `/tiltak språk nb|en`',
    );
  });
});

describe('/tiltak hjelp', () => {
  it('lists every sub-command with its usage', async () => {
    const text = await ask('U0KARI01', 'hjelp');
    for (const usage of [
      '`/tiltak`',
      '`/tiltak <nr>`',
      '`/tiltak oppdater <nr>`',
      '`/tiltak mine`',
      '`/tiltak liste [[område] <n>]`',
      '`/tiltak historikk <nr>`',
      '`/tiltak forfalt`',
      '`/tiltak språk nb|en`',
      '`/tiltak hjelp`',
    ]) {
      expect(text).toContain(usage);
    }
  });
});

describe('the roll-up of a measure with several agencies', () => {
  it('counts Fullført only when every agency is done, and shows the breakdown in lists', async () => {
    const completed = { ...goodForm, status: 'COMPLETED' };
    await report('U0KARI01', 2, completed);
    await report('U0OLA001', 2, completed);
    expect(await ask('U0KOORD1', 'liste område 1')).toContain(
      ':white_circle: Ikke startet (JD :white_check_mark: · BFD :white_check_mark: · UDI :grey_question:)',
    );
    const udi = await h.db.prisma.agency.findUniqueOrThrow({ where: { code: 'UDI' } });
    await h.command('U0KOORD1', 'oppdater 2');
    const view = await openModal(h);
    await submit(h, 'U0KOORD1', view, { ...completed, agencyId: String(udi.id) });
    expect(await ask('U0KOORD1', '2')).toContain(
      '*Samlet status:* :white_check_mark: Fullført (JD :white_check_mark: · BFD :white_check_mark: · UDI :white_check_mark:)',
    );
  });
});

describe('failures', () => {
  it('answers politely when the database fails mid-command', async () => {
    // The measures are kept in memory until a change to their tables: this one (of no rows) makes the page read them.
    await h.db.prisma.$executeRawUnsafe('UPDATE "Measure" SET number = number WHERE false');
    const spy = vi.spyOn(h.running.deps.prisma.measure, 'findMany').mockRejectedValueOnce(new Error('connection lost'));
    const text = await ask('U0KARI01', 'liste');
    spy.mockRestore();
    expect(text).toBe('Noe gikk galt hos oss. Forsøket er logget; prøv igjen om litt.');
  });
});

describe('paging', () => {
  it('pages a long list within Block Kit limits and turns the page in place', async () => {
    const area = await h.db.prisma.focusArea.findUniqueOrThrow({ where: { number: 1 } });
    const jd = await h.db.prisma.agency.findUniqueOrThrow({ where: { code: 'JD' } });
    for (let n = 10; n < 55; n++) {
      await h.db.prisma.measure.create({
        data: {
          number: n,
          titleNb: `Tiltak nummer ${n}`,
          titleEn: `Measure ${n}`,
          focusAreaId: area.id,
          agencies: { create: { agencyId: jd.id, role: 'LEAD' } },
        },
      });
    }
    const first = await ask('U0KARI01', 'liste');
    expect(first).toContain('Side 1 av 3');
    expect(first).toContain('48 tiltak');
    const value = actionValue(h.fake.responses.at(-1)?.body, ids.actions.updates.pageNext);
    expect(value).toBeDefined();
    const before = h.fake.responses.length;
    await clickButton(h, 'U0KARI01', ids.actions.updates.pageNext, value ?? '');
    const { text, body } = await reply(h, before + 1);
    expect(body).toMatchObject({ replace_original: true });
    expect(text).toContain('Side 2 av 3');
    expect(text).toContain('Tiltak nummer 30');
  });

  it('says so, and keeps the list, when the next page cannot be loaded', async () => {
    await ask('U0KARI01', 'liste');
    const value =
      actionValue(h.fake.responses.at(-1)?.body, ids.actions.updates.pageNext) ?? JSON.stringify({ k: 'list', p: 1 });
    // The measures are kept in memory until a change to their tables: this one (of no rows) makes the page read them.
    await h.db.prisma.$executeRawUnsafe('UPDATE "Measure" SET number = number WHERE false');
    const spy = vi.spyOn(h.running.deps.prisma.measure, 'findMany').mockRejectedValueOnce(new Error('connection lost'));
    const before = h.fake.responses.length;
    await clickButton(h, 'U0KARI01', ids.actions.updates.pageNext, value);
    const { text, body } = await reply(h, before + 1);
    spy.mockRestore();
    expect(body).toMatchObject({ replace_original: false });
    expect(text.trim()).toBe('Noe gikk galt hos oss. Forsøket er logget; prøv igjen om litt.');
  });
});
