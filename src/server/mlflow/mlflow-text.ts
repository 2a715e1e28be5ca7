import { z } from 'zod';
import { str } from './mlflow-message';

/**
 * A string field that may be stored: no NUL (PostgreSQL text cannot hold it, and no MLflow value
 * needs it). Use it for every field written to the database or used in a query.
 */
export const text = str.refine((value) => !value.includes('\u0000'), 'must not contain NUL characters');

/** An optional string that also accepts JSON null (some clients send null for unset fields). */
export const optionalText = z.preprocess((value) => (value === null ? undefined : value), text.optional());
