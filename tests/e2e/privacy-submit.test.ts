import { describe, expect, it } from 'vitest';
import { ids, SEND_ANYWAY_VALUE } from '../../src/features/updates/contract.js';
import type { Json } from '../rig/block-kit-checker.js';
import { viewSubmissionPayload } from '../rig/payloads.js';
import { useHarness } from '../support/lifecycle.js';
import { allText, type FormInput, formValues, goodForm, openModal, submit } from './updates-support.js';

const h = useHarness();
const b = ids.blocks.updates;

interface Ack {
  response_action?: string;
  errors?: Record<string, string>;
  view?: Json;
}

async function open(user: string, text: string): Promise<Json> {
  await h.command(user, text);
  return openModal(h);
}

const updates = () => h.db.prisma.update.count();

/** The submission of a form that shows the «send anyway» checkbox, ticked or not. */
function submitWithCheckbox(user: string, view: Json, form: FormInput, ticked: boolean) {
  const values = formValues(form);
  values[b.sendAnyway] = {
    [ids.actions.updates.input]: {
      type: 'checkboxes',
      selected_options: ticked ? [{ value: SEND_ANYWAY_VALUE, text: { type: 'plain_text', text: 'x' } }] : [],
    },
  };
  return h.interact(
    viewSubmissionPayload({
      userId: user,
      callbackId: ids.views.updateModal,
      privateMetadata: String(view.private_metadata),
      values,
    }),
  );
}

describe('an identity number in an update', () => {
  it('is refused with a field error in Norwegian on the field that holds it, and nothing is stored', async () => {
    const view = await open('U0KARI01', 'oppdater 1');
    const ack = (await submit(h, 'U0KARI01', view, { ...goodForm, nextSteps: 'Følge opp jenta, fnr 010190 12480.' }))
      .json as Ack;
    expect(ack.response_action).toBe('errors');
    expect(Object.keys(ack.errors ?? {})).toEqual([b.nextSteps]);
    expect(ack.errors?.[b.nextSteps]).toContain('fødselsnummer eller D-nummer');
    expect(await updates()).toBe(0);
  });

  it('is refused in English for an English user, a D-number as well', async () => {
    const view = await open('U0OLA001', 'oppdater 3');
    const ack = (await submit(h, 'U0OLA001', view, { ...goodForm, done: 'Met the girl (D-no. 41019012393).' }))
      .json as Ack;
    expect(ack.errors?.[b.done]).toContain('national identity number or D-number');
    expect(await updates()).toBe(0);
  });

  it('is not refused when the 11 digits fail the check digits', async () => {
    const view = await open('U0KARI01', 'oppdater 1');
    const ack = (await submit(h, 'U0KARI01', view, { ...goodForm, done: 'Saksnummer 01019012481 er lukket.' }))
      .json as Ack;
    expect(ack).toEqual({ response_action: 'clear' });
    expect(await updates()).toBe(1);
  });
});

describe('an e-mail address or phone number in an update', () => {
  const withContact = { ...goodForm, challenges: 'Kontakt kari@example.no eller 912 34 567.' };

  it('brings the form back as typed, with a warning and a «send anyway» checkbox, and stores nothing', async () => {
    const view = await open('U0KARI01', 'oppdater 1');
    const ack = (await submit(h, 'U0KARI01', view, withContact)).json as Ack;
    expect(ack.response_action).toBe('update');
    const back = ack.view as Json;
    expect(back.callback_id).toBe(ids.views.updateModal);
    expect(back.private_metadata).toBe(view.private_metadata);
    const blocks = back.blocks as Json[];
    expect(allText(blocks[0])).toContain('Personopplysninger?');
    expect(allText(blocks.at(-1))).toContain('Send likevel');
    const challenges = blocks.find((x) => x.block_id === b.challenges) as Json;
    expect((challenges.element as Json).initial_value).toBe(withContact.challenges);
    const done = blocks.find((x) => x.block_id === b.done) as Json;
    expect((done.element as Json).initial_value).toBe(goodForm.done);
    expect(await updates()).toBe(0);
  });

  it('names what it found on the field when sent again without the tick, and stores nothing', async () => {
    const view = await open('U0KARI01', 'oppdater 1');
    const ack = (await submitWithCheckbox('U0KARI01', view, withContact, false)).json as Ack;
    expect(ack.response_action).toBe('errors');
    expect(ack.errors?.[b.challenges]).toContain('«kari@example.no», «912 34 567»');
    expect(ack.errors?.[b.challenges]).toContain('en e-postadresse / et telefonnummer');
    expect(ack.errors?.[b.sendAnyway]).toContain('Send likevel');
    expect(await updates()).toBe(0);
  });

  it('stores the update as typed once «send anyway» is ticked', async () => {
    const view = await open('U0KARI01', 'oppdater 1');
    const ack = (await submitWithCheckbox('U0KARI01', view, withContact, true)).json as Ack;
    expect(ack).toEqual({ response_action: 'clear' });
    const [saved] = await h.db.prisma.update.findMany();
    expect(saved?.challenges).toBe(withContact.challenges);
  });

  it('warns in English for an English user', async () => {
    const view = await open('U0OLA001', 'oppdater 3');
    const ack = (await submitWithCheckbox('U0OLA001', view, { ...goodForm, done: 'Call +47 22 33 44 55' }, false))
      .json as Ack;
    expect(ack.errors?.[b.done]).toContain('a phone number («+47 22 33 44 55»)');
    expect(ack.errors?.[b.sendAnyway]).toContain('Send anyway');
  });
});
