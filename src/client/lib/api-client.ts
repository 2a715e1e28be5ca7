import type { z } from 'zod';
import { errorResponseSchema, type ResponseOf, type RouteSpec } from '../../shared/contract/common';

/** An error answered by the API, in the shape of the shared contract. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Array<{ path: string; message: string; start?: number; end?: number }> = [],
  ) {
    super(message);
  }

  /** The message for one field (`body.username` → "…"), to show next to its input. */
  fieldMessage(field: string): string | undefined {
    return this.details.find((d) => d.path === field || d.path.endsWith(`.${field}`))?.message;
  }
}

type Part<S, K extends string> = S extends z.ZodType ? { [P in K]: z.input<S> } : { [P in K]?: undefined };
export type CallInput<R extends RouteSpec> = Part<R['params'], 'params'> & Part<R['query'], 'query'> & Part<R['body'], 'body'>;

let csrfToken: string | null = null;
/** Remembered from sign-in and /me; sent on every mutation. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** The CSRF header for a mutation sent outside `callApi` (file uploads). */
export function csrfHeader(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

export function buildUrl(path: string, params?: Record<string, unknown>, query?: Record<string, unknown>): string {
  const filled = path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const qs = search.toString();
  return qs ? `${filled}?${qs}` : filled;
}

/** Calls a contract route; the response is parsed with the contract's schema. */
export async function callApi<R extends RouteSpec>(route: R, input: CallInput<R>, init: { signal?: AbortSignal } = {}): Promise<ResponseOf<R>> {
  const { params, query, body } = input as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (route.method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  // An absolute URL: same origin in the browser, and usable by Node's fetch in tests.
  const response = await fetch(new URL(buildUrl(route.path, params, query), window.location.origin), {
    method: route.method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    signal: init.signal,
  });
  const text = await response.text();
  const json: unknown = text ? safeJson(text) : {};
  if (!response.ok) {
    const parsed = errorResponseSchema.safeParse(json);
    if (parsed.success) throw new ApiError(response.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
    throw new ApiError(response.status, 'HTTP_ERROR', `The server answered ${response.status} ${response.statusText}`);
  }
  return route.response.parse(json) as ResponseOf<R>;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { error: { code: 'INVALID_RESPONSE', message: 'The server sent a response that is not JSON' } };
  }
}
