import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ids } from '../../src/features/plan/contract.js';
import type { Json } from '../rig/block-kit-checker.js';
import { blockActionPayload } from '../rig/payloads.js';
import { useHarness } from '../support/lifecycle.js';
import { rowCounts } from '../support/row-counts.js';
import { actionValue, allText } from './updates-support.js';

const h = useHarness();
const fixture = await readFile(new URL('../fixtures/small-plan.yaml', import.meta.url), 'utf8');

type Plan = {
  people: Record<string, unknown>[];
  measures: Record<string, unknown>[];
};

/** The fixture plan, changed by the test, as the YAML a coordinator would share. */
function edited(change: (plan: Plan) => void): string {
  const plan = parse(fixture) as Plan;
  change(plan);
  return stringify(plan);
}

/** A /tiltak-admin command and the body of its (next) reply. */
async function admin(user: string, text: string): Promise<{ text: string; body: Json }> {
  const before = h.fake.responses.length;
  await h.command(user, text, '/tiltak-admin');
  const post = await h.fake.waitFor(() => h.fake.responses[before]);
  return { text: allText(post.body).trim(), body: post.body as Json };
}

async function click(user: string, value: string): Promise<string> {
  const before = h.fake.responses.length;
  await h.interact(
    blockActionPayload({
      userId: user,
      actionId: ids.actions.importConfirm,
      value,
      message: { channel: 'DU0KOORD1', ts: '1.000001' },
    }),
  );
  const post = await h.fake.waitFor(() => h.fake.responses[before]);
  return allText(post.body).trim();
}

/** Every table's rows but the replay guard's, which counts each request the bot takes in. */
async function counted(): Promise<Record<string, number>> {
  const { SeenRequest: _seen, ...rest } = await rowCounts(h.db);
  return rest;
}

const share = (user: string, content: string, filename = 'plan.yaml') =>
  h.fake.shareFile({ user, channel: `D${user}`, filename, content });

describe('/tiltak-admin eksport', () => {
  it('uploads the plan as YAML to the coordinator’s DM, which reads back as the same plan', async () => {
    const reply = await admin('U0KOORD1', 'eksport');
    expect(reply.text).toBe('Planen er lastet opp som plan-2004-03-01.yaml i meldingsfanen med meg.');
    const [file] = h.fake.state.files;
    expect(file?.channel_id).toBe('DU0KOORD1');
    const exported = parse(file?.bytes?.toString('utf8') ?? '') as { measures: { number: number }[] };
    expect(exported.measures.map((m) => m.number)).toEqual([1, 2, 3]);
  });
});

describe('/tiltak-admin import', () => {
  const changedPlan = () =>
    edited((plan) => {
      const [, second, third] = plan.measures;
      if (second === undefined || third === undefined) throw new Error('fixture');
      second.partners = ['BFD'];
      third.title_nb = 'Informasjon til ofre';
      plan.measures.push({ number: 4, focus_area: 2, title_nb: 'Nytt tiltak', title_en: 'New measure', lead: 'UDI' });
      plan.people.push({ email: 'Nora@Example.no', name: 'Nora Nilsen', agency: 'UDI', role: 'contact' });
    });

  it('previews adds, changes and removals, writes nothing, and applies them on the button', async () => {
    h.fake.setUser({ id: 'U0NORA01', profile: { email: 'nora@example.no' } });
    share('U0KOORD1', changedPlan());
    const counts = await counted();
    const preview = await admin('U0KOORD1', 'import');
    expect(preview.text).toContain('Endringer fra plan.yaml');
    expect(preview.text).toContain('Nye (2)');
    expect(preview.text).toContain('measures 4 «Nytt tiltak»');
    expect(preview.text).toContain('people U0NORA01 (Nora Nilsen)');
    expect(preview.text).toContain(
      'measures 3 «Informasjon til ofre»: title_nb «Informasjon» → «Informasjon til ofre»',
    );
    expect(preview.text).toContain('Fjernet (1)');
    expect(preview.text).toContain('measures 2 «Trygge steder»: partners −UDI');
    expect(await counted()).toEqual(counts);

    const value = actionValue(preview.body, ids.actions.importConfirm);
    expect(value).toBeDefined();
    expect(await click('U0KOORD1', value ?? '')).toBe(
      'plan.yaml er lest inn: 2 satsingsområder, 3 etater, 5 personer og 4 tiltak.',
    );
    expect(await h.db.prisma.measure.findUnique({ where: { number: 4 } })).toMatchObject({ titleNb: 'Nytt tiltak' });
    expect(await h.db.prisma.person.findUnique({ where: { slackId: 'U0NORA01' } })).toMatchObject({
      name: 'Nora Nilsen',
    });
    const measure2 = await h.db.prisma.measure.findUniqueOrThrow({ where: { number: 2 }, include: { agencies: true } });
    expect(measure2.agencies).toHaveLength(2);
    const audit = await h.db.prisma.auditLog.findFirst({ where: { action: 'plan.import' }, orderBy: { id: 'desc' } });
    expect(audit?.actor).toBe('U0KOORD1');
  });

  it('lists every error by path and changes nothing, unknown e-mail addresses included', async () => {
    share(
      'U0KOORD1',
      edited((plan) => {
        const [first] = plan.measures;
        if (first === undefined) throw new Error('fixture');
        first.lead = 'NOPE';
        plan.people.push({ email: 'ghost@example.no', name: 'Ghost', role: 'coordinator' });
      }),
    );
    const counts = await counted();
    const reply = await admin('U0KOORD1', 'import');
    expect(reply.text).toContain('har én feil. Ingenting er endret.');
    expect(reply.text).toContain('measures[0].lead: unknown agency "NOPE"');
    expect(actionValue(reply.body, ids.actions.importConfirm)).toBeUndefined();

    share(
      'U0KOORD1',
      edited((plan) => {
        plan.people.push({ email: 'ghost@example.no', name: 'Ghost', role: 'coordinator' });
      }),
    );
    const second = await admin('U0KOORD1', 'import');
    expect(second.text).toContain('people[4].email: no one in the Slack workspace has the address ghost@example.no');
    expect(await counted()).toEqual(counts);
  });

  it('applies nothing when the file changed after the preview, or the click is forged by a contact', async () => {
    const file = share('U0KOORD1', changedPlan());
    h.fake.setUser({ id: 'U0NORA01', profile: { email: 'nora@example.no' } });
    const preview = await admin('U0KOORD1', 'import');
    const value = actionValue(preview.body, ids.actions.importConfirm) ?? '';
    const counts = await counted();

    expect(await click('U0KARI01', value)).toBe('Du har ikke tilgang til dette.');
    file.bytes = Buffer.from(`${changedPlan()}\n# edited\n`);
    expect(await click('U0KOORD1', value)).toContain('Filen er endret eller slettet');
    expect(await click('U0KOORD1', '{"f":"FNOPE","h":"00"}')).toContain('Filen er endret');
    expect(await counted()).toEqual(counts);
  });

  it('says how to share a file when there is none, and refuses a contact', async () => {
    expect((await admin('U0KOORD1', 'import')).text).toContain('Jeg finner ingen planfil');
    share('U0KARI01', fixture);
    expect((await admin('U0KARI01', 'import')).text).toBe('Du har ikke tilgang til dette.');
  });
});
