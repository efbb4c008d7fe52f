import { ANY_TABLE, type ChangeFeed } from './change-feed.js';

interface Entry {
  tables: readonly string[];
  value: Promise<unknown>;
}

/**
 * Rows that nearly every request reads and few requests write (people, the
 * plan's structure), kept in memory until the change feed reports a commit
 * to one of the tables they were read from, by this instance or another.
 *
 * A change that arrives while a read is under way drops that read's entry
 * too, so the next caller reads afresh: only callers that asked before the
 * commit was seen can get what the database held before it. While the feed
 * is not live (its connection was lost), nothing is kept.
 */
export class ReferenceCache {
  readonly #entries = new Map<string, Entry>();
  readonly #unsubscribe: () => void;
  readonly #changes: ChangeFeed;

  constructor(changes: ChangeFeed) {
    this.#changes = changes;
    this.#unsubscribe = changes.subscribe((table) => this.#drop(table));
  }

  /**
   * The value kept under key, or what load returns, kept if `keep` says so.
   * A failed load is not kept. Callers must treat the value as read-only:
   * every later caller gets the same object.
   */
  get<V>(key: string, tables: readonly string[], load: () => Promise<V>, keep: (value: V) => boolean = () => true) {
    // Without a live feed a kept value could outlive a change nobody heard of.
    if (!this.#changes.live) return load();
    const found = this.#entries.get(key);
    if (found !== undefined) return found.value as Promise<V>;
    const entry: Entry = { tables, value: Promise.resolve() };
    const value = load().then(
      (loaded) => {
        if (!keep(loaded) && this.#entries.get(key) === entry) this.#entries.delete(key);
        return loaded;
      },
      (error: unknown) => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
        throw error;
      },
    );
    entry.value = value;
    this.#entries.set(key, entry);
    return value;
  }

  /**
   * Whether values are kept now. A caller that would read more to keep it
   * (the whole plan rather than one measure) reads only its own part while
   * nothing is kept.
   */
  get keeping(): boolean {
    return this.#changes.live;
  }

  /** How many values are kept: for tests and the bench. */
  get size(): number {
    return this.#entries.size;
  }

  close(): void {
    this.#unsubscribe();
    this.#entries.clear();
  }

  #drop(table: string): void {
    if (table === ANY_TABLE) {
      this.#entries.clear();
      return;
    }
    for (const [key, entry] of this.#entries) if (entry.tables.includes(table)) this.#entries.delete(key);
  }
}
