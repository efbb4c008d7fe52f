import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ids } from '../../src/slack/ids.js';
import { startHarness, type Harness } from '../support/harness.js';
import { allText, goodForm, openModal, submit } from './updates-support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(async () => {
  await h.reset();
});
afterEach(() => {
  h.fake.assertNoViolations();
});

describe('/tiltak oppdater opens the modal and a submission is stored', () => {
  it('opens the form with the trigger right away, then stores what Kari submits', async () => {
    const res = await h.command('U0KARI01', 'oppdater 1');
    expect(res.status).toBe(200);
    const view = await openModal(h);
    const open = h.fake.callsTo('views.open')[0];
    expect(open?.ok).toBe(true);
    expect(allText(view)).toContain('Flyktningstatus');
    const ack = await submit(h, 'U0KARI01', view, goodForm);
    expect(ack.json).toEqual({ response_action: 'clear' });
    const rows = await h.db.prisma.update.findMany({ include: { agency: true, author: true, measure: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'ON_TRACK', progress: 40, spendNok: 12_500n, done: 'Kartla behovet i kommunene', onBehalf: false });
    expect(rows[0]?.agency.code).toBe('JD');
    expect(rows[0]?.measure.number).toBe(1);
    const dm = await h.fake.waitFor(() => h.fake.messages('DU0KARI01')[0]);
    expect(dm.text).toContain('er lagret');
    expect(JSON.stringify(dm.blocks)).toContain(ids.actions.updates.edit);
  });
});
