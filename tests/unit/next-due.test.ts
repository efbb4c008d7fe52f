import { describe, expect, it } from 'vitest';
import { type Job, UNTIL_CHANGED } from '../../src/kernel/jobs/job.js';
import { MAX_SKIP_MS, NextDue } from '../../src/kernel/jobs/next-due.js';
import { MemoryChangeFeed } from '../jobs/memory-change-feed.js';

const job: Job = { name: 'j', run: async () => ({ job: 'j', lines: [] }), unaffectedBy: ['Other'] };
const T = Date.parse('2004-03-02T13:17:00+01:00');
const at = (ms: number) => new Date(T + ms);

function ranOnce(next: Date | null) {
  const feed = new MemoryChangeFeed();
  const due = new NextDue(feed, [job]);
  due.finished(job, due.started(job), at(0), next);
  return { feed, due };
}

describe('NextDue: when the scheduler may skip a job', () => {
  it('runs every job before its first run, so a start catches up', () => {
    expect(new NextDue(new MemoryChangeFeed(), [job]).isDue(job, at(0))).toBe(true);
  });

  it('skips until the named instant, and runs from it on', () => {
    const { due } = ranOnce(at(10 * 60_000));
    expect(due.isDue(job, at(60_000))).toBe(false);
    expect(due.isDue(job, at(10 * 60_000 - 1))).toBe(false);
    expect(due.isDue(job, at(10 * 60_000))).toBe(true);
  });

  it('runs after a change to a table the job reads, or an unknown change, but not to one it declares unaffected', () => {
    const { feed, due } = ranOnce(UNTIL_CHANGED);
    feed.emit('Other');
    expect(due.isDue(job, at(60_000))).toBe(false);
    feed.emit('Update');
    expect(due.isDue(job, at(60_000))).toBe(true);
    const again = ranOnce(UNTIL_CHANGED);
    again.feed.emit('*');
    expect(again.due.isDue(job, at(60_000))).toBe(true);
  });

  it('keeps a change that arrived during a run for the next tick', () => {
    const feed = new MemoryChangeFeed();
    const due = new NextDue(feed, [job]);
    const generation = due.started(job);
    feed.emit('Update');
    due.finished(job, generation, at(0), UNTIL_CHANGED);
    expect(due.isDue(job, at(60_000))).toBe(true);
  });

  it('runs when the job named no instant, after the safety-net interval, and when the clock went back', () => {
    expect(ranOnce(null).due.isDue(job, at(60_000))).toBe(true);
    const { due } = ranOnce(UNTIL_CHANGED);
    expect(due.isDue(job, at(MAX_SKIP_MS - 1))).toBe(false);
    expect(due.isDue(job, at(MAX_SKIP_MS))).toBe(true);
    expect(due.isDue(job, at(-1))).toBe(true);
  });

  it('runs on every tick while the feed may be missing changes', () => {
    const { feed, due } = ranOnce(UNTIL_CHANGED);
    feed.live = false;
    expect(due.isDue(job, at(60_000))).toBe(true);
    feed.live = true;
    expect(due.isDue(job, at(60_000))).toBe(false);
  });

  it('stops listening when stopped', () => {
    const feed = new MemoryChangeFeed();
    new NextDue(feed, [job]).stop();
    expect(feed.listeners).toBe(0);
  });
});
