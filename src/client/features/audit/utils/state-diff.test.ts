import { describe, expect, it } from 'vitest';
import { diffStates, formatValue } from './state-diff';

describe('diffStates', () => {
  it('names added, removed, changed and unchanged keys, nested ones by path', () => {
    const rows = diffStates(
      { role: 'viewer', disabled: false, gates: [{ name: 'drift', passed: false }], old: 1 },
      { role: 'admin', disabled: false, gates: [{ name: 'drift', passed: true }], added: 'x' },
    );
    expect(rows.map((r) => `${r.change} ${r.path}`)).toEqual([
      'changed role',
      'unchanged disabled',
      'unchanged gates[0].name',
      'changed gates[0].passed',
      'removed old',
      'added added',
    ]);
  });

  it('handles creation, removal and non-object states', () => {
    expect(diffStates(null, { version: 2 })).toEqual([{ path: 'version', before: undefined, after: 2, change: 'added' }]);
    expect(diffStates({ version: 1 }, null)).toEqual([{ path: 'version', before: 1, after: undefined, change: 'removed' }]);
    expect(diffStates('a', 'b')).toEqual([{ path: '(value)', before: 'a', after: 'b', change: 'changed' }]);
    expect(diffStates(null, null)).toEqual([]);
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
  });
});
