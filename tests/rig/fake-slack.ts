// FakeSlack: the product's Slack stand-in (src/demo/slack, shared with
// `npm run demo`) plus what only tests need: Socket Mode, injected faults,
// waiting for effects and asserting on Block Kit breaches.

import type { Json } from '../../src/demo/slack/block-kit-checker.js';
import type { ChaosOptions, Fault } from '../../src/demo/slack/faults.js';
import { SlackStandIn, type SlackStandInOptions } from '../../src/demo/slack/stand-in.js';
import * as wire from '../../src/demo/slack/wire.js';
import { type DeliverOptions, type EnvelopeType, FakeSocketMode, type SocketAck } from './socket-mode.js';
import { type WaitOptions, waitFor } from './wait-for.js';

export type FakeSlackOptions = SlackStandInOptions;
export type { ApiCall, Arrival, ResponseUrlPost, SentRequest } from '../../src/demo/slack/stand-in.js';

export class FakeSlack extends SlackStandIn {
  readonly socket: FakeSocketMode;

  constructor(opts: FakeSlackOptions = {}) {
    super(opts);
    this.socket = new FakeSocketMode(this.state.identity.appId);
    this.socket.attach(this.server);
  }

  override async stop(): Promise<void> {
    await this.socket.close();
    await super.stop();
  }

  failNext(method: string, fault: Fault, times = 1): void {
    this.faults.failNext(method, fault, times);
  }
  chaos(opts: ChaosOptions | null): void {
    this.faults.chaos(opts);
  }

  assertNoViolations(): void {
    if (this.violations.length === 0) return;
    const lines = this.violations.flatMap((v) => v.problems.map((p) => `  ${v.source} (${v.kind}) ${p}`));
    throw new Error(`Block Kit violations:\n${lines.join('\n')}`);
  }

  waitFor<T>(predicate: () => T | Promise<T>, timeout: number | WaitOptions = {}): Promise<NonNullable<T>> {
    return waitFor(predicate, timeout);
  }

  async deliver(type: EnvelopeType, payload: Json, opts?: DeliverOptions): Promise<SocketAck> {
    const ack = await this.socket.deliver(type, payload, opts);
    this.inspectAck(type, ack.payload);
    return ack;
  }
  deliverCommand(fields: wire.CommandFields, opts?: DeliverOptions): Promise<SocketAck> {
    return this.deliver('slash_commands', wire.buildCommand(this.wire, fields), opts);
  }
  deliverInteraction(payload: Json, opts?: DeliverOptions): Promise<SocketAck> {
    return this.deliver('interactive', wire.buildInteraction(this.wire, payload), opts);
  }
  deliverEvent(event: Json, opts?: DeliverOptions): Promise<SocketAck> {
    return this.deliver('events_api', wire.buildEventEnvelope(this.wire, event), opts);
  }
}
