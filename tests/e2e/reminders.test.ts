import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ids } from '../../src/features/reminders/contract.js';
import { ids as updateIds } from '../../src/features/updates/contract.js';
import { viewSubmissionPayload } from '../rig/payloads.js';
import { useHarness } from '../support/lifecycle.js';
import { allDms, click, dms, lastResponseText, ledgerKeyOf, textOf, tick } from './reminders-support.js';
import { opensBeforeLookup } from './updates-support.js';

// The small plan: measure 1 (JD) is due Thursday 15 January 2004, 14 days after the plan starts;
// step 1 is Tuesday 13th at 09:00, step 2 Friday 16th, step 3 (team lead Liv) Tuesday 20th.
const STEP1 = '2004-01-13T09:00:00+01:00';
const STEP2 = '2004-01-16T09:00:00+01:00';

const h = useHarness({ now: '2004-01-12T12:00:00+01:00' });
beforeEach(async () => {
  h.clock.set('2004-01-12T12:00:00+01:00');
});

/** Reminders (messages carrying a ledger key) about measure 1 in a user's DM. */
const measureOne = (user: string) => dms(h, user).filter((m) => ledgerKeyOf(m)?.includes('|m1|') === true);

describe('reminder DMs', () => {
  it('sends nothing before 09:00, then a due-soon DM in Norwegian to Kari with the three buttons', async () => {
    await tick(h, '2004-01-13T08:59:00+01:00');
    expect(allDms(h)).toEqual([]);
    await tick(h, STEP1);
    const [dm] = measureOne('U0KARI01');
    expect(dm).toBeDefined();
    expect(textOf(dm?.blocks)).toContain('Neste statusoppdatering er ventet *torsdag 15. januar 2004*');
    const actions = JSON.stringify(dm?.blocks);
    for (const id of Object.values(ids.actions.reminders).filter((a) => a !== ids.actions.reminders.reason))
      expect(actions).toContain(id);
  });

  it('writes to Ola, who chose English, in English', async () => {
    await tick(h, STEP1);
    const [dm] = dms(h, 'U0OLA001');
    expect(textOf(dm?.blocks)).toContain('Measure 3 – Information');
    expect(textOf(dm?.blocks)).toContain('The next status update is due *Thursday 15 January 2004*');
  });

  it('sends each step once however often the tick runs', async () => {
    await tick(h, STEP1);
    const first = allDms(h);
    await tick(h, STEP1);
    await tick(h, '2004-01-13T14:00:00+01:00');
    expect(allDms(h)).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it('says in the step-3 DM to the team lead which measure, who the contacts are and how late it is', async () => {
    await tick(h, '2004-01-20T09:00:00+01:00');
    const [dm] = measureOne('U0LEADJD');
    expect(textOf(dm?.blocks)).toContain('er nå 3 arbeidsdager forsinket');
    expect(textOf(dm?.blocks)).toContain('Kontaktpersoner: <@U0KARI01>');
  });
});

describe('the buttons', () => {
  it('"Utsett 1 dag" confirms in the user’s language and reminds again the next working day at 09:00', async () => {
    await tick(h, STEP1);
    const [dm] = measureOne('U0KARI01');
    h.clock.set('2004-01-13T10:05:00+01:00');
    await click(h, 'U0KARI01', dm!, ids.actions.reminders.snooze);
    await h.fake.waitFor(() => h.fake.responses.at(-1));
    expect(lastResponseText(h)).toBe('Greit, jeg minner deg på tiltak 1 igjen onsdag 14. januar kl. 09:00.');
    await tick(h, '2004-01-13T16:00:00+01:00');
    expect(measureOne('U0KARI01')).toHaveLength(1);
    await tick(h, '2004-01-14T09:00:00+01:00');
    const again = measureOne('U0KARI01');
    expect(again).toHaveLength(2);
    expect(textOf(again[1]?.blocks)).toContain('Du ba meg minne deg på dette igjen i dag.');
  });

  it('"Ikke aktuelt" asks for a reason, refuses an empty one, records it and counts the period as reported', async () => {
    await tick(h, STEP1);
    const [dm] = measureOne('U0KARI01');
    const { opens, result: modal } = await opensBeforeLookup(h, async () => {
      await click(h, 'U0KARI01', dm!, ids.actions.reminders.waive);
      return h.fake.waitFor(() =>
        [...h.fake.state.views.values()]
          .map((v) => v.view)
          .find((v) => v.callback_id === ids.views.reminderWaiver && v.submit !== undefined),
      );
    });
    expect(opens).toBe(1);
    const submit = (reason: string) =>
      h.interact(
        viewSubmissionPayload({
          userId: 'U0KARI01',
          callbackId: ids.views.reminderWaiver,
          privateMetadata: String(modal.private_metadata),
          values: {
            [ids.blocks.reminders.reason]: {
              [ids.actions.reminders.reason]: { type: 'plain_text_input', value: reason },
            },
          },
        }),
      );
    const empty = await submit('   ');
    expect(empty.json).toEqual({
      response_action: 'errors',
      errors: { [ids.blocks.reminders.reason]: 'Skriv en kort begrunnelse.' },
    });
    expect(await h.running.deps.prisma.periodWaiver.count()).toBe(0);
    const saved = await submit('Ingen aktivitet før budsjettet er vedtatt.');
    expect(saved.status).toBe(200);
    expect(saved.json).toBeFalsy();
    const waiver = await h.running.deps.prisma.periodWaiver.findFirstOrThrow();
    expect(waiver).toMatchObject({ measureId: 1, reason: 'Ingen aktivitet før budsjettet er vedtatt.' });
    const confirmation = await h.fake.waitFor(() =>
      dms(h, 'U0KARI01').find((m) => (m.text ?? '').startsWith(':white_check_mark: Registrert')),
    );
    expect(confirmation.text).toContain('Neste statusoppdatering er ventet tirsdag 27. januar 2004');
    await tick(h, STEP2);
    expect(measureOne('U0KARI01')).toHaveLength(1);
    expect(await submit('igjen').then((r) => r.json)).toMatchObject({ response_action: 'errors' });
  });

  it('"Ikke aktuelt" answers a reason of the wrong shape on the field, and records nothing', async () => {
    await tick(h, STEP1);
    const [dm] = measureOne('U0KARI01');
    await click(h, 'U0KARI01', dm!, ids.actions.reminders.waive);
    const modal = await h.fake.waitFor(() =>
      [...h.fake.state.views.values()]
        .map((v) => v.view)
        .find((v) => v.callback_id === ids.views.reminderWaiver && v.submit !== undefined),
    );
    const res = await h.interact(
      viewSubmissionPayload({
        userId: 'U0KARI01',
        callbackId: ids.views.reminderWaiver,
        privateMetadata: String(modal.private_metadata),
        values: {
          [ids.blocks.reminders.reason]: { [ids.actions.reminders.reason]: { type: 'plain_text_input', value: 42 } },
        },
      }),
    );
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { [ids.blocks.reminders.reason]: 'Skriv en kort begrunnelse.' },
    });
    expect(await h.running.deps.prisma.periodWaiver.count()).toBe(0);
  });

  it('"Utsett 1 dag" on a reminder whose period has been reported since says so, and snoozes nothing', async () => {
    await tick(h, STEP1);
    const [dm] = measureOne('U0KARI01');
    const kari = await h.running.deps.prisma.person.findFirstOrThrow({ where: { slackId: 'U0KARI01' } });
    await h.running.deps.prisma.periodWaiver.create({
      data: {
        measureId: 1,
        agencyId: 1,
        personId: kari.id,
        reason: 'x',
        createdAt: new Date('2004-01-13T09:30:00+01:00'),
      },
    });
    h.clock.set('2004-01-13T10:00:00+01:00');
    await click(h, 'U0KARI01', dm!, ids.actions.reminders.snooze);
    await h.fake.waitFor(() => h.fake.responses.at(-1));
    expect(lastResponseText(h)).toBe('Denne påminnelsen gjelder ikke lenger: perioden er allerede rapportert.');
    expect(await h.running.deps.prisma.snooze.count()).toBe(0);
  });

  it('tells the user when the snooze cannot be saved, and saves nothing', async () => {
    await tick(h, STEP1);
    const [dm] = measureOne('U0KARI01');
    await h.db.runner.session((c) =>
      c.exec(`CREATE FUNCTION reminders_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$;
              CREATE TRIGGER reminders_test_refuse BEFORE INSERT ON "Snooze" FOR EACH ROW EXECUTE FUNCTION reminders_test_refuse();`),
    );
    try {
      await click(h, 'U0KARI01', dm!, ids.actions.reminders.snooze);
      await h.fake.waitFor(() => h.fake.responses.at(-1));
      expect(lastResponseText(h)).toBe('Noe gikk galt hos oss. Forsøket er logget; prøv igjen om litt.');
    } finally {
      await h.db.runner.session((c) =>
        c.exec(`DROP TRIGGER reminders_test_refuse ON "Snooze"; DROP FUNCTION reminders_test_refuse();`),
      );
    }
    expect(await h.running.deps.prisma.snooze.count()).toBe(0);
    expect(await h.running.deps.prisma.auditLog.count({ where: { action: 'reminder.snooze' } })).toBe(0);
  });

  it('replaces the "ikke aktuelt" loading modal with an apology when the pair cannot be checked', async () => {
    await tick(h, STEP1);
    const [dm] = measureOne('U0KARI01');
    const spy = vi
      .spyOn(h.running.deps.prisma.measureAgency, 'findUnique')
      .mockRejectedValueOnce(new Error('connection lost'));
    try {
      await click(h, 'U0KARI01', dm!, ids.actions.reminders.waive);
      const update = await h.fake.waitFor(() => h.fake.callsTo('views.update').at(-1));
      expect(JSON.stringify(update.args)).toContain('Noe gikk galt hos oss.');
    } finally {
      spy.mockRestore();
    }
    expect(await h.running.deps.prisma.periodWaiver.count()).toBe(0);
  });

  it('"Oppdater nå" opens the update modal with the trigger', async () => {
    await tick(h, STEP1);
    const [dm] = measureOne('U0KARI01');
    const { opens } = await opensBeforeLookup(h, async () => {
      await click(h, 'U0KARI01', dm!, ids.actions.reminders.updateNow);
      await h.fake.waitFor(() =>
        [...h.fake.state.views.values()].find((v) => v.view.callback_id === updateIds.views.updateModal),
      );
    });
    expect(opens).toBe(1);
    const opened = await h.fake.waitFor(() => h.fake.callsTo('views.open').find((c) => c.ok));
    expect(opened.args.trigger_id).toBeTruthy();
  });

  it('refuses a forged button for another agency’s measure, and a malformed one, politely', async () => {
    await tick(h, STEP1);
    const [dm] = measureOne('U0KARI01');
    await click(h, 'U0OLA001', dm!, ids.actions.reminders.snooze);
    await h.fake.waitFor(() => h.fake.responses.at(-1));
    expect(lastResponseText(h)).toBe('You cannot answer reminders for this agency.');
    await click(h, 'U0KARI01', dm!, ids.actions.reminders.snooze, '{"m":1,"a":1,"n":1,"p":"DROP TABLE"}');
    await h.fake.waitFor(() => h.fake.responses.length >= 2 && h.fake.responses.at(-1));
    expect(lastResponseText(h)).toContain('gjelder ikke lenger');
    expect(await h.running.deps.prisma.snooze.count()).toBe(0);
  });
});

