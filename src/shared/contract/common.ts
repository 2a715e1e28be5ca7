import { z } from 'zod';

/**
 * The native API (`/api/v1`) is described here once: the server validates and serialises with
 * these schemas, the client parses responses with them, MSW handlers are typed by them and the
 * OpenAPI document is generated from them.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteSpec {
  method: HttpMethod;
  /** Fastify-style path, e.g. `/api/v1/users/:userId`. */
  path: string;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Response of the success status (200 unless `status` says otherwise). */
  response: z.ZodType;
  status?: 200 | 201 | 202 | 204;
}

export function defineRoute<const T extends RouteSpec>(spec: T): T {
  return spec;
}

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;
export type ParamsOf<R extends RouteSpec> = Infer<R['params']>;
export type QueryOf<R extends RouteSpec> = Infer<R['query']>;
export type BodyOf<R extends RouteSpec> = Infer<R['body']>;
export type ResponseOf<R extends RouteSpec> = z.output<R['response']>;
/** What a client may send (before defaults and coercions are applied). */
export type QueryInputOf<R extends RouteSpec> = R['query'] extends z.ZodType ? z.input<R['query']> : undefined;
export type BodyInputOf<R extends RouteSpec> = R['body'] extends z.ZodType ? z.input<R['body']> : undefined;

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Per-field problems for validation errors: `path` is dotted, e.g. `body.events.3.latencyMs`. */
    details: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          /** Where in the field's text the problem is (0-based, end exclusive), e.g. a filter token. */
          start: z.number().int().optional(),
          end: z.number().int().optional(),
        }),
      )
      .optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const emptyResponseSchema = z.object({});

/** Opaque cursor pagination used by every list endpoint. */
export const pageQuerySchema = z.object({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Timestamps travel as ISO-8601 strings. */
export const isoDateTime = z.iso.datetime({ offset: true });
