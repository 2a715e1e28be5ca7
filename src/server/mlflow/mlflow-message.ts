import { z } from 'zod';
import { invalidParameter } from '../errors';

/**
 * zod building blocks for MLflow's protobuf request messages. GET requests carry fields in the
 * query string (everything is a string; repeated fields are repeated keys), other methods in a
 * JSON body (int64 may be a number or a string, doubles may be "NaN"/"Infinity"), so each field
 * accepts both encodings.
 */
const intString = z.string().trim().regex(/^-?\d+$/);

// Strings are checked after conversion too: "99999999999999999999" must not reach a bigint column.
const safeInt = z.number().int();
export const int64 = z.union([safeInt, intString.transform(Number).pipe(safeInt)]);
const int32Range = safeInt.min(-(2 ** 31)).max(2 ** 31 - 1);
export const int32 = z.union([int32Range, intString.transform(Number).pipe(int32Range)]);

const specialDoubles: Record<string, number> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY };
export const double = z.union([
  z.number(),
  z.string().transform((value, ctx) => {
    if (value in specialDoubles) return specialDoubles[value] as number;
    const parsed = Number(value);
    if (value.trim() === '' || Number.isNaN(parsed)) {
      ctx.addIssue({ code: 'custom', message: 'must be a number' });
      return z.NEVER;
    }
    return parsed;
  }),
]);

export const bool = z.union([z.boolean(), z.enum(['true', 'false', 'True', 'False']).transform((v) => v.toLowerCase() === 'true')]);

/** Strings stay strings; numbers and booleans sent where a string is expected are converted, as protobuf's JSON parser does. */
export const str = z.union([z.string(), z.number().transform(String), z.boolean().transform(String)]);

/** A repeated field: a JSON array, or one or many query-string values. */
export function repeated<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (value === undefined || Array.isArray(value) ? value : [value]), z.array(item));
}

/** A message field sent as an object (JSON body) or, for GET, as a JSON string. */
export function message<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }, schema);
}

export const keyValue = z.object({ key: str, value: str.optional() });

/**
 * Parses a request message. Errors read like MLflow's, naming the parameter, so client code and
 * people see the same text they would get from MLflow.
 */
export function parseMessage<T extends z.ZodType>(schema: T, fields: unknown): z.output<T> {
  const result = schema.safeParse(fields);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = issue?.path.map(String).join('.') || 'request';
  const value = issue?.path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey], fields);
  const message =
    value === undefined
      ? `Missing value for required parameter '${name}'.`
      : `Invalid value ${JSON.stringify(value)?.slice(0, 200)} for parameter '${name}' supplied: ${issue?.message ?? 'invalid'}.`;
  throw invalidParameter(`${message} See the API docs for more information about request parameters.`, [
    { path: name, message: issue?.message ?? 'invalid' },
  ]);
}
