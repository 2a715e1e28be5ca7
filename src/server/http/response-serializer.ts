import { isDeepStrictEqual } from 'node:util';
import fastJsonStringify from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { safeEncode, toJSONSchema, type ZodType } from 'zod';

/**
 * Drops `additionalProperties: false`: fast-json-stringify writes only the declared properties
 * anyway (as zod strips the rest), and in a union it would otherwise reject an object with an
 * extra property where zod strips it and picks the branch.
 */
function relaxed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(relaxed);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema' || (key === 'additionalProperties' && value === false)) continue;
    copy[key] = relaxed(value);
  }
  return copy;
}

const builtInShape = new WeakSet<ZodType>();

/**
 * Marks a response schema whose objects the handler builds in exactly the contract's shape (typed
 * builders: no extra properties, no dates or undefined): JSON.stringify writes it as is. For large
 * responses (thousands of objects), where it costs a fraction of fast-json-stringify's property by
 * property writing and builds the text flat. The test app still checks every answer against the contract.
 */
export function serializeAsBuilt(schema: ZodType): void {
  builtInShape.add(schema);
}

/**
 * Serialises native API responses with fast-json-stringify, compiled from the JSON Schema of the
 * contract's zod response schema: like zod it writes only the declared properties, at a fraction of
 * the cost of zod re-validating every response (a tenth of a small API call's CPU).
 *
 * With `verify` (the test app), every response is also encoded by zod, must satisfy the contract,
 * and must come out the same, so the test suite checks the contract and that the two agree.
 * A schema that has no JSON Schema form falls back to zod.
 */
export function responseSerializerCompiler(options: { verify: boolean }): FastifySerializerCompiler<ZodType> {
  return (route) => {
    const zodSchema = route.schema;
    let stringify: (data: unknown) => string;
    try {
      stringify = builtInShape.has(zodSchema) ? JSON.stringify : fastJsonStringify(relaxed(toJSONSchema(zodSchema, { io: 'output', target: 'draft-7' })) as never);
    } catch {
      return zodSerializerCompiler(route);
    }
    if (!options.verify) return stringify;
    return (data: unknown) => {
      const json = stringify(data);
      const encoded = safeEncode(zodSchema, data);
      if (!encoded.success) throw new Error(`${route.method} ${route.url} answered outside its contract: ${encoded.error.message}`);
      if (!isDeepStrictEqual(JSON.parse(json), JSON.parse(JSON.stringify(encoded.data)))) {
        throw new Error(`${route.method} ${route.url}: the serialiser and zod wrote the response differently:\n${json}`);
      }
      return json;
    };
  };
}
