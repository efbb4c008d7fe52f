import { describe, expect, it } from 'vitest';
import { dueSettingsFrom, loadDueStates } from '../../src/features/plan/due-dates.js';
import { viewSubmissionPayload } from '../rig/payloads.js';
import { useHarness } from '../support/lifecycle.js';
import { ids } from '../support/slack-ids.js';
import { type FormInput, goodForm, openModal, submit } from './updates-support.js';

// What people type reaches the database only after the one normaliser has run.

const h = useHarness();

async function submitUpdate(user: string, command: string, form: FormInput) {
  await h.command(user, command);
  const view = await openModal(h);
  return submit(h, user, view, form);
}

const ZWSP = '\u200b';

describe('text typed into the update modal', () => {
  it('stores an update with a NUL character without it, with its audit line', async () => {
    const ack = await submitUpdate('U0KARI01', 'oppdater 1', {
      ...goodForm,
      done: 'Kartla\u0000 behovet',
      nextSteps: 'Sende\u0000',
    });
    expect(ack.status).toBe(200);
    expect(ack.json).toEqual({ response_action: 'clear' });
    const update = await h.db.prisma.update.findFirstOrThrow();
    expect(update.done).toBe('Kartla behovet');
    expect(update.nextSteps).toBe('Sende');
    const audit = await h.db.prisma.auditLog.findMany({ where: { entity: 'Update', entityId: String(update.id) } });
    expect(audit).toHaveLength(1);
  });

  it('answers a required field of only spaces and a zero-width space with a field error in Norwegian', async () => {
    const ack = await submitUpdate('U0KARI01', 'oppdater 1', { ...goodForm, done: `  ${ZWSP}  ${ZWSP}` });
    expect(ack.json).toEqual({
      response_action: 'errors',
      errors: { [ids.blocks.updates.done]: 'Skriv hva som er gjort siden sist.' },
    });
    expect(await h.db.prisma.update.count()).toBe(0);
  });

  it('answers a required field of only spaces and a zero-width space with a field error in English', async () => {
    const ack = await submitUpdate('U0OLA001', 'update 2', { ...goodForm, done: ` ${ZWSP}\u00a0\u2060 ` });
    expect(ack.json).toEqual({
      response_action: 'errors',
      errors: { [ids.blocks.updates.done]: 'Say what has been done since last time.' },
    });
    expect(await h.db.prisma.update.count()).toBe(0);
  });

  it('strips bidi overrides and isolates from what is stored', async () => {
    const ack = await submitUpdate('U0KARI01', 'oppdater 1', {
      ...goodForm,
      done: 'Betalt \u202egnirts\u202c og \u2067x\u2069 ferdig',
      challenges: '\u202d',
    });
    expect(ack.json).toEqual({ response_action: 'clear' });
    const update = await h.db.prisma.update.findFirstOrThrow();
    expect(update.done).toBe('Betalt gnirts og x ferdig');
    expect(update.challenges).toBeNull();
  });
});

describe('text typed into the update modal, that PostgreSQL cannot store as sent', () => {
  it('stores a lone surrogate as the replacement character rather than failing', async () => {
    const ack = await submitUpdate('U0KARI01', 'oppdater 1', {
      ...goodForm,
      done: 'Halv \ud83d emoji',
      challenges: '\udc00',
    });
    expect(ack.json).toEqual({ response_action: 'clear' });
    const update = await h.db.prisma.update.findFirstOrThrow();
    expect(update.done).toBe('Halv \ufffd emoji');
    expect(update.challenges).toBe('\ufffd');
  });
});

describe('text typed into the "ikke aktuelt" modal', () => {
  /** The metadata the modal carries for measure 1 and JD, for the period now due (or with a forged measure id). */
  async function metadata(measureId?: number): Promise<string> {
    const { prisma, config, clock } = h.running.deps;
    const measure = await prisma.measure.findUniqueOrThrow({ where: { number: 1 } });
    const agency = await prisma.agency.findUniqueOrThrow({ where: { code: 'JD' } });
    const [state] = await loadDueStates(prisma, dueSettingsFrom(config), clock.now(), {
      measureIds: [measure.id],
      agencyIds: [agency.id],
    });
    return JSON.stringify({ m: measureId ?? measure.id, a: agency.id, n: 1, p: state?.period });
  }

  const waive = async (user: string, reason: string, measureId?: number) =>
    h.interact(
      viewSubmissionPayload({
        userId: user,
        callbackId: ids.views.reminderWaiver,
        privateMetadata: await metadata(measureId),
        values: {
          [ids.blocks.reminders.reason]: {
            [ids.actions.reminders.reason]: { type: 'plain_text_input', value: reason },
          },
        },
      }),
    );

  it("refuses a reason of only spaces and zero-width characters, in the user's language", async () => {
    expect((await waive('U0KARI01', ` ${ZWSP}\ufeff `)).json).toEqual({
      response_action: 'errors',
      errors: { [ids.blocks.reminders.reason]: 'Skriv en kort begrunnelse.' },
    });
    expect(await h.db.prisma.periodWaiver.count()).toBe(0);
  });

  it('stores a reason without its NUL and bidi characters', async () => {
    const res = await waive('U0KARI01', '\u202eIngen\u0000 aktivitet\r\nennå ');
    expect(res.status).toBe(200);
    expect(res.json).toBeFalsy();
    expect((await h.db.prisma.periodWaiver.findFirstOrThrow()).reason).toBe('Ingen aktivitet\nennå');
  });
});
