import type { App } from '@slack/bolt';
import type { Deps } from '../../../kernel/deps.js';
import { requestLogger } from '../../../kernel/slack/request-context.js';
import { publishHome } from '../publish-home.js';

/** app_home_opened: Bolt acks events itself, so the work may take what it needs. */
export function registerHome(app: App, deps: Deps): void {
  app.event('app_home_opened', async ({ event, client, context }) => {
    if (event.tab !== 'home') return;
    const log = requestLogger(context, deps.logger).child({ user: event.user });
    await publishHome(deps, client, event.user);
    log.info('published App Home');
  });
}
