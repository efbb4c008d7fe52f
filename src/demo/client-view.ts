// What a Slack client keeps for its user, which the Web API alone does not:
// the modal stack (views.open starts one, views.push and response_action add
// to it), ephemerals from acks and response_urls, which trigger_id belongs to
// whom, and when on the demo's clock each message arrived.
import type { Clock } from '../kernel/clock.js';
import { isRecord, type Json } from './slack/block-kit-checker.js';
import type { ResponseUrlPost } from './slack/response-url.js';
import type { StoredMessage } from './slack/slack-state.js';
import type { SlackStandIn } from './slack/stand-in.js';

export type Surface =
  | { type: 'message'; channel: string; ts: string }
  | { type: 'ephemeral'; id: string }
  | { type: 'view'; viewId: string };

interface ResponseTarget {
  user: string;
  channel: string;
  source: Surface | null;
}

export interface DemoEphemeral {
  id: string;
  user: string;
  channel: string;
  ts: string;
  text?: string | undefined;
  blocks?: unknown;
  at: string;
}

export type SubmitOutcome = { ok: true } | { ok: false; errors?: Record<string, string>; problem?: string };

const truthy = (v: unknown) => v === true || v === 'true';

export class ClientView {
  readonly ephemerals: DemoEphemeral[] = [];
  private readonly stacks = new Map<string, string[]>();
  private readonly triggers = new Map<string, string>();
  private readonly targets = new Map<string, ResponseTarget>();
  private readonly arrivedAt = new Map<string, string>();
  private callsSeen = 0;
  private responsesSeen = 0;
  private ephemeralsSeen = 0;
  private seq = 0;

  constructor(
    private readonly standIn: SlackStandIn,
    private readonly clock: Clock,
  ) {}

  clear(): void {
    this.ephemerals.length = 0;
    this.stacks.clear();
    this.triggers.clear();
    this.targets.clear();
    this.arrivedAt.clear();
    this.callsSeen = 0;
    this.responsesSeen = 0;
    this.ephemeralsSeen = 0;
  }

  /** A trigger_id for this user's next request; it expires as Slack's do. */
  trigger(user: string): string {
    const id = this.standIn.issueTrigger();
    this.triggers.set(id, user);
    return id;
  }

  responseUrl(user: string, channel: string, source: Surface | null): string {
    const id = `R${++this.seq}`;
    this.targets.set(id, { user, channel, source });
    return this.standIn.responseUrl(id);
  }

  stack(user: string): string[] {
    return this.stacks.get(user) ?? [];
  }

  arrival(message: StoredMessage): string | undefined {
    return this.arrivedAt.get(`${message.channel}/${message.ts}`);
  }

  /** A command's ack may carry the reply itself. */
  ackReply(user: string, channel: string, ack: unknown): void {
    if (!isRecord(ack) || (ack.text === undefined && ack.blocks === undefined)) return;
    this.addEphemeral(user, channel, ack);
  }

  /** Folds in what the bot did through the Web API and response_urls since last time. */
  sync(): void {
    const { calls, state, responses } = this.standIn;
    for (; this.callsSeen < calls.length; this.callsSeen++) {
      const call = calls[this.callsSeen];
      if (call?.ok !== true || !isRecord(call.result) || !isRecord(call.result.view)) continue;
      const viewId = String(call.result.view.id);
      const user = this.triggers.get(String(call.args.trigger_id));
      if (user === undefined) continue;
      if (call.method === 'views.open') this.stacks.set(user, [viewId]);
      if (call.method === 'views.push') this.stacks.set(user, [...this.stack(user), viewId]);
    }
    for (; this.ephemeralsSeen < state.ephemerals.length; this.ephemeralsSeen++) {
      const e = state.ephemerals[this.ephemeralsSeen];
      if (e)
        this.ephemerals.push({
          id: `E${++this.seq}`,
          user: e.user,
          channel: e.channel,
          ts: e.ts,
          text: e.text,
          blocks: e.blocks,
          at: this.clock.now().toISOString(),
        });
    }
    for (; this.responsesSeen < responses.length; this.responsesSeen++) {
      const post = responses[this.responsesSeen];
      if (post?.ok) this.applyResponse(post);
    }
    const now = this.clock.now().toISOString();
    for (const m of state.allMessages()) {
      const key = `${m.channel}/${m.ts}`;
      if (!this.arrivedAt.has(key)) this.arrivedAt.set(key, now);
    }
  }

  private addEphemeral(user: string, channel: string, body: Json): void {
    this.ephemerals.push({
      id: `E${++this.seq}`,
      user,
      channel,
      ts: this.standIn.state.nextTs(),
      text: typeof body.text === 'string' ? body.text : undefined,
      blocks: body.blocks,
      at: this.clock.now().toISOString(),
    });
  }

