import { describe, expect, it } from 'vitest';
import { nearestIndex } from './series-hover';
import { linePath } from './series-paths';

const identity = (v: number) => v;

describe('linePath', () => {
  it('joins points and starts a new segment after a gap', () => {
    expect(linePath([0, 1, 2, 3, 4], [5, 6, null, 7, 8.04], identity, identity)).toBe('M0,5L1,6M3,7L4,8');
  });

  it('draws a lone point as a small ring', () => {
    expect(linePath([0, 1, 2], [5, null, 7], identity, identity)).toBe('M0,5m-2.5,0a2.5,2.5 0 1,0 5,0a2.5,2.5 0 1,0 -5,0M2,7m-2.5,0a2.5,2.5 0 1,0 5,0a2.5,2.5 0 1,0 -5,0');
  });

  it('skips values the scale cannot place (a log scale below zero)', () => {
    const scale = (v: number) => (v > 0 ? v * 10 : undefined);
    expect(linePath([1, 2, 3, 4], [1, 3, -1, 2], scale, scale).split('M')).toEqual(['', '10,10L20,30', expect.stringMatching(/^40,20m/)]);
  });
});

describe('nearestIndex', () => {
  it('finds the nearest x on either side', () => {
    const xs = [0, 10, 20, 30];
    expect([nearestIndex(xs, -5), nearestIndex(xs, 4), nearestIndex(xs, 6), nearestIndex(xs, 29), nearestIndex(xs, 99)]).toEqual([0, 0, 1, 3, 3]);
    expect(nearestIndex([7], 3)).toBe(0);
  });
});
