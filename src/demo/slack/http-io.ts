// Request parsing and response writing for the fake, matching what Slack's
// Web API accepts: JSON, form-encoded, or multipart bodies.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord, type Json } from './block-kit-checker.js';
import { type ImmediateFault, isHttpFault, isRateLimit } from './faults.js';

/**
 * @slack/web-api form-encodes every call and JSON-stringifies any argument
 * that is not a string/number/boolean. These are the fields Slack itself
 * parses back as JSON; anything else (text, users, ts) stays a string.
 */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata', 'files', 'user_auth_blocks']);

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function reviveJsonField(key: string, value: unknown): unknown {
  if (!JSON_FIELDS.has(key) || typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Parses a body into an argument object; File parts become Buffers. */
export async function parseBody(contentType: string | undefined, raw: Buffer): Promise<Json> {
  const ct = (contentType ?? '').toLowerCase();
  if (raw.length === 0) return {};
  if (ct.startsWith('application/json')) {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    return isRecord(parsed) ? parsed : { _body: parsed };
  }
  const out: Json = {};
  if (ct.startsWith('multipart/form-data')) {
    // undici's Response can parse multipart, which saves a hand-written parser.
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType ?? '' } }).formData();
    for (const [key, value] of form.entries()) {
      out[key] = typeof value === 'string' ? reviveJsonField(key, value) : Buffer.from(await value.arrayBuffer());
    }
    return out;
  }
  for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) out[key] = reviveJsonField(key, value);
  return out;
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header) : null;
  return match?.[1];
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

/** Form-encoded args arrive as strings; Slack accepts "true"/"1" for booleans. */
export function asBool(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}

export function asInt(value: unknown, fallback: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isFinite(n) ? n : fallback;
}

export function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Answers the way Slack fails: 429 + Retry-After, a bare 5xx, or 200 ok:false. */
export function writeFault(res: ServerResponse, fault: ImmediateFault): void {
  if (isRateLimit(fault))
    sendJson(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfter) });
  else if (isHttpFault(fault)) sendText(res, fault.status, `fake upstream error ${fault.status}`);
  else sendJson(res, 200, { ok: false, error: fault.error });
}

/** Holds an answer back for a delay fault; the client may have given up by the time it is written. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
