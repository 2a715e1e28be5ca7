import type { TestApp } from './build-test-app';

/** Response bodies in tests are read loosely, as `response.json()` would be. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseJson = any;

export type MlflowResponse<T = Record<string, unknown>> = { status: number; body: T & { error_code?: string; message?: string } };

/**
 * Calls an MLflow REST endpoint the way the Python client does: GET fields in the query string
 * (repeated keys for lists), every other method with a JSON body.
 */
export async function mlflowCall<T = Record<string, LooseJson>>(
  t: TestApp,
  headers: Record<string, string>,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  fields: Record<string, unknown> = {},
): Promise<MlflowResponse<T>> {
  const url = path.startsWith('/') ? path : `/api/2.0/mlflow/${path}`;
  if (method === 'GET') {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined) query.append(key, String(item));
    }
    const qs = query.toString();
    return t.request({ method, url: qs ? `${url}?${qs}` : url, headers });
  }
  return t.request({ method, url, headers, payload: fields });
}
