import type { Deps } from '../deps.js';
import type { TiltakBolt } from './request-context.js';

/** Every action_id in a contract's ids.actions, however deeply it is grouped. */
export function actionIdsIn(tree: unknown): string[] {
  if (typeof tree === 'string') return [tree];
  if (tree === null || typeof tree !== 'object') return [];
  return Object.values(tree).flatMap((v) => actionIdsIn(v));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A button from an old message (a renamed action, a removed feature) must
 * still be acked, or Slack shows the user a warning. Actions we do handle
 * are excluded here so that nothing is acked twice.
 */
export function registerUnknownActions(app: TiltakBolt, deps: Deps, known: readonly string[]): void {
  const unknown = known.length === 0 ? /.*/ : new RegExp(`^(?!(?:${known.map(escapeRegExp).join('|')})$)`);
  app.action({ action_id: unknown }, async ({ ack, action }) => {
    await ack();
    deps.logger.info(
      { action: 'action_id' in action ? action.action_id : undefined },
      'acked an action the bot no longer handles',
    );
  });
}
