// A redaction end to end, through HTTP with the fake Slack. In tests/db so that
// it runs on PGlite in the default suite and on PostgreSQL in test:postgres.
import { beforeEach, describe, expect, it } from 'vitest';
import { digestJob } from '../../src/features/digests/jobs/digest.js';
import { ids } from '../../src/features/privacy/contract.js';
import { actionValue, allText, goodForm, openModal, submit } from '../e2e/updates-support.js';
import type { Json } from '../rig/block-kit-checker.js';
import { blockActionPayload, viewSubmissionPayload } from '../rig/payloads.js';
import { useHarness } from '../support/lifecycle.js';

const h = useHarness({ now: '2004-02-26T14:00:00+01:00' });
const NAME = 'Ana Popescu';
const SECRET = `Møtte ${NAME} (16) hos tanten i Drammen. ${'Hun trenger tolk og et trygt sted å bo i påvente av saken. '.repeat(6)}`;

beforeEach(async () => {
  await h.db.prisma.person.create({ data: { slackId: 'U0ADMIN1', name: 'Ada Admin', role: 'ADMIN' } });
});

/** The modal once the loading notice has been replaced. */
const loadedModal = () =>
  h.fake.waitFor(
    () =>
      [...h.fake.state.views.values()]
        .map((v) => v.view)
        .find((v) => v.callback_id === ids.views.redactModal && !allText(v).includes('Laster')) ??
      [...h.fake.state.views.values()].map((v) => v.view).find((v) => v.callback_id === ids.views.redactNotice),
  );

/** A command of /tiltak-admin, and the text of its reply. */
async function admin(user: string, text: string): Promise<string> {
  const before = h.fake.responses.length;
  await h.command(user, text, '/tiltak-admin');
  await h.fake.waitFor(() => h.fake.responses[before]);
  return h.lastReplyText();
}

const everything = () => JSON.stringify([...h.fake.state.messages.values()]);

/** Kari reports with the name in it; the confirmation DM and the Monday digest quote it. */
async function reportAndDigest(): Promise<number> {
  await h.command('U0KARI01', 'oppdater 1');
  const view = await openModal(h);
  expect((await submit(h, 'U0KARI01', view, { ...goodForm, done: SECRET, periodDate: '2004-02-26' })).json).toEqual({
    response_action: 'clear',
  });
  await h.fake.waitFor(() => h.fake.messages('DU0KARI01')[0]);
  await digestJob().run({
    deps: h.running.deps,
    slack: h.running.slack,
    at: new Date('2004-03-01T08:00:00+01:00'),
    dryRun: false,
  });
  expect(everything()).toContain(NAME);
  const [update] = await h.db.prisma.update.findMany();
  if (update === undefined) throw new Error('no update');
  return update.id;
}

function submitRedaction(user: string, updateId: number, fields: string[], reason: string) {
  return h.interact(
    viewSubmissionPayload({
      userId: user,
      callbackId: ids.views.redactModal,
      privateMetadata: JSON.stringify({ u: updateId }),
      values: {
        [ids.blocks.fields]: {
          [ids.actions.input]: { type: 'checkboxes', selected_options: fields.map((value) => ({ value })) },
        },
        [ids.blocks.reason]: { [ids.actions.input]: { type: 'plain_text_input', value: reason } },
      },
    }),
  );
}

