import { readFile } from 'node:fs/promises';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { importPlanText, slackEmailLookup } from '../../src/features/plan/index.js';
import { FakeSlack } from '../rig/fake-slack.js';
import { useTestDatabase } from '../support/lifecycle.js';

const db = useTestDatabase();
const TOKEN = 'xoxb-cli-token';
let fake: FakeSlack;
let lookup: ReturnType<typeof slackEmailLookup>;

beforeAll(async () => {
  fake = await new FakeSlack({ botToken: TOKEN }).start();
  // As scripts/plan-import.ts builds it when SLACK_BOT_TOKEN is set.
  lookup = slackEmailLookup(new WebClient(TOKEN, { slackApiUrl: `${fake.apiUrl.replace(/\/$/u, '')}/` }));
});
afterAll(async () => {
  await fake.stop();
});

const fixture = await readFile(new URL('../fixtures/small-plan.yaml', import.meta.url), 'utf8');
function withPeople(people: Record<string, unknown>[]): string {
  const plan = parse(fixture) as { people: Record<string, unknown>[] };
  plan.people.push(...people);
  return stringify(plan);
}

describe('people named by e-mail in the plan file', () => {
  it('are given their Slack member ID through users.lookupByEmail', async () => {
    fake.setUser({ id: 'U0NORA01', profile: { email: 'nora@example.no' } });
    const text = withPeople([{ email: 'NORA@example.no', name: 'Nora', agency: 'UDI', role: 'contact' }]);
    const result = await importPlanText(db.prisma, text, 'cli', lookup);
    expect(result.ok).toBe(true);
    expect(await db.prisma.person.findUnique({ where: { slackId: 'U0NORA01' } })).toMatchObject({ name: 'Nora' });
    expect(fake.callsTo('users.lookupByEmail').map((c) => c.token)).toEqual([TOKEN]);
  });

  it('make the whole import fail, with the path, when an address is unknown or taken, and write nothing', async () => {
    fake.setUser({ id: 'U0KARI01', profile: { email: 'kari@example.no' } });
    const text = withPeople([
      { email: 'ghost@example.no', name: 'Ghost', role: 'coordinator' },
      { email: 'kari@example.no', name: 'Kari again', role: 'coordinator' },
      { slack_id: 'U0BOTH01', email: 'both@example.no', name: 'Both', role: 'coordinator' },
    ]);
    const shape = await importPlanText(db.prisma, text, 'cli', lookup);
    expect(shape).toEqual({ ok: false, errors: ['people[6]: needs slack_id or email, one of them'] });

    const result = await importPlanText(
      db.prisma,
      withPeople([
        { email: 'ghost@example.no', name: 'Ghost', role: 'coordinator' },
        { email: 'kari@example.no', name: 'Kari again', role: 'coordinator' },
      ]),
      'cli',
      lookup,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        'people[4].email: no one in the Slack workspace has the address ghost@example.no',
        'people[5].email: kari@example.no is U0KARI01, already people[0]',
      ],
    });
    expect(await db.prisma.person.count()).toBe(0);
  });

  it('cannot be looked up without a bot token, and say so', async () => {
    const text = withPeople([{ email: 'nora@example.no', name: 'Nora', role: 'coordinator' }]);
    expect(await importPlanText(db.prisma, text, 'cli', null)).toEqual({
      ok: false,
      errors: ['people[4].email: an address can only be looked up with a Slack bot token (SLACK_BOT_TOKEN)'],
    });
  });
});
