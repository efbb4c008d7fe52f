import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstRunAdmins } from '../../src/features/admin/index.js';
import { ConfigError, loadConfig } from '../../src/kernel/config.js';
import type { SlackUserId } from '../../src/kernel/slack/slack-user-id.js';
import { type Harness, startHarness } from '../support/harness.js';
import { captureLog, LEVEL } from '../support/log-capture.js';
import { allText } from './updates-support.js';

async function answer(h: Harness, user: string, text: string, command = '/tiltak'): Promise<string> {
  const before = h.fake.responses.length;
  await h.command(user, text, command);
  return allText((await h.fake.waitFor(() => h.fake.responses[before])).body);
}

describe('TILTAK_ADMINS in the configuration', () => {
  const base = { SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 's' };

  it('reads Slack member ids separated by commas, with spaces and repeats', () => {
    expect(loadConfig({ ...base, TILTAK_ADMINS: ' U0ADMIN1, W0GRID01 ,U0ADMIN1,' }).TILTAK_ADMINS).toEqual([
      'U0ADMIN1',
      'W0GRID01',
    ]);
    expect(loadConfig(base).TILTAK_ADMINS).toEqual([]);
  });

  it('refuses the start with a message naming the variable and each id that is not one', () => {
    const start = () => loadConfig({ ...base, TILTAK_ADMINS: 'U0ADMIN1,kari@jd.no,u0lower1' });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/TILTAK_ADMINS must be Slack member IDs.*"kari@jd\.no", "u0lower1"/);
  });
});

describe('a plan with no administrator', () => {
  const log = captureLog('info');
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ logger: log.logger });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('says in the start-up log how to name one', () => {
    const warning = log.lines.find((l) => l.level === LEVEL.warn && l.msg?.includes('no administrator'));
    expect(warning?.msg).toContain('set TILTAK_ADMINS to Slack member IDs');
  });

  it('tells someone not registered, whatever they type, that there is no administrator and how one is named', async () => {
    const says = (text: string) => {
      expect(text).toContain('ikke registrert');
      expect(text).toContain('Planen har ingen administrator ennå');
      expect(text).toContain('The plan has no administrator yet');
      expect(text).toContain('TILTAK_ADMINS=<Slack-medlems-ID>');
    };
    for (const text of ['', 'hjelp', 'liste']) says(await answer(h, 'U0STRANGER', text));
    // oppdater opens its modal before any lookup, so the answer is in the modal.
    await h.command('U0STRANGER', 'oppdater 1');
    const update = await h.fake.waitFor(() => h.fake.callsTo('views.update')[0]);
    says(JSON.stringify(update.args));
  });

  it('makes nobody admin for being first, not even a coordinator who uses /tiltak-admin', async () => {
    await answer(h, 'U0STRANGER', 'hjelp');
    await answer(h, 'U0KOORD1', 'hjelp', '/tiltak-admin');
    expect(await h.db.prisma.person.count({ where: { role: 'ADMIN' } })).toBe(0);
    expect(await h.db.prisma.auditLog.count({ where: { action: 'person.grant-admin' } })).toBe(0);
  });
});

describe('a plan started with TILTAK_ADMINS', () => {
  const log = captureLog('info');
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ logger: log.logger, env: { TILTAK_ADMINS: 'U0ADMIN1,U0KOORD1' } });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('makes them admins, creating one not yet in the plan without an agency, each grant in the audit log', async () => {
    const p = h.db.prisma;
    expect(await p.person.findUniqueOrThrow({ where: { slackId: 'U0ADMIN1' } })).toMatchObject({
      name: 'U0ADMIN1',
      role: 'ADMIN',
      agencyId: null,
      active: true,
    });
    expect(await p.person.findUniqueOrThrow({ where: { slackId: 'U0KOORD1' } })).toMatchObject({ role: 'ADMIN' });
    const grants = await p.auditLog.findMany({ where: { action: 'person.grant-admin' }, orderBy: { id: 'asc' } });
    expect(grants.map((g) => [g.actor, g.before, (g.after as { slackId: string }).slackId])).toEqual([
      ['env:TILTAK_ADMINS', null, 'U0ADMIN1'],
      ['env:TILTAK_ADMINS', { role: 'COORDINATOR', active: true }, 'U0KOORD1'],
    ]);
    expect(log.lines.some((l) => l.msg?.includes('no administrator'))).toBe(false);
  });

  it('writes nothing more on the next start, and gives back the role to an admin removed since', async () => {
    const p = h.db.prisma;
    const ids = ['U0ADMIN1', 'U0KOORD1'] as SlackUserId[];
    await firstRunAdmins(p, ids, new Date(), log.logger);
    expect(await p.auditLog.count({ where: { action: 'person.grant-admin' } })).toBe(2);
    await p.person.update({ where: { slackId: 'U0ADMIN1' }, data: { active: false } });
    await firstRunAdmins(p, ids, new Date(), log.logger);
    expect(await p.person.findUniqueOrThrow({ where: { slackId: 'U0ADMIN1' } })).toMatchObject({ active: true });
    expect(await p.auditLog.count({ where: { action: 'person.grant-admin' } })).toBe(3);
  });

  it('lets the new admin run /tiltak-admin, and an unknown user is told to ask the coordinators only', async () => {
    expect(await answer(h, 'U0ADMIN1', 'hjelp', '/tiltak-admin')).toContain('/tiltak-admin personer');
    const reply = await answer(h, 'U0STRANGER', 'hjelp');
    expect(reply).toContain('ikke registrert');
    expect(reply).not.toContain('ingen administrator');
  });
});
