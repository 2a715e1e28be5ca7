import { describe, expect, it } from 'vitest';
import { parseFilter } from '../search/filter-parser';
import { composeViewFilter } from './runs-view-filter';

describe('composeViewFilter', () => {
  it('leaves a filter alone without pickers', () => {
    expect(composeViewFilter({ filter: 'metrics.rmse < 1' })).toBe('metrics.rmse < 1');
    expect(composeViewFilter({ filter: '  ' })).toBe('');
  });

  it('appends statuses as != of the others and the time range, after the user text', () => {
    const text = composeViewFilter({ filter: "params.model = 'gbm'", statuses: ['FINISHED', 'FAILED'], startedAfter: '2026-01-01T00:00:00.000Z' });
    expect(text.startsWith("params.model = 'gbm' AND ")).toBe(true);
    const clauses = parseFilter(text, 'runs').clauses;
    expect(clauses.filter((c) => c.key === 'status').map((c) => c.value)).toEqual(['RUNNING', 'SCHEDULED', 'KILLED']);
    expect(clauses.find((c) => c.key === 'start_time')).toMatchObject({ comparator: '>=', value: Date.parse('2026-01-01T00:00:00.000Z') });
  });

  it('adds nothing when every status is chosen', () => {
    expect(composeViewFilter({ filter: '', statuses: ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'] })).toBe('');
  });
});
