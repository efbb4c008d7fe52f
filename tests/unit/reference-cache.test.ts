import { describe, expect, it } from 'vitest';
import type { ChangeFeed } from '../../src/kernel/db/change-feed.js';
import { ReferenceCache } from '../../src/kernel/db/reference-cache.js';

/** A feed the test drives by hand, as the database triggers would. */
function handFeed() {
  const listeners = new Set<(table: string) => void>();
  const feed: ChangeFeed = {
    live: true,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const commit = (table: string) => {
    for (const listener of listeners) listener(table);
  };
  return { feed, commit, listeners };
}

function counter<V>(value: () => V) {
  const c = {
    reads: 0,
    load: async () => {
      c.reads++;
      return value();
    },
  };
  return c;
}

describe('the reference cache', () => {
  it('reads once, and again after a commit to a table the value came from', async () => {
    const { feed, commit } = handFeed();
    const cache = new ReferenceCache(feed);
    let name = 'Kari';
    const c = counter(() => name);
    expect(await cache.get('person:U1', ['Person', 'Agency'], c.load)).toBe('Kari');
    expect(await cache.get('person:U1', ['Person', 'Agency'], c.load)).toBe('Kari');
    expect(c.reads).toBe(1);
    commit('Update');
    expect(await cache.get('person:U1', ['Person', 'Agency'], c.load)).toBe('Kari');
    expect(c.reads).toBe(1);
    name = 'Kari Nordmann';
    commit('Agency');
    expect(await cache.get('person:U1', ['Person', 'Agency'], c.load)).toBe('Kari Nordmann');
    expect(c.reads).toBe(2);
  });

  it('shares one read among callers that ask at once', async () => {
    const cache = new ReferenceCache(handFeed().feed);
    const c = counter(() => 1);
    await Promise.all(Array.from({ length: 10 }, () => cache.get('k', ['Person'], c.load)));
    expect(c.reads).toBe(1);
  });

  it('does not keep a read that a commit overtook while it ran', async () => {
    const { feed, commit } = handFeed();
    const cache = new ReferenceCache(feed);
    let release = () => {};
    const slow = cache.get('k', ['Person'], () => new Promise<string>((r) => (release = () => r('before'))));
    commit('Person');
    release();
    expect(await slow).toBe('before');
    expect(await cache.get('k', ['Person'], async () => 'after')).toBe('after');
  });

  it('keeps neither failures nor what `keep` refuses, so unknown ids cannot fill it', async () => {
    const cache = new ReferenceCache(handFeed().feed);
    await expect(cache.get('a', ['Person'], async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    for (let i = 0; i < 100; i++)
      await cache.get(
        `person:U${i}`,
        ['Person'],
        async () => null,
        (v) => v !== null,
      );
    expect(cache.size).toBe(0);
    expect(await cache.get('a', ['Person'], async () => 'up')).toBe('up');
    expect(cache.size).toBe(1);
  });

  it("drops everything on 'anything may have changed', and stops listening when closed", async () => {
    const { feed, commit, listeners } = handFeed();
    const cache = new ReferenceCache(feed);
    await cache.get('a', ['Person'], async () => 1);
    await cache.get('b', ['Measure'], async () => 2);
    commit('*');
    expect(cache.size).toBe(0);
    cache.close();
    expect(listeners.size).toBe(0);
  });
});
