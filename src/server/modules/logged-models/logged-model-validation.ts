import { invalidParameter } from '../../errors';

/** Key/value rules for logged-model params and tags (MLflow's limits for run params and tags). */
const maxKeyLength = 250;
const maxValueLength = { param: 6000, tag: 8000 } as const;

export function validKeyValues(items: Array<{ key: string; value?: string }>, kind: 'param' | 'tag'): Array<{ key: string; value: string }> {
  const unique = new Map<string, string>();
  for (const { key, value = '' } of items) {
    if (key === '') throw invalidParameter(`Missing value for required parameter '${kind}s.key'.`);
    if (key.length > maxKeyLength) throw invalidParameter(`${kind} key '${key.slice(0, 50)}…' is longer than ${maxKeyLength} characters.`);
    if (!/^[A-Za-z0-9_\-. /:]+$/.test(key) || key.startsWith('/') || key.split('/').includes('..')) {
      throw invalidParameter(`Invalid ${kind} name: '${key}'. Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colons (:) and slashes (/).`);
    }
    if (value.length > maxValueLength[kind]) throw invalidParameter(`${kind} value for '${key}' is longer than ${maxValueLength[kind]} characters.`);
    const previous = unique.get(key);
    if (kind === 'param' && previous !== undefined && previous !== value) throw invalidParameter(`Duplicate param key '${key}' with different values.`);
    unique.set(key, value);
  }
  return [...unique].map(([key, value]) => ({ key, value }));
}
