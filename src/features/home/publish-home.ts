import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../kernel/deps.js';
import { findPerson, type PersonWithAgency } from '../../kernel/people/people.js';
import type { SlackUserId } from '../../kernel/slack/slack-user-id.js';
import { viewLocale } from '../../kernel/text/format.js';
import { loadHomeData } from './home-data.js';
import { homeView, notRegisteredHome } from './views/home.js';

/** Builds and publishes one user's Home tab: their measures, and for coordinators the plan overview. */
export async function publishHome(deps: Deps, client: WebClient, slackId: SlackUserId): Promise<void> {
  const person = await findPerson(deps, slackId);
  if (person !== null) return publishHomeFor(deps, client, person);
  await client.views.publish({ user_id: slackId, view: notRegisteredHome(viewLocale(deps, 'nb')) });
}

/** The same Home for a person already loaded, so a batch need not look each one up again. */
export async function publishHomeFor(deps: Deps, client: WebClient, person: PersonWithAgency): Promise<void> {
  const view = homeView(viewLocale(deps, person.language), await loadHomeData(deps, person));
  await client.views.publish({ user_id: person.slackId, view });
}
