// A local stand-in for Slack's side of the wire: the Web API, the upload URLs
// files.getUploadURLExternal hands out, the response_urls, and requests to the
// bot signed as Slack signs them. The demo serves its page beside it; the test
// rig (tests/rig/fake-slack.ts) adds Socket Mode, faults and waiting on top.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { privateFilePath, storeUpload } from './api-files.js';
import type { ApiContext } from './api-handler.js';
import { isRecord, type Json } from './block-kit-checker.js';
import { checkBlockKit, type SurfaceKind } from './block-kit-limits.js';
import { type Fault, FaultPlan, isDelay } from './faults.js';
import { bearerToken, parseBody, readBody, sendJson, sendText, sleep, writeFault } from './http-io.js';
import { ResponseUrlEndpoint, type ResponseUrlPost } from './response-url.js';
import {
  type Ephemeral,
  type Identity,
  SlackState,
  type SlackUser,
  type StoredFile,
  type StoredMessage,
  type Violation,
} from './slack-state.js';
import { answerApiCall } from './web-api.js';
import * as wire from './wire.js';

export type SlackStandInOptions = {
  signingSecret?: string;
  identity?: Partial<Identity>;
  /** Source of message timestamps in ms (default Date.now); ts stay strictly increasing. */
  clock?: () => number;
  /** How long a trigger_id issued here stays valid (Slack: 3000 ms). */
  triggerTtlMs?: number;
  /** When set, any other xoxb/xoxp token gets invalid_auth. */
  botToken?: string;
  /** Slack allows 5 POSTs per response_url. */
  responseUrlUses?: number;
  /**
   * Told of every Web API call and response_url post as it arrives, before
   * it is answered: the bench times "the user has the answer" with it.
   */
  onArrival?: (arrival: Arrival) => void;
};

export type Arrival = { kind: 'api'; method: string; args: Json } | { kind: 'response'; id: string };

export type ApiCall = {
  method: string;
  token: string | undefined;
  args: Json;
  at: number;
  fault?: Fault;
  ok?: boolean;
  error?: string;
  result?: Json;
};
export type { ResponseUrlPost };
export type SentRequest<T> = wire.SendResult & { sent: T };
/** Answers a request the stand-in does not know; true when it did. */
export type ExtraRoute = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean>;

export class SlackStandIn {
  readonly calls: ApiCall[] = [];
  readonly violations: Violation[] = [];
  readonly state: SlackState;
  readonly signingSecret: string;
  protected readonly faults = new FaultPlan();
  protected readonly server: Server;
  private readonly responseEndpoint: ResponseUrlEndpoint;
  /** Routes tried before the stand-in's own, with the body still unread (the demo's page). */
  protected extraRoute: ExtraRoute | undefined;
  protected port = 0;
  protected seq = 0;

