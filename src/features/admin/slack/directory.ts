import { ErrorCode, type WebClient } from '@slack/web-api';
import { parseSlackUserId } from '../../../kernel/slack/slack-user-id.js';
import type { ChannelReach } from '../areas.js';
import type { DirectoryUser, SlackDirectory } from '../people.js';

/** Slack's own answer that the thing asked about is not there; anything else (a network fault) is thrown on. */
function platformError(error: unknown): string | null {
  const e = error as { code?: unknown; data?: { error?: unknown } } | null;
  return e?.code === ErrorCode.PlatformError && typeof e.data?.error === 'string' ? e.data.error : null;
}

interface SlackUser {
  id?: string;
  is_bot?: boolean;
  deleted?: boolean;
  real_name?: string;
  name?: string;
  profile?: { real_name?: string; display_name?: string };
}

function toDirectoryUser(user: SlackUser | undefined): DirectoryUser | null {
  const slackId = parseSlackUserId(user?.id);
  if (user === undefined || slackId === null || user.deleted === true) return null;
  const name = user.profile?.real_name || user.real_name || user.profile?.display_name || user.name || slackId;
  return { slackId, name, isBot: user.is_bot === true };
}

/** The workspace's users, as users.info and users.lookupByEmail (scope users:read.email) tell them. */
export function slackDirectory(client: WebClient): SlackDirectory {
  const ask = async (call: () => Promise<{ user?: SlackUser }>) => {
    try {
      return toDirectoryUser((await call()).user);
    } catch (error) {
      if (platformError(error) === 'users_not_found' || platformError(error) === 'user_not_found') return null;
      throw error;
    }
  };
  return {
    byId: (slackId) => ask(() => client.users.info({ user: slackId }) as Promise<{ user?: SlackUser }>),
    byEmail: (email) => ask(() => client.users.lookupByEmail({ email }) as Promise<{ user?: SlackUser }>),
  };
}

/** Whether the bot is in a channel (conversations.info, is_member), or Slack cannot find it for the bot. */
export function channelReach(client: WebClient): (channel: string) => Promise<ChannelReach> {
  return async (channel) => {
    try {
      const info = await client.conversations.info({ channel });
      return info.channel?.is_member === true ? 'member' : 'not_member';
    } catch (error) {
      if (platformError(error) === 'channel_not_found') return 'not_found';
      throw error;
    }
  };
}
