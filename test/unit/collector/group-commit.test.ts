// Group commit: one batch per event-loop turn, each write settled on its own.
import { describe, expect, it } from 'vitest';
import { groupCommit, type Settled } from '../../../src/collector/group-commit';

const doubled = (batches: number[][]) => (items: number[]): Settled<number>[] => {
  batches.push(items);
  return items.map((n) => (n < 0 ? { ok: false, error: new Error(`negative ${n}`) } : { ok: true, value: n * 2 }));
};

describe('groupCommit', () => {
  it('runs writes submitted in the same turn as one batch and answers each', async () => {
    const batches: number[][] = [];
    const writes = groupCommit(doubled(batches), 64);
    const answers = await Promise.all([1, 2, 3].map((n) => writes.submit(n)));
    expect(answers).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(await writes.submit(4)).toBe(8);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('settles nothing before the batch ran', async () => {
    const batches: number[][] = [];
    const writes = groupCommit(doubled(batches), 64);
    let settled = false;
    const pending = writes.submit(1).then(() => { settled = true; });
    await Promise.resolve();
    expect(settled).toBe(false);
    expect(batches).toEqual([]);
    await pending;
    expect(settled).toBe(true);
  });

  it('fails one write alone, and all of them when the batch itself throws', async () => {
    const writes = groupCommit(doubled([]), 64);
    const results = await Promise.allSettled([writes.submit(1), writes.submit(-1), writes.submit(2)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);

    const broken = groupCommit<number, number>(() => { throw new Error('disk full'); }, 64);
    const all = await Promise.allSettled([broken.submit(1), broken.submit(2)]);
    expect(all.map((r) => r.status === 'rejected' && (r.reason as Error).message)).toEqual(['disk full', 'disk full']);
  });

  it('starts a new batch at the size cap, and flush() runs the queue at once', async () => {
    const batches: number[][] = [];
    const writes = groupCommit(doubled(batches), 2);
    const first = [1, 2, 3].map((n) => writes.submit(n));
    expect(batches).toEqual([[1, 2]]);
    writes.flush();
    expect(batches).toEqual([[1, 2], [3]]);
    expect(await Promise.all(first)).toEqual([2, 4, 6]);
  });
});
