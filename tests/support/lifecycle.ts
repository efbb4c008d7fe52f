import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Database } from '../../src/kernel/db/open-database.js';
import { type Harness, type HarnessOptions, startHarness } from './harness.js';
import { createTestDatabase, truncateAll } from './test-database.js';

/**
 * Stands for an object that exists only once beforeAll has run: tests keep
 * writing `h.command(…)` or `db.prisma`, and a use before start fails loudly.
 */
function later<T extends object>(name: string): { value: T | undefined; proxy: T } {
  const slot: { value: T | undefined; proxy: T } = {
    value: undefined,
    proxy: new Proxy({} as T, {
      get(_target, key) {
        if (slot.value === undefined) throw new Error(`${name} is used before beforeAll started it`);
        return Reflect.get(slot.value, key);
      },
    }),
  };
  return slot;
}

/** One bot per test file, reset before each test; every test ends with the Block Kit check. */
export function useHarness(options?: HarnessOptions): Harness {
  const slot = later<Harness>('the harness');
  beforeAll(async () => {
    slot.value = await startHarness(options);
  });
  afterAll(async () => {
    await slot.value?.stop();
  });
  beforeEach(async () => {
    await slot.proxy.reset();
  });
  afterEach(() => {
    slot.proxy.fake.assertNoViolations();
  });
  return slot.proxy;
}

/** One migrated database per test file, emptied before each test. */
export function useTestDatabase(): Database {
  const slot = later<Database>('the test database');
  beforeAll(async () => {
    slot.value = await createTestDatabase();
  });
  afterAll(async () => {
    await slot.value?.close();
  });
  beforeEach(async () => {
    await truncateAll(slot.proxy);
  });
  return slot.proxy;
}
