// auth.test, users.info and apps.connections.open.

import { type ApiHandler, fail } from './api-handler.js';
import { asString } from './http-io.js';

const authTest: ApiHandler = (_args, ctx) => {
  const { identity } = ctx.state;
  return {
    ok: true,
    url: `https://${identity.teamDomain}.slack.com/`,
    team: 'Tiltak Test',
    user: 'tiltak',
    team_id: identity.teamId,
    user_id: identity.botUserId,
    bot_id: identity.botId,
    is_enterprise_install: false,
  };
};

const usersInfo: ApiHandler = (args, ctx) => {
  const id = asString(args.user);
  if (!id) return fail('user_not_found');
  return { ok: true, user: ctx.state.getUser(id) };
};

const connectionsOpen: ApiHandler = (_args, ctx) => ({ ok: true, url: ctx.socketUrl() });

export const identityHandlers: Record<string, ApiHandler> = {
  'auth.test': authTest,
  'users.info': usersInfo,
  'apps.connections.open': connectionsOpen,
};