  constructor(protected readonly opts: SlackStandInOptions = {}) {
    this.signingSecret = opts.signingSecret ?? 'test-signing-secret';
    const identity: Identity = {
      teamId: 'T0TEST',
      teamDomain: 'tiltak-test',
      botUserId: 'UBOT0001',
      botId: 'BBOT0001',
      appId: 'A1',
      ...opts.identity,
    };
    this.state = new SlackState(identity, opts.clock ?? Date.now);
    this.server = createServer((req, res) => {
      this.route(req, res).catch((e: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'fake_slack_crashed', detail: String(e) });
      });
    });
    this.responseEndpoint = new ResponseUrlEndpoint({
      faults: this.faults,
      checkBlocks: (s, k, p) => this.checkBlocks(s, k, p),
      maxUses: opts.responseUrlUses ?? 5,
    });
  }

  /** POSTs to response_urls (respond()), in order. */
  get responses(): ResponseUrlPost[] {
    return this.responseEndpoint.posts;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  /** Pass as SLACK_API_URL / WebClient slackApiUrl. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }
  get files(): StoredFile[] {
    return this.state.files;
  }
  get ephemerals(): Ephemeral[] {
    return this.state.ephemerals;
  }

  /** On 127.0.0.1 only, on a random port or on `port`. */
  async start(port = 0): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    // Keep-alive sockets from fetch would otherwise hold the server (and vitest) open.
    this.server.closeAllConnections();
    await closed;
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }
  messages(channel: string): StoredMessage[] {
    return this.state.messages.get(channel) ?? [];
  }
  setUser(user: Partial<SlackUser> & { id: string }): SlackUser {
    return this.state.setUser(user);
  }

  /** Clears recorded calls, responses, violations, faults and stored content (users stay). */
  reset(): void {
    this.calls.length = 0;
    this.violations.length = 0;
    this.responseEndpoint.clear();
    this.faults.clear();
    this.state.clear();
  }

  responseUrl(id?: string): string {
    return `${this.origin}/response/${id ?? `R${++this.seq}`}`;
  }

  issueTrigger(id?: string): string {
    const trigger = id ?? `${Date.now()}.${++this.seq}.${Math.random().toString(16).slice(2, 18)}`;
    this.state.triggers.set(trigger, { issuedAt: Date.now(), used: false });
    return trigger;
  }

  protected get wire(): wire.WireContext {
    return {
      signingSecret: this.signingSecret,
      identity: this.state.identity,
      responseUrl: () => this.responseUrl(),
      issueTrigger: (id) => this.issueTrigger(id),
    };
  }

  async sendCommand(
    appUrl: string,
    fields: wire.CommandFields,
    opts?: wire.SendOptions,
  ): Promise<SentRequest<Record<string, string>>> {
    const sent = wire.buildCommand(this.wire, fields);
    const res = await wire.postSigned(
      appUrl,
      wire.formEncode(sent),
      'application/x-www-form-urlencoded',
      this.signingSecret,
      opts,
    );
    this.inspectAck('slash_commands', res.json);
    return { ...res, sent };
  }

  async sendInteraction(appUrl: string, payload: Json, opts?: wire.SendOptions): Promise<SentRequest<Json>> {
    const sent = wire.buildInteraction(this.wire, payload);
    const body = wire.formEncode({ payload: JSON.stringify(sent) });
    const res = await wire.postSigned(appUrl, body, 'application/x-www-form-urlencoded', this.signingSecret, opts);
    this.inspectAck('interactive', res.json);
    return { ...res, sent };
  }

  async sendEvent(appUrl: string, event: Json, opts?: wire.SendOptions): Promise<SentRequest<Json>> {
    const sent = wire.buildEventEnvelope(this.wire, event);
    const res = await wire.postSigned(appUrl, JSON.stringify(sent), 'application/json', this.signingSecret, opts);
    return { ...res, sent };
  }

  protected checkBlocks(source: string, kind: SurfaceKind, payload: unknown): string[] {
    const problems = checkBlockKit(kind, payload);
    if (problems.length > 0) this.violations.push({ source, kind, problems });
    return problems;
  }

  /** Slack validates layouts in acks too: command replies and response_action views. */
  protected inspectAck(source: string, payload: unknown): void {
    if (!isRecord(payload)) return;
    const action = payload.response_action;
    if ((action === 'update' || action === 'push') && isRecord(payload.view))
      this.checkBlocks(`${source} ack`, 'modal', payload.view);
    else if (action === undefined && (payload.blocks !== undefined || payload.text !== undefined))
      this.checkBlocks(`${source} ack`, 'message', payload);
  }

  /** The address apps.connections.open hands out; only the rig's Socket Mode listens there. */
  protected socketUrl(): string {
    return `ws://127.0.0.1:${this.port}/socket?ticket=${++this.seq}&app_id=${this.state.identity.appId}`;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', this.origin).pathname;
    if (this.extraRoute && (await this.extraRoute(req, res, path))) return;
    const raw = await readBody(req);
    const ct = req.headers['content-type'];
    if (path.startsWith('/api/')) return this.handleApi(path.slice('/api/'.length), req, ct, raw, res);
    if (path.startsWith('/upload/')) return this.handleUpload(path.slice('/upload/'.length), ct, raw, res);
    if (path.startsWith('/files-pri/')) return this.handleDownload(path, req, res);
    if (path.startsWith('/response/')) {
      this.opts.onArrival?.({ kind: 'response', id: path.slice('/response/'.length) });
      return this.responseEndpoint.handle(path.slice('/response/'.length), ct, raw, res);
    }
    sendText(res, 404, 'not_found');
  }

  /**
   * A file's url_private: like Slack, only with the bot token in the Authorization header (without it
   * Slack answers a login page, here a 403). Faults are queued under the name 'download'.
   */
  private handleDownload(path: string, req: IncomingMessage, res: ServerResponse): void {
    const fault = this.faults.take('download');
    const token = bearerToken(req);
    this.calls.push({
      method: 'download',
      token,
      args: { path },
      at: Date.now(),
      ...(fault ? { fault, ok: false } : {}),
    });
    const file = this.state.files.find((f) => f.completed && privateFilePath(f) === path);
    if (fault !== undefined && !isDelay(fault)) writeFault(res, fault);
    else if (token === undefined || (this.opts.botToken !== undefined && token !== this.opts.botToken))
      sendText(res, 403, 'not_authed');
    else if (!file?.bytes) sendText(res, 404, 'file_not_found');
    else {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(file.bytes);
    }
  }

  /**
   * A user shares a file in a conversation (a DM with the bot, say): the file is stored as
   * uploaded and a message from the user carries it, as Slack shows a drag-and-drop.
   */
  shareFile(input: { user: string; channel: string; filename: string; content: string | Buffer }): StoredFile {
    const bytes = Buffer.isBuffer(input.content) ? input.content : Buffer.from(input.content, 'utf8');
    const file: StoredFile = {
      id: this.state.nextId('F'),
      filename: input.filename,
      length: bytes.length,
      bytes,
      completed: true,
      channel_id: input.channel,
      user: input.user,
    };
    this.state.files.push(file);
    this.state.channelMessages(input.channel).push({
      channel: input.channel,
      ts: this.state.nextTs(),
      text: '',
      user: input.user,
      files: [{ id: file.id, name: file.filename, title: file.filename }],
    });
    return file;
  }

  private async handleApi(
    method: string,
    req: IncomingMessage,
    ct: string | undefined,
    raw: Buffer,
    res: ServerResponse,
  ): Promise<void> {
    const args = await parseBody(ct, raw);
    const token = bearerToken(req) ?? (typeof args.token === 'string' ? args.token : undefined);
    const call: ApiCall = { method, token, args, at: Date.now() };
    this.calls.push(call);
    this.opts.onArrival?.({ kind: 'api', method, args });
    const fault = this.faults.take(method);
    if (fault) {
      call.fault = fault;
      call.ok = false;
      if (!isDelay(fault)) return writeFault(res, fault);
      if (fault.thenFail !== undefined) {
        await sleep(fault.delayMs);
        return writeFault(res, fault.thenFail);
      }
    }
    const ctx: ApiContext = {
      state: this.state,
      token,
      origin: this.origin,
      triggerTtlMs: this.opts.triggerTtlMs ?? 3000,
      checkBlocks: (s, k, p) => this.checkBlocks(s, k, p),
      socketUrl: () => this.socketUrl(),
    };
    const result = await answerApiCall(method, args, ctx, this.opts.botToken);
    call.ok = result.ok === true;
    call.result = result;
    if (typeof result.error === 'string') call.error = result.error;
    // A delay without `then`: Slack did the work, the answer comes late.
    if (fault !== undefined && isDelay(fault)) await sleep(fault.delayMs);
    sendJson(res, 200, result);
  }

  /** The upload URL files.getUploadURLExternal hands out; faults are queued under the name 'upload'. */
  private async handleUpload(fileId: string, ct: string | undefined, raw: Buffer, res: ServerResponse): Promise<void> {
    const fault = this.faults.take('upload');
    this.calls.push({
      method: 'upload',
      token: undefined,
      args: { file_id: fileId },
      at: Date.now(),
      ...(fault ? { fault, ok: false } : {}),
    });
    if (fault !== undefined && !isDelay(fault)) return writeFault(res, fault);
    if (fault?.thenFail !== undefined) {
      await sleep(fault.delayMs);
      return writeFault(res, fault.thenFail);
    }
    const file = await storeUpload(this.state, fileId, ct, raw);
    if (fault !== undefined) await sleep(fault.delayMs);
    return file ? sendText(res, 200, `OK - ${file.bytes?.length ?? 0}`) : sendText(res, 404, 'file_not_found');
  }
}
