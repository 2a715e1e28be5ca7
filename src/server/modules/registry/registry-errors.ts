import { alreadyExists, notFound } from '../../errors';

/** MLflow's wording for registry errors (clients and people match on it). */
export const registeredModelNotFound = (name: string) => notFound(`Registered Model with name=${name} not found`);
export const modelVersionNotFound = (name: string, version: number | string) => notFound(`Model Version (name=${name}, version=${version}) not found`);
export const registeredModelExists = (name: string) => alreadyExists(`Registered Model (name=${name}) already exists.`);

/** A unique-key violation from either database (two writers raced to create the same row). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
