/**
 * A small HTTP client for Sextant's public APIs, as any integration would write it: Basic auth
 * (username and password, or a token as Bearer), JSON in and out, MLflow's and the native API's
 * error shapes turned into one error.
 */
export type Credentials = { username: string; password: string } | { token: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function authorization(credentials: Credentials): string {
  if ('token' in credentials) return `Bearer ${credentials.token}`;
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

type Query = Record<string, string | number | undefined>;

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly credentials: Credentials,
  ) {}

  as(credentials: Credentials): ApiClient {
    return new ApiClient(this.baseUrl, credentials);
  }

  url(path: string, query?: Query): string {
    const url = new URL(path, this.baseUrl);
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    return url.toString();
  }

  async request(method: string, path: string, init: { body?: string; contentType?: string; query?: Query; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { authorization: authorization(this.credentials), ...init.headers };
    if (init.contentType) headers['content-type'] = init.contentType;
    const response = await fetch(this.url(path, init.query), { method, headers, body: init.body });
    if (response.ok || response.status === 304) return response;
    const text = await response.text();
    let code = `HTTP_${response.status}`;
    let message = text.slice(0, 500);
    try {
      // MLflow routes answer {error_code, message}; native ones {error: {code, message}}.
      const parsed = JSON.parse(text) as { error_code?: string; message?: string; error?: { code?: string; message?: string } };
      code = parsed.error_code ?? parsed.error?.code ?? code;
      message = parsed.message ?? parsed.error?.message ?? message;
    } catch {
      // Not JSON: keep the text.
    }
    throw new ApiError(response.status, code, `${method} ${path}: ${response.status} ${code}: ${message}`);
  }

  async json<T = Record<string, unknown>>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
    const response = await this.request(method, path, {
      query,
      ...(body !== undefined && { body: JSON.stringify(body), contentType: 'application/json' }),
    });
    const text = await response.text();
    return (text ? JSON.parse(text) : {}) as T;
  }
}
