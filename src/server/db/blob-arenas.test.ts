import { describe, expect, it } from 'vitest';
import { acquireArena, arenaRegions } from './blob-arenas';

describe('blob arenas', () => {
  it('give concurrent holders different memory and reuse an arena once it is released', () => {
    const first = acquireArena();
    const second = acquireArena();
    expect(second.buffer).not.toBe(first.buffer);
    first.release();
    first.release(); // twice is harmless: the arena is pooled once
    const third = acquireArena();
    expect(third.buffer).toBe(first.buffer);
    expect(acquireArena().buffer).not.toBe(first.buffer);
  });

  it('cut an arena into equal regions that do not overlap', () => {
    const arena = acquireArena();
    const regions = arenaRegions(arena, 3);
    expect(regions).toHaveLength(3);
    regions.forEach((region, i) => {
      expect(region.offset).toBe(i * region.length);
      expect(region.offset + region.length).toBeLessThanOrEqual(arena.buffer.byteLength);
    });
    arena.release();
  });
});