describe('redacting an update', () => {
  it('lists the measure’s updates, opens the modal from the button, and redacts database, audit log and Slack', async () => {
    const updateId = await reportAndDigest();

    await h.command('U0ADMIN1', 'sladd tiltak 1', '/tiltak-admin');
    const list = await h.fake.waitFor(() => h.fake.responses[0]);
    expect(actionValue(list.body, ids.actions.redactOpen)).toBe(String(updateId));

    await h.interact(
      blockActionPayload({
        userId: 'U0ADMIN1',
        actionId: ids.actions.redactOpen,
        value: String(updateId),
        message: { channel: 'D0TEST', ts: '1.000001' },
      }),
    );
    const modal = await loadedModal();
    expect(allText(modal)).toContain(NAME);
    expect(allText(modal)).toContain('Felt som skal sladdes');

    const ack = await submitRedaction('U0ADMIN1', updateId, ['done'], 'Navn på et mindreårig offer');
    expect(ack.json).toEqual({ response_action: 'clear' });

    const update = await h.db.prisma.update.findUniqueOrThrow({ where: { id: updateId } });
    expect(update.done).toBe('[sladdet]');
    expect(update.nextSteps).toBe(goodForm.nextSteps);
    const audit = await h.db.prisma.auditLog.findMany({ where: { entity: 'Update' }, orderBy: { id: 'asc' } });
    expect(JSON.stringify(audit, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(NAME);
    expect(audit.at(-1)).toMatchObject({
      actor: 'U0ADMIN1',
      action: 'update.redact',
      after: { fields: ['done'], reason: 'Navn på et mindreårig offer' },
    });

    const result = await h.fake.waitFor(() => h.fake.messages('DU0ADMIN1').find((m) => m.text?.includes('sladdet')));
    expect(result.text).toBe(`Oppdatering nr. ${updateId} er sladdet (Hva er gjort siden sist).`);
    // The confirmation and the digest reply that quoted it (cut short) are edited; nothing in Slack names her.
    expect(h.fake.callsTo('chat.update').filter((c) => c.ok)).toHaveLength(2);
    expect(allText(result.blocks)).toContain('2 av botens meldinger');
    expect(everything()).not.toContain(NAME);
    expect(everything()).toContain('[sladdet]');
  });

  it('lists for the admin the messages Slack would not let it edit', async () => {
    const updateId = await reportAndDigest();
    h.fake.failNext('chat.update', { error: 'cant_update_message' });
    await submitRedaction('U0ADMIN1', updateId, ['done'], 'Navn');
    const result = await h.fake.waitFor(() => h.fake.messages('DU0ADMIN1').find((m) => m.text?.includes('sladdet')));
    const text = allText(result.blocks);
    expect(text).toContain('1 av botens meldinger');
    expect(text).toContain('kunne ikke oppdateres');
    expect(text).toMatch(/Bekreftelse: https:\/\/\S+ \(`cant_update_message`\)/u);
  });

  it('refuses a coordinator at the command, the button and a forged submission, and writes nothing', async () => {
    const updateId = await reportAndDigest();
    const audits = await h.db.prisma.auditLog.count();

    expect(await admin('U0KOORD1', `sladd ${updateId}`)).toBe(
      'Bare administratorer kan sladde oppdateringer. Ingenting er endret.',
    );

    await h.interact(
      blockActionPayload({ userId: 'U0KOORD1', actionId: ids.actions.redactOpen, value: String(updateId) }),
    );
    const notice = await loadedModal();
    expect(allText(notice)).toContain('Bare administratorer');

    const ack = (await submitRedaction('U0KOORD1', updateId, ['done'], 'x')).json as { view?: Json };
    expect(allText(ack.view)).toContain('Bare administratorer');
    const forgedByContact = (await submitRedaction('U0KARI01', updateId, ['done'], 'x')).json as { view?: Json };
    expect(allText(forgedByContact.view)).toContain('Bare administratorer');

    expect(await admin('U0KARI01', `sladd ${updateId}`)).toBe('Du har ikke tilgang til dette.');

    expect((await h.db.prisma.update.findUniqueOrThrow({ where: { id: updateId } })).done).toBe(SECRET.trim());
    expect(await h.db.prisma.auditLog.count()).toBe(audits);
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);
  });

  it('asks for a field and a reason, in English for an English admin', async () => {
    const updateId = await reportAndDigest();
    await h.db.prisma.person.update({ where: { slackId: 'U0ADMIN1' }, data: { language: 'en' } });
    const ack = (await submitRedaction('U0ADMIN1', updateId, [], '  ')).json;
    expect(ack).toEqual({
      response_action: 'errors',
      errors: { [ids.blocks.fields]: 'Pick at least one field.', [ids.blocks.reason]: 'Give a reason.' },
    });
  });
});
