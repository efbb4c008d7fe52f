import type { Lang } from './index.js';

/**
 * The language of people this process has served lately. A person's language
 * lives in the database, so when the database is down this is the only way
 * to answer them in it; whoever is not here gets Norwegian bokmål, the
 * plan's first language. Bounded, oldest forgotten first; it holds nothing
 * a restart would miss.
 */
export class RecentLanguages {
  readonly #byUser = new Map<string, Lang>();

  constructor(private readonly capacity = 10_000) {}

  remember(slackId: string, lang: Lang): void {
    this.#byUser.delete(slackId);
    this.#byUser.set(slackId, lang);
    if (this.#byUser.size > this.capacity) {
      const oldest = this.#byUser.keys().next();
      if (oldest.done !== true) this.#byUser.delete(oldest.value);
    }
  }

  recall(slackId: string | undefined): Lang | undefined {
    return slackId === undefined ? undefined : this.#byUser.get(slackId);
  }
}
