// The Web API methods the fake answers, and the token rules in front of them.

import { chatHandlers } from './api-chat.js';
import { conversationHandlers } from './api-conversations.js';
import { fileHandlers } from './api-files.js';
import { type ApiContext, type ApiHandler, fail } from './api-handler.js';
import { identityHandlers } from './api-identity.js';
import { viewHandlers } from './api-views.js';
import type { Json } from './block-kit-checker.js';

const webApiHandlers: Record<string, ApiHandler | undefined> = {
  ...identityHandlers,
  ...chatHandlers,
  ...conversationHandlers,
  ...viewHandlers,
  ...fileHandlers,
};

/** Slack only lets app-level (xapp-) tokens open Socket Mode, and nothing else. */
function tokenProblem(method: string, token: string | undefined, botToken: string | undefined): string | undefined {
  if (!token) return 'not_authed';
  const isAppToken = token.startsWith('xapp-');
  if (method === 'apps.connections.open') return isAppToken ? undefined : 'not_allowed_token_type';
  if (isAppToken) return 'not_allowed_token_type';
  return botToken && token !== botToken ? 'invalid_auth' : undefined;
}

export async function answerApiCall(method: string, args: Json, ctx: ApiContext, botToken?: string): Promise<Json> {
  const handler = webApiHandlers[method];
  if (!handler) return fail('unknown_method');
  const tokenError = tokenProblem(method, ctx.token, botToken);
  return tokenError ? fail(tokenError) : handler(args, ctx);
}
