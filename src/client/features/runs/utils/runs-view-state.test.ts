import { describe, expect, it } from 'vitest';
import { emptyView, nextOrder, parseGroupBy, readRunsView, toRunsQuery, writeRunsView } from './runs-view-state';

describe('runs view state in the URL', () => {
  it('round-trips every field and leaves defaults out', () => {
    const state = {
      ...emptyView,
      filter: "params.model = 'gbm'",
      orderBy: 'metrics.rmse ASC',
      metrics: ['rmse', 'a,b'],
      params: ['model'],
      tags: ['team'],
      statuses: ['FINISHED' as const],
      startedAfter: '2026-01-01T00:00',
      view: 'all' as const,
      groupBy: 'param:model',
      selected: ['r1', 'r2'],
      pinned: ['r2'],
      colors: { r1: 3 },
    };
    expect(readRunsView(writeRunsView(state))).toEqual(state);
    expect(writeRunsView(emptyView).toString()).toBe('');
  });

  it('ignores unknown statuses and malformed colours', () => {
    const state = readRunsView(new URLSearchParams('status=BOGUS&status=FAILED&color=r1:x&view=weird'));
    expect(state).toMatchObject({ statuses: ['FAILED'], colors: {}, view: 'active' });
  });

  it('builds the server query', () => {
    expect(toRunsQuery('7', { ...emptyView, orderBy: 'start_time ASC', metrics: ['acc'] })).toMatchObject({
      experimentIds: ['7'], orderBy: ['start_time ASC'], statuses: undefined, columns: { metrics: ['acc'], params: [], tags: [] },
    });
  });

  it('cycles sort and parses group-by', () => {
    expect(nextOrder('', 'metrics.rmse')).toBe('metrics.rmse DESC');
    expect(nextOrder('metrics.rmse DESC', 'metrics.rmse')).toBe('metrics.rmse ASC');
    expect(nextOrder('metrics.rmse ASC', 'metrics.rmse')).toBe('');
    expect(parseGroupBy('tag:mlflow.user')).toEqual({ entity: 'tag', key: 'mlflow.user' });
    expect(parseGroupBy('dataset:')).toEqual({ entity: 'dataset', key: '' });
    expect(parseGroupBy('')).toBeUndefined();
  });
});
