// The workspace the fake pretends to be: identities, stored messages, views,
// files and users, plus the ts clock. Handlers read and write this.
import type { Json } from './block-kit-checker.js';
import type { SurfaceKind } from './block-kit-limits.js';

export type Identity = {
  teamId: string;
  teamDomain: string;
  botUserId: string;
  botId: string;
  appId: string;
};

export type StoredMessage = {
  channel: string;
  ts: string;
  text?: string;
  blocks?: unknown;
  attachments?: unknown;
  metadata?: unknown;
  thread_ts?: string;
  reply_broadcast?: boolean;
  files?: Array<{ id: string; name: string; title: string }>;
  edited?: { user: string; ts: string };
  user: string;
  /** Absent on a message a user posted (shareFile). */
  bot_id?: string;
  app_id?: string;
};

export type Ephemeral = {
  channel: string;
  user: string;
  ts: string;
  text?: string | undefined;
  blocks?: unknown;
  thread_ts?: string | undefined;
};

export type StoredView = { id: string; view: Json; user?: string };

export type StoredFile = {
  id: string;
  filename: string;
  title?: string | undefined;
  alt_text?: string | undefined;
  length?: number | undefined;
  bytes?: Buffer | undefined;
  completed: boolean;
  channel_id?: string | undefined;
  thread_ts?: string | undefined;
  initial_comment?: string | undefined;
  /** Who shared it, for a file a user posted (shareFile). */
  user?: string | undefined;
};

export type Violation = { source: string; kind: SurfaceKind; problems: string[] };

export type SlackUser = Json & { id: string; tz: string };

/** Offset in seconds of `tz` at `date`, as Slack reports in users.info tz_offset. */
function tzOffsetSeconds(tz: string, date = new Date()): number {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part ?? '');
  if (!m) return 0;
  const secs = Number(m[2]) * 3600 + Number(m[3]) * 60;
  return m[1] === '-' ? -secs : secs;
}

export class SlackState {
  readonly messages = new Map<string, StoredMessage[]>();
  readonly ephemerals: Ephemeral[] = [];
  readonly views = new Map<string, StoredView>();
  readonly homeViews = new Map<string, StoredView>();
  readonly files: StoredFile[] = [];
  readonly users = new Map<string, SlackUser>();
  /** Channels conversations.info knows, and whether the bot is in each; any other id is channel_not_found. */
  readonly channels = new Map<string, { name: string; isMember: boolean }>();
  /** trigger_id -> issued at (ms) and whether it has been used. */
  readonly triggers = new Map<string, { issuedAt: number; used: boolean }>();
  private lastMicros = 0;
  private seq = 0;

  constructor(
    readonly identity: Identity,
    private readonly clock: () => number,
  ) {}

  /** Slack message ts: seconds.micros, strictly increasing per workspace. */
  nextTs(): string {
    const micros = Math.max(Math.floor(this.clock() * 1000), this.lastMicros + 100);
    this.lastMicros = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }

  nextId(prefix: string): string {
    this.seq += 1;
    return `${prefix}${String(this.seq).padStart(8, '0')}`;
  }

  /** Forgets everything stored; users and identity stay. */
  clear(): void {
    this.messages.clear();
    this.ephemerals.length = 0;
    this.views.clear();
    this.homeViews.clear();
    this.channels.clear();
    this.files.length = 0;
    this.triggers.clear();
  }

  channelMessages(channel: string): StoredMessage[] {
    let list = this.messages.get(channel);
    if (!list) {
      list = [];
      this.messages.set(channel, list);
    }
    return list;
  }

  findMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.get(channel)?.find((m) => m.ts === ts);
  }

  allMessages(): StoredMessage[] {
    return [...this.messages.values()].flat().sort((a, b) => Number(a.ts) - Number(b.ts));
  }

  setUser(user: Partial<SlackUser> & { id: string }): SlackUser {
    const base = this.defaultUser(user.id);
    const full: SlackUser = { ...base, tz_offset: tzOffsetSeconds(user.tz ?? base.tz), ...user };
    this.users.set(user.id, full);
    return full;
  }

  getUser(id: string): SlackUser {
    return this.users.get(id) ?? this.defaultUser(id);
  }

  private defaultUser(id: string): SlackUser {
    const name = id.toLowerCase();
    const tz = 'Europe/Oslo';
    return {
      id,
      team_id: this.identity.teamId,
      name,
      real_name: `User ${id}`,
      deleted: false,
      is_bot: false,
      is_admin: false,
      tz,
      tz_label: 'Central European Time',
      tz_offset: tzOffsetSeconds(tz),
      locale: 'nb-NO',
      profile: { real_name: `User ${id}`, display_name: name, email: `${name}@example.test` },
    };
  }
}
