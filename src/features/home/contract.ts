/** Every Slack id of the home feature. */
export const ids = {
  views: {
    home: 'home',
  },
  actions: {},
} as const;
