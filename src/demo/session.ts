// One run of the demo: the stand-in for Slack, the real bot started through
// startTiltak (as `npm start` does) against PGlite in ./data/demo, and what a
// Slack client would keep per user: the modal stack, ephemerals, triggers.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Running, startTiltak } from '../bootstrap.js';
import { importPlanIfEmpty } from '../features/plan/index.js';
import { ManualClock } from '../kernel/clock.js';
import { loadConfig } from '../kernel/config.js';
import { type Database, openDatabase, parseDatabaseUrl } from '../kernel/db/open-database.js';
import { createLogger, type Logger } from '../kernel/logger.js';
import { ClientView, type SubmitOutcome, type Surface } from './client-view.js';
import { nextMondayMorning, nextReminderTime } from './clock-jumps.js';
import { seedUpdates } from './seed.js';
import type { Json } from './slack/block-kit-checker.js';
import { type ExtraRoute, SlackStandIn } from './slack/stand-in.js';
import { COORDINATOR_CHANNEL, DEMO_PEOPLE, type DemoChannel, demoPlanText } from './world.js';

/** Inside the plan's period, a Tuesday morning before the reminders go out. */
export const DEMO_START = '2004-06-01T08:00:00+02:00';
const SLASH_COMMANDS = ['/tiltak', '/rapport'] as const;

export interface DemoOptions {
  /** The page and the stand-in's Web API (0: any free port). */
  port: number;
  /** PGlite's folder and the demo's plan file live here; it is wiped on start and on reset. */
  dataDir: string;
  bundledPlan: string;
  logLevel: string;
}

/** The stand-in, with the demo's page served beside the Web API. */
class DemoStandIn extends SlackStandIn {
  serve(route: ExtraRoute): void {
    this.extraRoute = route;
  }
}

export class DemoSession {
  readonly clock = new ManualClock(DEMO_START);
  readonly standIn: DemoStandIn;
  readonly logger: Logger;
  readonly client: ClientView;
  channels: DemoChannel[] = [];
  private running: Running | null = null;
  private db: Database | null = null;
  private readonly botToken = `xoxb-demo-${randomBytes(8).toString('hex')}`;

  constructor(private readonly options: DemoOptions) {
    const signingSecret = randomBytes(16).toString('hex');
    this.standIn = new DemoStandIn({
      signingSecret,
      botToken: this.botToken,
      identity: { teamDomain: 'tiltak-demo', teamId: 'T0DEMO' },
    });
    this.logger = createLogger(loadConfig(this.env()).LOG_LEVEL);
    this.client = new ClientView(this.standIn, this.clock);
    for (const p of DEMO_PEOPLE) {
      const locale = p.language === 'nb' ? 'nb-NO' : 'en-GB';
      this.standIn.setUser({
        id: p.slackId,
        name: p.name.toLowerCase().replace(/\s+/g, '.'),
        real_name: p.name,
        locale,
        profile: { real_name: p.name, display_name: p.name },
      });
    }
  }

  serve(route: ExtraRoute): void {
    this.standIn.serve(route);
  }

  get url(): string {
    return this.standIn.origin;
  }

  /** The bot's own HTTP port (Slack's requests and /healthz), on 127.0.0.1. */
  get botPort(): number | null {
    return this.running?.port ?? null;
  }

  private get botUrl(): string {
    if (this.running === null) throw new Error('the bot is not running');
    return `http://127.0.0.1:${this.running.port}/slack/events`;
  }

  private env(): Record<string, string> {
    return {
      SLACK_BOT_TOKEN: this.botToken,
      SLACK_SIGNING_SECRET: this.standIn.signingSecret,
      SLACK_API_URL: this.standIn.apiUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: `file:${join(this.options.dataDir, 'db')}`,
      PLAN_FILE: join(this.options.dataDir, 'plan.yaml'),
      COORDINATOR_CHANNEL: COORDINATOR_CHANNEL.id,
      TZ_PLAN: 'Europe/Oslo',
      LOG_LEVEL: this.options.logLevel,
    };
  }

  async start(): Promise<this> {
    await this.standIn.start(this.options.port);
    await this.boot();
    return this;
  }

