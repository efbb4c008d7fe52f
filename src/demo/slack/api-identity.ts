// auth.test, users.info, users.lookupByEmail and apps.connections.open.

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

/** Slack matches the address on the profile, case-insensitively; a deleted user is not found. */
const lookupByEmail: ApiHandler = (args, ctx) => {
  const email = asString(args.email)?.toLowerCase();
  if (!email) return fail('invalid_arguments');
  const user = [...ctx.state.users.values()].find((u) => {
    const profile = u.profile as { email?: unknown } | undefined;
    return typeof profile?.email === 'string' && profile.email.toLowerCase() === email && u.deleted !== true;
  });
  return user === undefined ? fail('users_not_found') : { ok: true, user };
};

const connectionsOpen: ApiHandler = (_args, ctx) => ({ ok: true, url: ctx.socketUrl() });

export const identityHandlers: Record<string, ApiHandler> = {
  'auth.test': authTest,
  'users.info': usersInfo,
  'users.lookupByEmail': lookupByEmail,
  'apps.connections.open': connectionsOpen,
};
