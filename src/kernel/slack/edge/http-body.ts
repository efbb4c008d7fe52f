import type { Surface } from './inbound.js';

/**
 * Reads a Slack request body the way Slack writes one: a form (a slash
 * command's fields, or one `payload` field of JSON for interactivity) or a
 * JSON object (the Events API). Anything else is refused with the status
 * it earns, before Bolt ever parses it.
 */
export type DecodedBody =
  | { ok: true; surface: Surface; payload: unknown }
  | { ok: false; status: 400 | 415; reason: string };

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function decodeHttpBody(contentType: string | undefined, raw: Buffer): DecodedBody {
  const type = mediaType(contentType);
  if (type !== FORM && type !== JSON_TYPE)
    return { ok: false, status: 415, reason: `content type ${type || '(none)'} is not a form or JSON` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return { ok: false, status: 400, reason: 'the body is not UTF-8' };
  }
  if (type === JSON_TYPE) return parseJson(text, 'events');
  const form = parseForm(text);
  if (typeof form === 'string') return { ok: false, status: 400, reason: form };
  const payload = form.get('payload');
  if (payload === undefined) return { ok: true, surface: 'command', payload: Object.fromEntries(form) };
  return parseJson(payload, 'interaction');
}

/**
 * Slack's ssl_check is the one unsigned request it sends: a form with
 * ssl_check=1. It is answered with an empty 200 and nothing else is read from it.
 */
export function isSslCheck(contentType: string | undefined, raw: Buffer): boolean {
  if (mediaType(contentType) !== FORM || raw.length > 1024) return false;
  return new URLSearchParams(raw.toString('latin1')).get('ssl_check') === '1';
}

function parseJson(text: string, surface: Surface): DecodedBody {
  try {
    return { ok: true, surface, payload: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, reason: `the ${surface} body is not valid JSON` };
  }
}

/**
 * Strict where URLSearchParams is lenient: a malformed escape or a field
 * sent twice is an error, not a guess at what the sender meant.
 */
function parseForm(text: string): Map<string, string> | string {
  const fields = new Map<string, string>();
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent((eq < 0 ? pair : pair.slice(0, eq)).replaceAll('+', ' '));
      value = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1).replaceAll('+', ' '));
    } catch {
      return 'the form has a malformed %-escape';
    }
    if (fields.has(name)) return 'the form has a field twice';
    fields.set(name, value);
  }
  return fields;
}
