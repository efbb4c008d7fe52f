import { describe, expect, it } from 'vitest';
import { latestVersions } from '../../src/features/updates/update-queries.js';

describe('latestVersions', () => {
  it('keeps each series once, at its highest version, in the order the series first appear', () => {
    const rows = [
      { seriesId: 'a', version: 1, done: 'a1' },
      { seriesId: 'b', version: 2, done: 'b2' },
      { seriesId: 'a', version: 3, done: 'a3' },
      { seriesId: 'b', version: 1, done: 'b1' },
      { seriesId: 'c', version: 1, done: 'c1' },
    ];
    expect(latestVersions(rows).map((r) => r.done)).toEqual(['a3', 'b2', 'c1']);
  });

  it('gives nothing for nothing', () => {
    expect(latestVersions([])).toEqual([]);
  });
});
