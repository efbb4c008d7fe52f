// The page's own routes, beside the stand-in's Web API on the same port: the
// page, its scripts (TypeScript from src/demo/page, type-stripped by esbuild on
// first request and kept), and a small JSON API that turns the page's clicks
// into the requests Slack would send the bot.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import type { Surface } from './client-view.js';
import type { DemoSession } from './session.js';
import { isRecord, type Json } from './slack/block-kit-checker.js';
import { readBody, sendJson, sendText } from './slack/http-io.js';
import { COORDINATOR_CHANNEL, DEMO_PEOPLE } from './world.js';

const PAGE_DIR = fileURLToPath(new URL('./page/', import.meta.url));
const SCRIPT = /^\/page\/([a-z-]+)\.js$/;
const LOCAL_HOST = /^(localhost|127\.0\.0\.1)(:\d+)?$/;

const ASSETS: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/page/styles.css': { file: 'styles.css', type: 'text/css; charset=utf-8' },
};

/** What the page shows for one user. */
export function snapshot(session: DemoSession, user: string): Json {
  const { state } = session.standIn;
  const dm = `D${user}`;
  const channels = [
    ...session.channels.map((c) => ({ ...c, kind: c.id === COORDINATOR_CHANNEL.id ? 'coordinator' : 'area' })),
    { id: dm, name: 'Tiltak', kind: 'dm' },
  ];
  const messages: Record<string, Json[]> = {};
  for (const channel of channels) {
    const all = state.messages.get(channel.id) ?? [];
    const view = (m: (typeof all)[number]): Json => ({
      ts: m.ts,
      text: m.text ?? '',
      blocks: m.blocks ?? [],
      at: session.client.arrival(m) ?? null,
      files: (m.files ?? []).map((f) => {
        const stored = state.files.find((s) => s.id === f.id);
        return {
          id: f.id,
          name: f.name,
          title: f.title,
          alt: stored?.alt_text ?? f.title,
          url: `/demo/files/${f.id}`,
          image: /\.png$/i.test(f.name),
        };
      }),
    });
    messages[channel.id] = all
      .filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts)
      .map((m) => ({ ...view(m), replies: all.filter((r) => r.thread_ts === m.ts && r.ts !== m.ts).map(view) }));
  }
  const stack = session.client.stack(user);
  const top = stack.at(-1);
  const modal = top === undefined ? null : (state.views.get(top)?.view ?? null);
  return {
    clock: session.clock.now().toISOString(),
    user,
    people: DEMO_PEOPLE.map((p) => ({
      id: p.slackId,
      name: p.name,
      role: p.role,
      agency: p.agency ?? null,
      language: p.language,
    })),
    channels,
    messages,
    ephemerals: session.client.ephemerals.filter((e) => e.user === user),
    home: state.homeViews.get(user)?.view ?? null,
    modal,
    stackDepth: stack.length,
  };
}

const scripts = new Map<string, string>();

async function script(name: string): Promise<string> {
  let code = scripts.get(name);
  if (code === undefined) {
    const source = await readFile(`${PAGE_DIR}${name}.ts`, 'utf8');
    code = (await transform(source, { loader: 'ts', format: 'esm', target: 'es2022' })).code;
    scripts.set(name, code);
  }
  return code;
}

function isSurface(v: unknown): v is Surface {
  if (!isRecord(v)) return false;
  if (v.type === 'message') return typeof v.channel === 'string' && typeof v.ts === 'string';
  if (v.type === 'ephemeral') return typeof v.id === 'string';
  return v.type === 'view' && typeof v.viewId === 'string';
}

function isDemoUser(v: unknown): v is string {
  return typeof v === 'string' && DEMO_PEOPLE.some((p) => p.slackId === v);
}

export function demoRoutes(session: DemoSession) {
  /** One request at a time: the demo is one workspace, and the clock must not move under a click. */
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    const isPage = path === '/' || path.startsWith('/page/') || path.startsWith('/demo/');
    if (!isPage) return false;
    // DNS rebinding: only pages served from this machine's own names may talk to the demo.
    if (!LOCAL_HOST.test(req.headers.host ?? '')) {
      sendText(res, 403, 'forbidden');
      return true;
    }
    const asset = ASSETS[path];
    if (req.method === 'GET' && asset) {
      res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-store' });
      res.end(await readFile(`${PAGE_DIR}${asset.file}`));
      return true;
    }
    const scriptName = SCRIPT.exec(path)?.[1];
    if (req.method === 'GET' && scriptName !== undefined) {
      const code = await script(scriptName).catch(() => null);
      if (code === null) sendText(res, 404, 'not_found');
      else {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
        res.end(code);
      }
      return true;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && path === '/demo/state') {
      const user = url.searchParams.get('user');
      if (!isDemoUser(user)) sendJson(res, 400, { ok: false, error: 'unknown_user' });
      else
        sendJson(
          res,
          200,
          await serially(async () => {
            session.client.sync();
            return snapshot(session, user);
          }),
        );
      return true;
    }
    const fileId = /^\/demo\/files\/(F\d+)$/.exec(path)?.[1];
    if (req.method === 'GET' && fileId !== undefined) {
      const file = session.standIn.files.find((f) => f.id === fileId && f.completed);
      if (file?.bytes === undefined) sendText(res, 404, 'not_found');
      else {
        res.writeHead(200, {
          'content-type': /\.png$/i.test(file.filename) ? 'image/png' : 'application/octet-stream',
        });
        res.end(file.bytes);
      }
      return true;
    }
    if (req.method !== 'POST' || !(req.headers['content-type'] ?? '').startsWith('application/json')) {
      // JSON only: a form on another site cannot post JSON without a preflight this server never grants.
      sendText(res, 404, 'not_found');
      return true;
    }
    let body: Json;
    try {
      const parsed: unknown = JSON.parse((await readBody(req)).toString('utf8'));
      body = isRecord(parsed) ? parsed : {};
    } catch {
      sendJson(res, 400, { ok: false, error: 'invalid_json' });
      return true;
    }
    const answer = await serially(() => post(session, path, body));
    sendJson(res, answer === null ? 400 : 200, answer ?? { ok: false, error: 'invalid_request' });
    return true;
  };
}

async function post(session: DemoSession, path: string, body: Json): Promise<Json | null> {
  const { user } = body;
  switch (path) {
    case '/demo/reset':
      await session.reset();
      return { ok: true };
    case '/demo/clock':
      if (body.to !== 'reminder' && body.to !== 'monday') return null;
      return { ok: true, clock: (await session.moveClock(body.to)).toISOString() };
  }
  if (!isDemoUser(user)) return null;
  switch (path) {
    case '/demo/command':
      if (typeof body.channel !== 'string' || typeof body.text !== 'string') return null;
      return await session.command(user, body.channel, body.text);
    case '/demo/action':
      if (!isSurface(body.surface) || !isRecord(body.action)) return null;
      return await session.action(user, body.surface, body.action, isRecord(body.values) ? body.values : undefined);
    case '/demo/submit':
      if (typeof body.viewId !== 'string' || !isRecord(body.values)) return null;
      return await session.submit(user, body.viewId, body.values);
    case '/demo/close':
      if (typeof body.viewId !== 'string') return null;
      await session.close(user, body.viewId);
      return { ok: true };
    case '/demo/home':
      await session.openHome(user);
      return { ok: true };
    default:
      return null;
  }
}
