import { beforeEach, describe, expect, it } from 'vitest';
import { encodeMetadata } from '../../src/features/updates/contract.js';
import { viewSubmissionPayload } from '../rig/payloads.js';
import { watchRequests } from '../support/in-flight.js';
import { useHarness } from '../support/lifecycle.js';
import { rowCounts } from '../support/row-counts.js';
import { ids } from '../support/slack-ids.js';
import { formValues, goodForm } from './updates-support.js';

const h = useHarness();

/**
 * Prisma reads `where: { slackId: undefined }` as no filter at all, so a
 * lookup by a missing id finds whoever comes first. Here that is the
 * coordinator: the only active person, so the first any lookup can find.
 */
beforeEach(async () => {
  await h.db.prisma.person.updateMany({ where: { role: { not: 'COORDINATOR' } }, data: { active: false } });
});

/** Web API calls made while serving the request: answering as someone, or acting for them. */
const actingCalls = () => h.fake.calls.filter((c) => c.method !== 'auth.test').map((c) => c.method);

/** Refused at the edge (4xx), or acked with nothing in the ack: never a 5xx, never an answer. */
function expectRefused(res: { status: number; body: string }): void {
  expect(res.status).toBeLessThan(500);
  if (res.status < 300) expect(res.body).toBe('');
}

describe('a request that names no user', () => {
  it('/rapport send 1 without a user_id posts no digest and answers no one', async () => {
    const requests = watchRequests(h.running.tiltak.app);
    const before = await rowCounts(h.db);
    const res = await h.fake.sendCommand(h.appUrl, { command: '/rapport', text: 'send 1' });
    await requests.settled();
    expectRefused(res);
    expect(actingCalls()).toEqual([]);
    expect(h.fake.messages('C0FOCUS1')).toEqual([]);
    expect(h.fake.responses).toEqual([]);
    expect(await rowCounts(h.db)).toEqual(before);
  });

  it('an update submitted with "user": {} is not stored in anyone\'s name', async () => {
    const measure = await h.db.prisma.measure.findFirstOrThrow({ where: { number: 3 } });
    const agency = await h.db.prisma.agency.findFirstOrThrow({ where: { code: 'BFD' } });
    const metadata = encodeMetadata({ s: crypto.randomUUID(), b: 0, m: measure.id, a: agency.id, src: 'command' });
    const payload = viewSubmissionPayload({
      userId: 'U0KOORD1',
      callbackId: ids.views.updateModal,
      privateMetadata: metadata,
      values: formValues(goodForm),
    });
    const requests = watchRequests(h.running.tiltak.app);
    const before = await rowCounts(h.db);
    const res = await h.interact({ ...payload, user: {} });
    await requests.settled();
    expectRefused(res);
    expect(await h.db.prisma.update.count()).toBe(0);
    expect(await rowCounts(h.db)).toEqual(before);
    expect(actingCalls()).toEqual([]);
  });
});
