import { escapeMrkdwn } from '../../kernel/text/format.js';

/** A quotation cut short ends in "…" after at least this much of the text; less is not taken as a quotation. */
const MIN_QUOTED = 24;

/**
 * A text of one of the bot's messages with every quotation of `original`
 * replaced: whole, or cut short with "…" as the confirmation and the digest
 * cut long texts (at any length, so this does not need to know theirs).
 * Both the mrkdwn-escaped form and the raw one are looked for.
 */
export function scrubQuotation(text: string, original: string, replacement: string): string {
  const clean = original.trim();
  if (clean === '') return text;
  let out = text;
  for (const form of new Set([escapeMrkdwn(clean), clean])) {
    out = out.split(form).join(replacement);
    out = scrubCutShort(out, form, replacement);
  }
  return out;
}

function scrubCutShort(text: string, form: string, replacement: string): string {
  const head = form.slice(0, MIN_QUOTED);
  if (head.length < MIN_QUOTED) return text;
  let out = text;
  let from = 0;
  for (;;) {
    const start = out.indexOf(head, from);
    if (start < 0) return out;
    let length = head.length;
    while (length < form.length && out[start + length] === form[length]) length++;
    const end = start + length;
    const rest = out.slice(end);
    const ellipsis = /^[ \t]*…/u.exec(rest);
    if (ellipsis === null) {
      from = start + 1;
      continue;
    }
    out = `${out.slice(0, start)}${replacement}${out.slice(end + ellipsis[0].length)}`;
    from = start + replacement.length;
  }
}

/** A Slack message's text and blocks with the quotations scrubbed; changed says whether anything was found. */
export function scrubMessage(
  message: { text: string; blocks: unknown[] },
  originals: readonly string[],
  replacement: string,
): { text: string; blocks: unknown[]; changed: boolean } {
  const scrub = (s: string) => originals.reduce((acc, o) => scrubQuotation(acc, o, replacement), s);
  const walk = (value: unknown, key: string | null): unknown => {
    if (typeof value === 'string') return key === 'text' ? scrub(value) : value;
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  const text = scrub(message.text);
  const blocks = message.blocks.map((b) => walk(b, null)) as unknown[];
  const changed = text !== message.text || JSON.stringify(blocks) !== JSON.stringify(message.blocks);
  return { text, blocks, changed };
}
