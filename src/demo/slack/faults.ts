// Fault injection for the fake Web API: queued one-shot faults per method and
// a seeded "chaos" mode, so resilience tests are reproducible run to run.

export type RateLimitFault = { status: 429; retryAfter: number };
export type HttpFault = { status: 500 | 502 | 503 };
type PlatformFault = { error: string };
/**
 * Slack does the work but answers late (or, with `thenFail`, fails late): the
 * client's timeout fires while the message may already be in the channel,
 * which is the case a retry must not double.
 */
export type DelayFault = { delayMs: number; thenFail?: ImmediateFault };
export type ImmediateFault = RateLimitFault | HttpFault | PlatformFault;
export type Fault = ImmediateFault | DelayFault;

export type ChaosOptions = {
  seed: number;
  /** Probability in [0, 1] that a call is faulted. */
  rate: number;
  faults: Fault[];
  /** Only these methods are eligible; default all (including 'response_url'). */
  methods?: string[];
};

/** mulberry32: tiny, fast, and good enough to spread faults deterministically. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ANY_METHOD = '*';

export class FaultPlan {
  private readonly queued = new Map<string, Fault[]>();
  private chaosState: { opts: ChaosOptions; random: () => number } | null = null;

  /** Queues `fault` for the next `times` calls to `method` ('*' matches any). */
  failNext(method: string, fault: Fault, times = 1): void {
    const list = this.queued.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.queued.set(method, list);
  }

  chaos(opts: ChaosOptions | null): void {
    if (opts && (opts.rate < 0 || opts.rate > 1 || opts.faults.length === 0)) {
      throw new Error('chaos needs 0 <= rate <= 1 and at least one fault');
    }
    this.chaosState = opts ? { opts, random: seededRandom(opts.seed) } : null;
  }

  /** The fault to apply to this call, if any; queued faults win over chaos. */
  take(method: string): Fault | undefined {
    for (const key of [method, ANY_METHOD]) {
      const list = this.queued.get(key);
      const next = list?.shift();
      if (next) return next;
    }
    const state = this.chaosState;
    if (!state) return undefined;
    if (state.opts.methods && !state.opts.methods.includes(method)) return undefined;
    // Two draws per eligible call keep the sequence stable whatever the outcome.
    const hit = state.random() < state.opts.rate;
    const pick = state.opts.faults[Math.floor(state.random() * state.opts.faults.length)];
    return hit ? pick : undefined;
  }

  clear(): void {
    this.queued.clear();
    this.chaosState = null;
  }
}

export function isDelay(f: Fault): f is DelayFault {
  return 'delayMs' in f;
}

export function isRateLimit(f: Fault): f is RateLimitFault {
  return 'status' in f && f.status === 429;
}

export function isHttpFault(f: Fault): f is HttpFault {
  return 'status' in f && f.status !== 429;
}