  /** respond(): a new ephemeral, or a change to the message or ephemeral that was clicked. */
  private applyResponse(post: ResponseUrlPost): void {
    const target = this.targets.get(post.id);
    if (target === undefined) return;
    const { body } = post;
    const source = target.source;
    if (truthy(body.delete_original) || truthy(body.replace_original)) {
      const replace = truthy(body.replace_original) && !truthy(body.delete_original);
      if (source?.type === 'ephemeral') {
        const i = this.ephemerals.findIndex((e) => e.id === source.id);
        const old = this.ephemerals[i];
        if (old && replace)
          this.ephemerals[i] = {
            ...old,
            text: typeof body.text === 'string' ? body.text : undefined,
            blocks: body.blocks,
          };
        else if (old) this.ephemerals.splice(i, 1);
        return;
      }
      if (source?.type === 'message') {
        const list = this.standIn.state.channelMessages(source.channel);
        const i = list.findIndex((m) => m.ts === source.ts);
        const old = list[i];
        if (old && replace)
          list[i] = { ...old, text: typeof body.text === 'string' ? body.text : '', blocks: body.blocks };
        else if (old) list.splice(i, 1);
        return;
      }
    }
    this.addEphemeral(target.user, target.channel, body);
  }

  private userField(user: string): Json {
    const u = this.standIn.state.getUser(user);
    return { id: user, username: u.name, name: u.name, team_id: this.standIn.state.identity.teamId };
  }

  private withState(viewId: string, values: Json | undefined): Json | null {
    const stored = this.standIn.state.views.get(viewId);
    if (stored === undefined) return null;
    return { ...stored.view, state: { values: values ?? {} } };
  }

  /** The block_actions payload for a click or a choice on a message, an ephemeral, a modal or the Home tab. */
  blockActions(user: string, surface: Surface, action: Json, values?: Json): Json | null {
    const payload: Json = {
      type: 'block_actions',
      user: this.userField(user),
      trigger_id: this.trigger(user),
      actions: [action],
    };
    if (surface.type === 'view') {
      const view = this.withState(surface.viewId, values);
      if (view === null) return null;
      return { ...payload, container: { type: 'view', view_id: surface.viewId }, view };
    }
    if (surface.type === 'message') {
      const message = this.standIn.state.findMessage(surface.channel, surface.ts);
      if (message === undefined) return null;
      const { channel, ...rest } = message;
      return {
        ...payload,
        container: { type: 'message', message_ts: message.ts, channel_id: channel, is_ephemeral: false },
        channel: { id: channel },
        message: { type: 'message', ...rest },
        response_url: this.responseUrl(user, channel, surface),
      };
    }
    const eph = this.ephemerals.find((e) => e.id === surface.id && e.user === user);
    if (eph === undefined) return null;
    return {
      ...payload,
      container: { type: 'message', message_ts: eph.ts, channel_id: eph.channel, is_ephemeral: true },
      channel: { id: eph.channel },
      response_url: this.responseUrl(user, eph.channel, surface),
    };
  }

  viewSubmission(user: string, viewId: string, values: Json): Json | null {
    const view = this.withState(viewId, values);
    if (view === null || !this.stack(user).includes(viewId)) return null;
    return {
      type: 'view_submission',
      user: this.userField(user),
      trigger_id: this.trigger(user),
      view,
      response_urls: [],
    };
  }

  /** Slack's answers to a submission's ack: errors on fields, update, push, clear, or (empty) close this view. */
  afterSubmit(user: string, viewId: string, ack: unknown): SubmitOutcome {
    const action = isRecord(ack) ? ack.response_action : undefined;
    if (action === 'errors' && isRecord(ack) && isRecord(ack.errors)) {
      return { ok: false, errors: Object.fromEntries(Object.entries(ack.errors).map(([k, v]) => [k, String(v)])) };
    }
    const stack = this.stack(user);
    if ((action === 'update' || action === 'push') && isRecord(ack) && isRecord(ack.view)) {
      const id = action === 'update' ? viewId : this.standIn.state.nextId('V');
      const previous = this.standIn.state.views.get(viewId);
      const view: Json = {
        ...ack.view,
        id,
        state: { values: {} },
        hash: `${Date.now()}.${this.standIn.state.nextId('h')}`,
        root_view_id: previous?.view.root_view_id ?? id,
      };
      this.standIn.state.views.set(id, { id, view, user });
      if (action === 'push') this.stacks.set(user, [...stack, id]);
      return { ok: true };
    }
    if (action === 'clear') this.stacks.set(user, []);
    else
      this.stacks.set(
        user,
        stack.filter((id) => id !== viewId),
      );
    return { ok: true };
  }

  /** Closes the top view; the view_closed payload when the bot asked for it. */
  closeView(user: string, viewId: string): Json | null {
    this.stacks.set(
      user,
      this.stack(user).filter((id) => id !== viewId),
    );
    const view = this.standIn.state.views.get(viewId)?.view;
    if (view === undefined || view.notify_on_close !== true) return null;
    return { type: 'view_closed', user: this.userField(user), view, is_cleared: false };
  }
}
