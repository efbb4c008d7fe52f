import type { Deps } from '../../../kernel/deps.js';
import { requestLogger, type TiltakBolt } from '../../../kernel/slack/request-context.js';
import { checkedUser } from '../../../kernel/slack/request-user.js';
import { publishHome } from '../publish-home.js';

/** app_home_opened: Bolt acks events itself, so the work may take what it needs. A Home is published only to a valid user id. */
export function registerHome(app: TiltakBolt, deps: Deps): void {
  app.event('app_home_opened', async ({ event, client, context }) => {
    if (event.tab !== 'home') return;
    const userId = checkedUser(event.user, requestLogger(context, deps.logger), 'app_home_opened');
    if (userId === null) return;
    const log = requestLogger(context, deps.logger).child({ user: userId });
    await publishHome(deps, client, userId);
    log.info('published App Home');
  });
}
