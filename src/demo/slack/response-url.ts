// The response_url endpoint: where respond() in slash commands and
// block actions posts. Slack allows 5 uses per URL within 30 minutes.
import type { ServerResponse } from 'node:http';
import type { Json } from './block-kit-checker.js';
import type { SurfaceKind } from './block-kit-limits.js';
import { type Fault, type FaultPlan, isDelay } from './faults.js';
import { asBool, parseBody, sendJson, sendText, sleep, writeFault } from './http-io.js';

export type ResponseUrlPost = { id: string; body: Json; at: number; fault?: Fault; ok: boolean };

type Deps = {
  faults: FaultPlan;
  checkBlocks: (source: string, kind: SurfaceKind, payload: unknown) => string[];
  maxUses: number;
};

export class ResponseUrlEndpoint {
  readonly posts: ResponseUrlPost[] = [];
  private readonly uses = new Map<string, number>();

  constructor(private readonly deps: Deps) {}

  clear(): void {
    this.posts.length = 0;
    this.uses.clear();
  }

  async handle(id: string, contentType: string | undefined, raw: Buffer, res: ServerResponse): Promise<void> {
    let body: Json;
    try {
      body = await parseBody(contentType, raw);
    } catch {
      return sendText(res, 400, 'invalid_payload');
    }
    const post: ResponseUrlPost = { id, body, at: Date.now(), ok: false };
    this.posts.push(post);
    const fault = this.deps.faults.take('response_url');
    if (fault) {
      post.fault = fault;
      if (!isDelay(fault)) return writeFault(res, fault);
      await sleep(fault.delayMs);
      if (fault.thenFail !== undefined) return writeFault(res, fault.thenFail);
    }
    const uses = (this.uses.get(id) ?? 0) + 1;
    this.uses.set(id, uses);
    if (uses > this.deps.maxUses) return sendText(res, 404, 'used_url');
    if (!asBool(body.delete_original)) {
      const problems = this.deps.checkBlocks('response_url', 'message', body);
      // 400 rather than 200 so Bolt's respond() rejects and the bot can notice.
      if (problems.length > 0) return sendJson(res, 400, { ok: false, error: 'invalid_blocks', errors: problems });
    }
    post.ok = true;
    sendJson(res, 200, { ok: true });
  }
}
