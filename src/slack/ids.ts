/**
 * Every Slack identifier the bot sends or listens for. Listeners, view
 * builders and tests import from here; a hand-copied ID is a bug waiting.
 */
export const ids = {
  views: {
    home: 'home',
  },
  actions: {},
  blocks: {},
} as const;
