import { describe, expect, it } from 'vitest';
import { ids } from '../../src/features/updates/contract.js';
import { STATUSES } from '../../src/kernel/status.js';
import type { Json } from '../rig/block-kit-checker.js';
import { blockActionPayload } from '../rig/payloads.js';
import { useHarness } from '../support/lifecycle.js';
import { allText, goodForm, openModal, submit } from './updates-support.js';

const h = useHarness();

async function openHome(user: string): Promise<Json> {
  await h.event({ type: 'app_home_opened', user, channel: `D${user}`, tab: 'home' });
  // Saves refresh other people's homes in the background: wait for this user's own publish.
  await h.fake.waitFor(
    () => h.fake.callsTo('views.publish').filter((c) => (c.args as { user_id?: unknown }).user_id === user)[0],
  );
  const stored = h.fake.state.homeViews.get(user);
  if (stored === undefined) throw new Error('no home view');
  return stored.view;
}

/** A plan far larger than any real one: 40 focus areas of 15 measures, all led by JD, with updates. */
async function seedLargePlan(): Promise<void> {
  const { prisma } = h.db;
  const jd = await prisma.agency.findUniqueOrThrow({ where: { code: 'JD' } });
  const kari = await prisma.person.findUniqueOrThrow({ where: { slackId: 'U0KARI01' } });
  await prisma.focusArea.createMany({
    data: Array.from({ length: 40 }, (_, i) => ({
      number: 100 + i,
      titleNb: `Område ${100 + i} med en ganske lang tittel`,
      titleEn: `Area ${100 + i}`,
    })),
  });
  const areas = await prisma.focusArea.findMany({ where: { number: { gte: 100 } } });
  await prisma.measure.createMany({
    data: areas.flatMap((area, a) =>
      Array.from({ length: 15 }, (_, i) => ({
        number: 1000 + a * 15 + i,
        titleNb: `Tiltak ${a}-${i} om noe viktig`,
        titleEn: `Measure ${a}-${i}`,
        focusAreaId: area.id,
      })),
    ),
  });
  const measures = await prisma.measure.findMany({ where: { number: { gte: 1000 } } });
  await prisma.measureAgency.createMany({
    data: measures.map((m) => ({ measureId: m.id, agencyId: jd.id, role: 'LEAD' as const })),
  });
  await prisma.update.createMany({
    data: measures.map((m, i) => ({
      seriesId: crypto.randomUUID(),
      version: 1,
      measureId: m.id,
      agencyId: jd.id,
      authorId: kari.id,
      status: STATUSES[i % 4] ?? 'ON_TRACK',
      challenges: 'Utfordring',
      done: `Arbeid ${i}`,
      periodDate: new Date('2004-02-20'),
      createdAt: new Date(Date.UTC(2004, 1, 1 + (i % 28), 8)),
    })),
  });
}

describe('App Home', () => {
  it('shows a contact their measures with status, last update, next due date and an update button', async () => {
    const view = await openHome('U0KARI01');
    expect(view.type).toBe('home');
    const text = allText(view.blocks);
    expect(text).toContain('Hei, Kari Nordmann!');
    expect(text).toContain('*1* Flyktningstatus');
    expect(text).toContain('*2* Trygge steder');
    expect(text).toContain('neste frist');
    expect(text).not.toContain('Planoversikt');
    expect(JSON.stringify(view.blocks).split(ids.actions.updates.open).length - 1).toBe(2);
  });

  it('ignores the Messages tab', async () => {
    await h.event({ type: 'app_home_opened', user: 'U0KARI01', channel: 'DU0KARI01', tab: 'messages' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.callsTo('views.publish')).toHaveLength(0);
  });

  it('tells an unregistered user to ask a coordinator', async () => {
    expect(allText((await openHome('U0STRANGER')).blocks)).toContain('ikke registrert');
  });

  it('gives a coordinator the plan overview: counts by status, overdue, and the latest updates per focus area', async () => {
    await h.command('U0KARI01', 'oppdater 1');
    await submit(h, 'U0KARI01', await openModal(h), { ...goodForm, status: 'DELAYED', challenges: 'Sykdom' });
    const text = allText((await openHome('U0KOORD1')).blocks);
    expect(text).toContain('Planoversikt');
    expect(text).toContain('3 tiltak i planen, 2 med forfalt rapport.');
    expect(text).toContain(
      '*Satsingsområde 1: Beskytte*\n2 tiltak · :red_circle: Forsinket: 1 · :grey_question: Ikke rapportert: 1\n:warning: 1 med forfalt rapport',
    );
    expect(text).toContain('1. mars 2004 · tiltak 1 · JD · :red_circle: Forsinket');
    expect(text).toContain('*Satsingsområde 2: Forebygge*');
  });

  it('stays within 100 blocks for a coordinator and a contact with a very large plan', async () => {
    await seedLargePlan();
    await h.db.prisma.person.update({
      where: { slackId: 'U0KOORD1' },
      data: { agencyId: (await h.db.prisma.agency.findUniqueOrThrow({ where: { code: 'JD' } })).id },
    });
    const started = performance.now();
    const coordinator = await openHome('U0KOORD1');
    const ms = performance.now() - started;
    const blocks = coordinator.blocks as Json[];
    expect(blocks.length).toBeLessThanOrEqual(100);
    const text = allText(blocks);
    expect(text).toContain('603 tiltak i planen');
    expect(text).toMatch(/… og \d+ satsingsområder til med \d+ tiltak/u);
    expect(text).toContain('… og 592 til.');
    const contact = await openHome('U0KARI01');
    expect((contact.blocks as Json[]).length).toBeLessThanOrEqual(100);
    expect(allText(contact.blocks)).toContain('… og 562 til.');
    console.info(`App Home for a coordinator over 603 measures: ${Math.round(ms)} ms, ${blocks.length} blocks`);
  });

  it('opens the modal from the Home button, and refreshes Home after the save', async () => {
    const home = await openHome('U0KARI01');
    const button = (home.blocks as Json[])
      .map((b) => b.accessory as Json | undefined)
      .find((a) => a?.action_id === ids.actions.updates.open);
    await h.interact(
      blockActionPayload({
        userId: 'U0KARI01',
        actionId: ids.actions.updates.open,
        value: String(button?.value),
        view: home,
      }),
    );
    const modal = await openModal(h);
    expect(JSON.parse(String(modal.private_metadata))).toMatchObject({ src: 'home' });
    await submit(h, 'U0KARI01', modal, goodForm);
    await h.fake.waitFor(() => h.fake.callsTo('views.publish')[1]);
    expect(allText(h.fake.state.homeViews.get('U0KARI01')?.view.blocks)).toContain('Sist oppdatert 1. mars 2004');
  });
});