  /** A fresh database with the plan and the made-up updates, then the bot, started as `npm start` starts it. */
  private async boot(): Promise<void> {
    const env = this.env();
    await rm(this.options.dataDir, { recursive: true, force: true });
    await mkdir(this.options.dataDir, { recursive: true });
    const plan = demoPlanText(await readFile(this.options.bundledPlan, 'utf8'));
    this.channels = plan.channels;
    await writeFile(env.PLAN_FILE as string, plan.text);
    const config = loadConfig(env);
    const db = await openDatabase(parseDatabaseUrl(config.DATABASE_URL));
    this.db = db;
    await importPlanIfEmpty(db.prisma, config.PLAN_FILE, this.logger);
    await seedUpdates({ prisma: db.prisma, config, logger: this.logger, clock: this.clock }, this.clock);
    this.clock.set(DEMO_START);
    this.running = await startTiltak({ env, db, clock: this.clock, logger: this.logger });
    // The start-up tick catches up on whatever fell due before the demo's first morning.
    await this.running.slackReady;
    await this.tick();
  }

  async stop(): Promise<void> {
    await this.running?.stop();
    this.running = null;
    await this.db?.close();
    this.db = null;
  }

  async reset(): Promise<void> {
    await this.stop();
    this.standIn.reset();
    this.client.clear();
    this.clock.set(DEMO_START);
    await this.boot();
  }

  /** Runs the bot's own scheduler at the clock's instant, as its minute tick would. */
  private async tick(): Promise<void> {
    this.client.sync();
    await this.running?.scheduler?.tick();
    this.client.sync();
  }

  async moveClock(to: 'reminder' | 'monday'): Promise<Date> {
    const config = this.running?.deps.config ?? loadConfig(this.env());
    const now = this.clock.now();
    const at = to === 'reminder' ? nextReminderTime(now, config) : nextMondayMorning(now, config.TZ_PLAN);
    this.client.sync();
    this.clock.set(at);
    await this.tick();
    return at;
  }

  async command(user: string, channel: string, line: string): Promise<{ ok: boolean; problem?: string }> {
    const match = /^(\/\S+)\s*([\s\S]*)$/.exec(line.trim());
    const command = match?.[1];
    if (!command || !(SLASH_COMMANDS as readonly string[]).includes(command))
      return { ok: false, problem: 'unknown_command' };
    this.client.sync();
    const res = await this.standIn.sendCommand(this.botUrl, {
      command,
      text: match?.[2] ?? '',
      user_id: user,
      user_name: this.standIn.state.getUser(user).name as string,
      channel_id: channel,
      channel_name: this.channelName(channel),
      trigger_id: this.client.trigger(user),
      response_url: this.client.responseUrl(user, channel, null),
    });
    this.client.ackReply(user, channel, res.json);
    this.client.sync();
    return res.status === 200 ? { ok: true } : { ok: false, problem: `http_${res.status}` };
  }

  /** A click or a choice: the block_actions payload Slack would send. */
  async action(user: string, surface: Surface, action: Json, values?: Json): Promise<{ ok: boolean }> {
    this.client.sync();
    const payload = this.client.blockActions(
      user,
      surface,
      { ...action, action_ts: `${Math.floor(Date.now() / 1000)}.000100` },
      values,
    );
    if (payload === null) return { ok: false };
    const res = await this.standIn.sendInteraction(this.botUrl, payload);
    this.client.sync();
    return { ok: res.status === 200 };
  }

  async submit(user: string, viewId: string, values: Json): Promise<SubmitOutcome> {
    this.client.sync();
    const payload = this.client.viewSubmission(user, viewId, values);
    if (payload === null) return { ok: false, problem: 'no_such_view' };
    const res = await this.standIn.sendInteraction(this.botUrl, payload);
    if (res.status !== 200) return { ok: false, problem: `http_${res.status}` };
    const outcome = this.client.afterSubmit(user, viewId, res.json);
    this.client.sync();
    return outcome;
  }

  async close(user: string, viewId: string): Promise<void> {
    const payload = this.client.closeView(user, viewId);
    if (payload !== null) await this.standIn.sendInteraction(this.botUrl, payload);
    this.client.sync();
  }

  /** What Slack sends when someone opens the app's Home tab. */
  async openHome(user: string): Promise<void> {
    const published = () => this.standIn.callsTo('views.publish').filter((c) => c.args.user_id === user).length;
    const before = published();
    await this.standIn.sendEvent(this.botUrl, { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home' });
    // Bolt acks events at once and publishes afterwards.
    const deadline = Date.now() + 5000;
    while (published() === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    this.client.sync();
  }

  channelName(id: string): string {
    return this.channels.find((c) => c.id === id)?.name ?? id;
  }
}
