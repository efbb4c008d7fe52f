// Socket Mode side of the fake: a ws server on the fake's HTTP port that
// speaks Slack's envelope protocol (hello, envelopes, acks, disconnect).
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { isRecord, type Json } from './block-kit-checker.js';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';
export type SocketAck = { envelope_id: string; payload?: unknown };
export type DeliverOptions = { timeoutMs?: number; retryAttempt?: number; retryReason?: string };

type Pending = { resolve: (ack: SocketAck) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };

export class FakeSocketMode {
  /** Every ack received, in order. */
  readonly acks: SocketAck[] = [];
  /** Everything sent to clients (hello, envelopes, disconnects). */
  readonly sent: Json[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly pending = new Map<string, Pending>();
  private seq = 0;
  connectionsOpened = 0;

  constructor(private readonly appId: string) {
    this.wss.on('connection', (ws) => this.onConnection(ws));
  }

  /** Hooks the HTTP server's upgrade event for `/socket`. */
  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!(req.url ?? '').startsWith('/socket')) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
    });
  }

  get openSockets(): WebSocket[] {
    return [...this.wss.clients].filter((ws) => ws.readyState === WebSocket.OPEN);
  }

  private send(ws: WebSocket, msg: Json): void {
    this.sent.push(msg);
    ws.send(JSON.stringify(msg));
  }

  private onConnection(ws: WebSocket): void {
    this.connectionsOpened += 1;
    ws.on('message', (data, isBinary) => {
      if (!isBinary) this.onMessage(String(data));
    });
    this.send(ws, {
      type: 'hello',
      num_connections: this.openSockets.length,
      connection_info: { app_id: this.appId },
      debug_info: { host: 'fake-slack', approximate_connection_time: 3600 },
    });
  }

  private onMessage(text: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return;
    }
    if (!isRecord(parsed) || typeof parsed.envelope_id !== 'string') return;
    const ack: SocketAck = { envelope_id: parsed.envelope_id };
    if (parsed.payload !== undefined) ack.payload = parsed.payload;
    this.acks.push(ack);
    const waiter = this.pending.get(ack.envelope_id);
    if (!waiter) return;
    clearTimeout(waiter.timer);
    this.pending.delete(ack.envelope_id);
    waiter.resolve(ack);
  }

  /** Sends an envelope to the newest connection and resolves with the bot's ack. */
  deliver(type: EnvelopeType, payload: Json, opts: DeliverOptions = {}): Promise<SocketAck> {
    const ws = this.openSockets.at(-1);
    if (!ws) return Promise.reject(new Error('FakeSlack: no Socket Mode connection to deliver to'));
    this.seq += 1;
    const envelopeId = `env-${this.seq}-${Date.now()}`;
    const timeoutMs = opts.timeoutMs ?? 3000;
    const envelope: Json = {
      envelope_id: envelopeId,
      type,
      payload,
      // Slack lets the ack carry a response only for commands and interactivity.
      accepts_response_payload: type !== 'events_api',
    };
    if (type === 'events_api') {
      envelope.retry_attempt = opts.retryAttempt ?? 0;
      envelope.retry_reason = opts.retryReason ?? '';
    }
    return new Promise<SocketAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelopeId);
        reject(new Error(`FakeSlack: no ack for ${type} envelope ${envelopeId} within ${timeoutMs}ms`));
      }, timeoutMs);
      this.pending.set(envelopeId, { resolve, reject, timer });
      this.send(ws, envelope);
    });
  }

  /** Asks clients to reconnect, as Slack does before recycling a connection. */
  requestReconnect(reason: 'warning' | 'refresh_requested' | 'link_disabled' = 'refresh_requested'): void {
    for (const ws of this.openSockets)
      this.send(ws, { type: 'disconnect', reason, debug_info: { host: 'fake-slack' } });
  }

  async waitForConnection(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.openSockets.length === 0) {
      if (Date.now() > deadline) throw new Error(`FakeSlack: no Socket Mode connection within ${timeoutMs}ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /**
   * Closes with 1001 (going away) so clients see a clean close frame, then
   * terminates whatever has not finished the handshake shortly after.
   */
  async close(graceMs = 200): Promise<void> {
    for (const [id, waiter] of this.pending) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(`FakeSlack stopped before envelope ${id} was acked`));
    }
    this.pending.clear();
    const clients = [...this.wss.clients];
    await Promise.all(
      clients.map(
        (ws) =>
          new Promise<void>((resolve) => {
            if (ws.readyState === WebSocket.CLOSED) return resolve();
            const timer = setTimeout(() => {
              ws.terminate();
              resolve();
            }, graceMs);
            ws.once('close', () => {
              clearTimeout(timer);
              resolve();
            });
            ws.close(1001, 'server stopping');
          }),
      ),
    );
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
