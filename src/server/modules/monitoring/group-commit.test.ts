import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
  it('writes a lone item at once and groups the items that arrive while a write is in flight', async () => {
    const writes: Array<[string, number[]]> = [];
    const commit = new GroupCommit<string, number>(async (key, items) => {
      writes.push([key, items]);
      await tick();
    });
    await Promise.all([commit.submit('a', 1), commit.submit('a', 2), commit.submit('a', 3), commit.submit('b', 4)]);
    expect(writes).toEqual([
      ['a', [1]],
      ['b', [4]],
      ['a', [2, 3]],
    ]);
    await commit.submit('a', 5);
    expect(writes.at(-1)).toEqual(['a', [5]]);
  });

  it('lets the first item wait gatherMs for items that arrive in later turns of the event loop', async () => {
    const writes: number[][] = [];
    const commit = new GroupCommit<string, number>(async (_key, items) => void writes.push(items), 20);
    const first = commit.submit('a', 1);
    await tick();
    await Promise.all([first, commit.submit('a', 2)]);
    expect(writes).toEqual([[1, 2]]);
  });

  it('retries a failed group item by item, so only the bad item fails', async () => {
    const written: number[][] = [];
    const commit = new GroupCommit<string, number>(async (_key, items) => {
      await tick();
      if (items.includes(13)) throw new Error('bad batch');
      written.push(items);
    });
    const results = await Promise.allSettled([commit.submit('a', 1), commit.submit('a', 2), commit.submit('a', 13), commit.submit('a', 3)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(written).toEqual([[1], [2], [3]]);
  });
});
