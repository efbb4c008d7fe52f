/** Every Slack id of the digests feature: "Les hele" on a trimmed update, and the modal it opens. */
export const ids = {
  views: {
    digestUpdate: 'digest_update',
  },
  actions: {
    digestReadUpdate: 'digest_read_update',
  },
} as const;
