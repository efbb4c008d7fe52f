// views.* methods. trigger_ids issued by the fake expire like Slack's (3 s,
// single use), which catches bots that do slow work before opening a modal.

import { type ApiContext, type ApiHandler, blockKitRefusal, fail } from './api-handler.js';
import { isRecord, type Json } from './block-kit-checker.js';
import { asString } from './http-io.js';
import type { StoredView } from './slack-state.js';

function consumeTrigger(trigger: string | undefined, ctx: ApiContext): Json | undefined {
  if (!trigger) return fail('invalid_trigger_id');
  const issued = ctx.state.triggers.get(trigger);
  // Triggers the fake never issued (hand-built payloads) are accepted.
  if (!issued) return undefined;
  if (issued.used) return fail('exchanged_trigger_id');
  if (Date.now() - issued.issuedAt > ctx.triggerTtlMs) return fail('expired_trigger_id');
  issued.used = true;
  return undefined;
}

function materialise(ctx: ApiContext, id: string, view: Json, previous?: StoredView): Json {
  const { identity } = ctx.state;
  return {
    id,
    team_id: identity.teamId,
    app_id: identity.appId,
    bot_id: identity.botId,
    app_installed_team_id: identity.teamId,
    private_metadata: '',
    callback_id: '',
    external_id: '',
    clear_on_close: false,
    notify_on_close: false,
    state: { values: {} },
    root_view_id: previous?.view.root_view_id ?? id,
    previous_view_id: null,
    ...view,
    hash: `${Date.now()}.${ctx.state.nextId('h')}`,
  };
}

type Checked = { view: Json } | { refusal: Json };

function validated(method: string, args: Json, ctx: ApiContext, forceKind?: 'home'): Checked {
  const view = args.view;
  if (!isRecord(view)) return { refusal: fail('invalid_arguments', { errors: ['view is required'] }) };
  const kind = forceKind ?? (view.type === 'home' ? 'home' : 'modal');
  const problems = ctx.checkBlocks(method, kind, view);
  return problems.length > 0 ? { refusal: blockKitRefusal(problems) } : { view };
}

function openOrPush(method: 'views.open' | 'views.push'): ApiHandler {
  return (args, ctx) => {
    const checked = validated(method, args, ctx);
    if ('refusal' in checked) return checked.refusal;
    const refused = consumeTrigger(asString(args.trigger_id), ctx);
    if (refused) return refused;
    const id = ctx.state.nextId('V');
    const stored: StoredView = { id, view: materialise(ctx, id, checked.view) };
    ctx.state.views.set(id, stored);
    return { ok: true, view: stored.view };
  };
}

const update: ApiHandler = (args, ctx) => {
  const viewId = asString(args.view_id);
  const externalId = asString(args.external_id);
  const existing = viewId
    ? ctx.state.views.get(viewId)
    : [...ctx.state.views.values()].find((v) => externalId && v.view.external_id === externalId);
  if (!existing) return fail('not_found');
  const checked = validated('views.update', args, ctx);
  if ('refusal' in checked) return checked.refusal;
  const hash = asString(args.hash);
  if (hash && hash !== existing.view.hash) return fail('hash_conflict');
  existing.view = materialise(ctx, existing.id, checked.view, existing);
  return { ok: true, view: existing.view };
};

const publish: ApiHandler = (args, ctx) => {
  const user = asString(args.user_id);
  if (!user) return fail('invalid_arguments', { errors: ['user_id is required'] });
  const checked = validated('views.publish', args, ctx, 'home');
  if ('refusal' in checked) return checked.refusal;
  const existing = ctx.state.homeViews.get(user);
  const hash = asString(args.hash);
  if (existing && hash && hash !== existing.view.hash) return fail('hash_conflict');
  const id = existing?.id ?? ctx.state.nextId('V');
  const stored: StoredView = { id, user, view: materialise(ctx, id, checked.view) };
  ctx.state.homeViews.set(user, stored);
  ctx.state.views.set(id, stored);
  return { ok: true, view: stored.view };
};

export const viewHandlers: Record<string, ApiHandler> = {
  'views.open': openOrPush('views.open'),
  'views.push': openOrPush('views.push'),
  'views.update': update,
  'views.publish': publish,
};