describe('/tiltak fravær', () => {
  const reply = async (user: string, text: string) => {
    const before = h.fake.responses.length;
    await h.command(user, text);
    await h.fake.waitFor(() => h.fake.responses.length > before);
    return h.lastReplyText();
  };

  it('sends the absent contact’s reminders to the named substitute, flagged, until the absence is ended', async () => {
    expect(await reply('U0KARI01', 'fravær 12.1.2004 16.1.2004 <@U0LEADJD|liv>')).toBe(
      ':palm_tree: Fravær registrert fra mandag 12. januar 2004 til og med fredag 16. januar 2004. Påminnelsene dine går til <@U0LEADJD> i mellomtiden.',
    );
    await tick(h, STEP1);
    expect(measureOne('U0KARI01')).toHaveLength(0);
    const [dm] = measureOne('U0LEADJD');
    expect(textOf(dm?.blocks)).toContain(
      'Du får denne som stedfortreder for <@U0KARI01>, som er borte til og med fredag 16. januar 2004.',
    );
    expect(await reply('U0KARI01', 'fravær av')).toBe('Fraværet er avsluttet. Du får påminnelsene dine igjen.');
    expect(await reply('U0KARI01', 'fravær')).toContain('Du har ikke registrert noe fravær.');
    const audit = await h.running.deps.prisma.auditLog.findMany({
      where: { entity: 'Absence' },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => [a.actor, a.action])).toEqual([
      ['U0KARI01', 'absence.register'],
      ['U0KARI01', 'absence.end'],
    ]);
    expect(audit[0]?.after).toEqual({ from: '2004-01-12', to: '2004-01-16', substitute: 'U0LEADJD' });
  });

  it('sends them to the team lead, flagged as absence, when no substitute is named', async () => {
    expect(await reply('U0KARI01', 'fravær 12.1 14.1')).toContain('går til teamlederen <@U0LEADJD>');
    await tick(h, STEP1);
    expect(textOf(measureOne('U0LEADJD')[0]?.blocks)).toContain(
      'Du får denne som teamleder fordi <@U0KARI01> er borte',
    );
  });

  it('answers bad input with what is wrong, and writes nothing', async () => {
    expect(await reply('U0KARI01', 'fravær 31.4.2004 2.5.2004')).toContain('Jeg forstår ikke datoen «31.4.2004»');
    expect(await reply('U0KARI01', 'fravær 16.1.2004 12.1.2004')).toBe(
      'Fraværet må slutte samme dag som det begynner, eller senere.',
    );
    expect(await reply('U0KARI01', 'fravær 1.1.2004 2.1.2004')).toContain('allerede over');
    expect(await reply('U0KARI01', 'fravær 12.1.2004 16.1.2004 @nobody')).toContain(
      'Jeg finner ingen i Tiltak som heter @nobody',
    );
    expect(await reply('U0KARI01', 'fravær 12.1.2004 16.1.2004 <@U0KARI01>')).toBe(
      'Du kan ikke være din egen stedfortreder.',
    );
    expect(await reply('U0OLA001', 'away 12.1.2004 16.1.2004 @Kari extra')).toContain('Usage: `/tiltak away');
    expect(await h.running.deps.prisma.absence.count()).toBe(0);
  });

  it('is listed in /tiltak hjelp', async () => {
    expect(await reply('U0KARI01', 'hjelp')).toContain('/tiltak fravær <fra> <til> [@stedfortreder] | fravær av');
  });

  it('finds a substitute typed as @name when mentions are not escaped', async () => {
    expect(await reply('U0OLA001', 'away 2004-01-12 2004-01-16 @kari')).toContain(
      'Your reminders go to <@U0KARI01> meanwhile.',
    );
  });
});
