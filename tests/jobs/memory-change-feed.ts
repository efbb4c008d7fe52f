import type { ChangeFeed } from '../../src/kernel/db/change-feed.js';

/** The change feed as the scheduler sees it, fed by hand: a test says which table a write changed. */
export class MemoryChangeFeed implements ChangeFeed {
  readonly #listeners = new Set<(table: string) => void>();
  live = true;

  subscribe(listener: (table: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(...tables: string[]): void {
    for (const table of tables) for (const listener of this.#listeners) listener(table);
  }

  get listeners(): number {
    return this.#listeners.size;
  }
}
