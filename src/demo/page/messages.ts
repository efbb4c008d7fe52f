// Messages and ephemerals as the page lists them: who sent it and when on the
// demo's clock, the blocks, shared files (the digest's chart) and the thread.
// Pure: data in, escaped HTML out.
import { escapeHtml } from './mrkdwn.js';
import { type RenderContext, renderBlocks } from './render.js';
import type { Lang, Words } from './words.js';

export interface Person {
  id: string;
  name: string;
  role: string;
  agency: string | null;
  language: Lang;
}
export interface Channel {
  id: string;
  name: string;
  kind: 'area' | 'coordinator' | 'dm';
}
interface FileRef {
  id: string;
  name: string;
  title: string;
  alt: string;
  url: string;
  image: boolean;
}
export interface Message {
  ts: string;
  text: string;
  blocks: unknown[];
  at: string | null;
  files: FileRef[];
  replies?: Message[];
}
export interface Ephemeral {
  id: string;
  channel: string;
  ts: string;
  text?: string;
  blocks?: unknown;
  at: string;
}

export interface MessageEnv {
  words: Words;
  context(prefix: string, headingLevel?: number): RenderContext;
  formatClock(iso: string): string;
}

function meta(at: string | null, env: MessageEnv, extra = ''): string {
  const time = at ? ` <time datetime="${escapeHtml(at)}">${escapeHtml(env.formatClock(at))}</time>` : '';
  return `<p class="meta"><strong>Tiltak</strong> <span class="app-badge">APP</span>${time}${extra}</p>`;
}

function fileHtml(f: FileRef): string {
  return f.image
    ? `<figure class="file"><img src="${escapeHtml(f.url)}" alt="${escapeHtml(f.alt)}"><figcaption>${escapeHtml(f.title)}</figcaption></figure>`
    : `<p class="file"><a href="${escapeHtml(f.url)}">${escapeHtml(f.title)}</a></p>`;
}

/** A channel message; `i` keeps the ids of its controls apart from the others'. */
export function messageHtml(m: Message, channel: string, i: number, env: MessageEnv): string {
  const body =
    m.blocks.length > 0
      ? renderBlocks(m.blocks, env.context(`m${i}-${m.ts.replace('.', '_')}`, 3))
      : `<p>${escapeHtml(m.text)}</p>`;
  const replies = m.replies ?? [];
  const thread =
    replies.length > 0
      ? `<section class="thread" aria-label="${escapeHtml(env.words.thread)}"><h4 class="thread-title">${escapeHtml(env.words.thread)}</h4><ol>${replies.map((r, j) => `<li>${messageHtml(r, channel, i * 100 + j + 1, env)}</li>`).join('')}</ol></section>`
      : '';
  return `<article class="message">${meta(m.at, env)}<div class="message-body" data-surface-type="message" data-channel="${escapeHtml(channel)}" data-ts="${escapeHtml(m.ts)}">${body}${m.files.map(fileHtml).join('')}</div>${thread}</article>`;
}

/** An ephemeral: only its user sees it, and the page says so. */
export function ephemeralHtml(e: Ephemeral, env: MessageEnv): string {
  const body =
    Array.isArray(e.blocks) && e.blocks.length > 0
      ? renderBlocks(e.blocks, env.context(`e-${e.id}`, 3))
      : `<p>${escapeHtml(e.text ?? '')}</p>`;
  const only = ` <span class="only-you">${escapeHtml(env.words.onlyYou)}</span>`;
  return `<article class="message ephemeral">${meta(e.at, env, only)}<div class="message-body" data-surface-type="ephemeral" data-id="${escapeHtml(e.id)}">${body}</div></article>`;
}
