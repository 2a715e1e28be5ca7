import { http, HttpResponse, type DefaultBodyType, type PathParams } from 'msw';
import type { ErrorResponse, ResponseOf, RouteSpec } from '../../../shared/contract/common';

type Resolved<R extends RouteSpec> = ResponseOf<R> | HttpResponse<DefaultBodyType>;

/**
 * An MSW handler for a contract route. What it answers is parsed with the route's response
 * schema, so a fixture that drifts from the server's contract fails the test that uses it.
 */
export function contractHandler<R extends RouteSpec>(
  route: R,
  resolve: (info: { params: PathParams; request: Request; body: unknown; url: URL }) => Resolved<R> | Promise<Resolved<R>>,
) {
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  return http[method](route.path, async ({ params, request }) => {
    const body = route.body ? await request.clone().json().catch(() => undefined) : undefined;
    const result = await resolve({ params, request, body, url: new URL(request.url) });
    if (result instanceof Response) return result;
    return HttpResponse.json(route.response.parse(result) as DefaultBodyType, { status: route.status ?? 200 });
  });
}

/** An error in the contract's shape. */
export function errorResponse(status: number, code: string, message: string, details?: ErrorResponse['error']['details']) {
  return HttpResponse.json({ error: { code, message, ...(details && { details }) } } satisfies ErrorResponse, { status });
}
