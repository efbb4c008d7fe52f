import { beforeEach, describe, expect, it } from 'vitest';
import { refreshHomesOfMeasure } from '../../src/features/home/refresh-homes.js';
import { slackUserIdSchema } from '../../src/kernel/slack/slack-user-id.js';
import { useHarness } from '../support/lifecycle.js';
import { allText, goodForm, openModal, submit } from './updates-support.js';

const h = useHarness();
beforeEach(async () => {
  await seedBystanders();
});

const FOLLOWERS = ['U0OLA001', 'U0LEADJD', 'U0KOORD1'];

/** People whose Home does not show measure 2: another agency, a left partner contact, a contact without agency. */
async function seedBystanders(): Promise<void> {
  const { prisma } = h.db;
  const nav = await prisma.agency.create({ data: { code: 'NAV', nameNb: 'NAV', nameEn: 'NAV', kind: 'DIRECTORATE' } });
  const udi = await prisma.agency.findUniqueOrThrow({ where: { code: 'UDI' } });
  await prisma.person.createMany({
    data: [
      { slackId: 'U0NAV001', name: 'Nina Nav', agencyId: nav.id, role: 'CONTACT' },
      { slackId: 'U0UDIOLD', name: 'Ulf Gammel', agencyId: udi.id, role: 'CONTACT', active: false },
      { slackId: 'U0NOAGCY', name: 'Per Uten', role: 'CONTACT' },
    ],
  });
}

function publishedTo(): string[] {
  return h.fake.callsTo('views.publish').map((c) => String(c.args.user_id));
}

/** Until the save's request and the refresh it started in the background have ended. */
const settle = () => h.running.background.idle();

async function saveOnMeasure2(): Promise<Awaited<ReturnType<typeof submit>>> {
  await h.command('U0KARI01', 'oppdater 2');
  return submit(h, 'U0KARI01', await openModal(h), {
    ...goodForm,
    status: 'DELAYED',
    challenges: 'Sykdom i prosjektgruppa',
  });
}

describe('App Home after someone else reports', () => {
  it('republishes the Home of the team lead, the partner contact and the coordinator of measure 2, with the new status', async () => {
    const ack = await saveOnMeasure2();
    expect(ack.json).toEqual({ response_action: 'clear' });
    const acked = performance.now();
    await h.fake.waitFor(() => FOLLOWERS.every((u) => h.fake.state.homeViews.has(u)));
    console.info(`three Homes republished ${Math.round(performance.now() - acked)} ms after the save's ack`);
    await settle();
    expect(publishedTo().sort()).toEqual([...FOLLOWERS].sort());
    const home = (user: string) => allText(h.fake.state.homeViews.get(user)?.view.blocks);
    expect(home('U0LEADJD')).toContain('*2* Trygge steder');
    expect(home('U0LEADJD')).toContain(':red_circle: Forsinket');
    expect(home('U0KOORD1')).toContain('1. mars 2004 · tiltak 2 · JD · :red_circle: Forsinket');
    expect(home('U0OLA001')).toContain('*2* Safe places');
    expect(home('U0OLA001')).toContain(':red_circle: Delayed');
  });

  it('keeps the save and the confirmation when Slack rate-limits the refresh, and stops refreshing', async () => {
    h.fake.failNext('views.publish', { status: 429, retryAfter: 1 });
    const ack = await saveOnMeasure2();
    expect(ack.json).toEqual({ response_action: 'clear' });
    await h.fake.waitFor(() => h.fake.callsTo('views.publish')[0]);
    await settle();
    expect(h.fake.callsTo('views.publish')).toHaveLength(1);
    expect(h.fake.callsTo('views.publish')[0]?.fault).toBeDefined();
    expect(await h.db.prisma.update.count({ where: { status: 'DELAYED' } })).toBe(1);
    const confirmation = h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'U0KARI01');
    expect(allText(confirmation?.args)).toContain('Trygge steder');
  });

  it('refreshes no more Homes than the limit, broadest roles first', async () => {
    const { deps } = h.running;
    const measure = await h.db.prisma.measure.findUniqueOrThrow({ where: { number: 2 } });
    const published = await refreshHomesOfMeasure({
      deps,
      client: h.running.slack,
      measureId: measure.id,
      authorSlackId: slackUserIdSchema.parse('U0KARI01'),
      log: deps.logger,
      limit: 2,
    });
    expect(published).toBe(2);
    expect(publishedTo()).toEqual(['U0KOORD1', 'U0LEADJD']);
  });
});
