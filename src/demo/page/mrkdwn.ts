// Slack's mrkdwn as HTML, for the demo page. Pure: text in, escaped HTML out.
// Whatever a user typed reaches here, so every character is escaped before
// any formatting is applied, and links keep only http(s) and mailto targets.

export interface NameLookup {
  userName(id: string): string;
  channelName(id: string): string;
}

const EMOJI: Record<string, string> = {
  white_circle: '⚪',
  large_green_circle: '🟢',
  large_yellow_circle: '🟡',
  red_circle: '🔴',
  white_check_mark: '✅',
  black_circle: '⚫',
  grey_question: '❔',
  warning: '⚠️',
  alarm_clock: '⏰',
  clipboard: '📋',
  x: '❌',
  rotating_light: '🚨',
  palm_tree: '🌴',
  bell: '🔔',
  bar_chart: '📊',
  calendar: '📅',
  memo: '📝',
  wave: '👋',
  tada: '🎉',
  pushpin: '📌',
  hourglass: '⌛',
};

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Slack escapes only &, < and > in message text; these come back as characters first. */
function decodeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function emojify(escaped: string): string {
  return escaped.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => EMOJI[name] ?? whole);
}

/** *bold*, _italic_, ~strike~ and `code` on text that is already escaped. */
function inlineFormat(escaped: string): string {
  const codeSpans: string[] = [];
  let out = escaped.replace(/`([^`\n]+)`/g, (_m, code: string) => {
    codeSpans.push(`<code>${code}</code>`);
    return `\u0000${codeSpans.length - 1}\u0000`;
  });
  out = emojify(out);
  out = out.replace(/(^|[\s(>])\*([^*\n]+)\*(?=$|[\s).,:;!?<])/g, '$1<strong>$2</strong>');
  out = out.replace(/(^|[\s(>])_([^_\n]+)_(?=$|[\s).,:;!?<])/g, '$1<em>$2</em>');
  out = out.replace(/(^|[\s(>])~([^~\n]+)~(?=$|[\s).,:;!?<])/g, '$1<del>$2</del>');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL marks where a code span was taken out, as no typed text can hold one
  return out.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => codeSpans[Number(i)] ?? '');
}

function safeHref(url: string): string | null {
  return /^(https?:\/\/|mailto:)/i.test(url) ? url : null;
}

/** One `<...>` token: a link, a mention, a channel, a date or a special mention. */
function angle(inner: string, names: NameLookup): string {
  const [target = '', label] = inner.split('|', 2) as [string, string | undefined];
  if (target.startsWith('@'))
    return `<span class="mention">@${escapeHtml(label ?? names.userName(target.slice(1)))}</span>`;
  if (target.startsWith('#'))
    return `<span class="mention">#${escapeHtml(label ?? names.channelName(target.slice(1)))}</span>`;
  if (target.startsWith('!date^')) return escapeHtml(label ?? '');
  if (target.startsWith('!')) return `<span class="mention">@${escapeHtml(label ?? target.slice(1))}</span>`;
  const href = safeHref(decodeSlackEntities(target));
  const text = escapeHtml(decodeSlackEntities(label ?? target));
  return href === null ? text : `<a href="${escapeHtml(href)}" rel="noreferrer noopener" target="_blank">${text}</a>`;
}

/** One line, without its block-quote marker. */
function line(text: string, names: NameLookup): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/<([^<>\n]+)>/g)) {
    out += inlineFormat(escapeHtml(decodeSlackEntities(text.slice(last, m.index))));
    out += angle(m[1] ?? '', names);
    last = (m.index ?? 0) + m[0].length;
  }
  return out + inlineFormat(escapeHtml(decodeSlackEntities(text.slice(last))));
}

/** A whole mrkdwn text: lines, ```code blocks``` and > quotes. */
export function mrkdwnToHtml(text: string, names: NameLookup): string {
  const parts = text.split('```');
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return `<pre>${escapeHtml(decodeSlackEntities(part.replace(/^\n/, '')))}</pre>`;
      const lines = part.split('\n');
      const html: string[] = [];
      let quote: string[] = [];
      const flush = () => {
        if (quote.length > 0) html.push(`<blockquote>${quote.join('<br>')}</blockquote>`);
        quote = [];
      };
      for (const l of lines) {
        const q = /^(&gt;|>)\s?(.*)$/.exec(l);
        if (q) quote.push(line(q[2] ?? '', names));
        else {
          flush();
          html.push(line(l, names));
        }
      }
      flush();
      return html
        .join('<br>')
        .replace(/<br>(<blockquote>)/g, '$1')
        .replace(/(<\/blockquote>)<br>/g, '$1');
    })
    .join('');
}
