import { z } from 'zod';
import { bool, int64, repeated } from '../../mlflow/mlflow-message';
import { optionalText, text } from '../../mlflow/mlflow-text';

/** Request messages of the model registry service (model_registry.proto). */
const tag = z.object({ key: text, value: optionalText });
const tags = repeated(tag).optional();

export const nameOnly = z.object({ name: text });
export const createRegisteredModel = z.object({ name: text, tags, description: optionalText });
export const renameRegisteredModel = z.object({ name: text, new_name: text });
export const updateRegisteredModel = z.object({ name: text, description: optionalText });
export const setRegisteredModelTag = z.object({ name: text, key: text, value: optionalText });
export const deleteRegisteredModelTag = z.object({ name: text, key: text });
export const setAlias = z.object({ name: text, alias: text, version: text });
export const aliasRef = z.object({ name: text, alias: text });
export const getLatestVersions = z.object({ name: text, stages: repeated(text).optional() });
export const search = z.object({
  filter: optionalText,
  max_results: int64.optional(),
  order_by: repeated(text).optional(),
  page_token: optionalText,
});

export const versionRef = z.object({ name: text, version: text });
export const createModelVersion = z.object({
  name: text,
  source: text,
  run_id: optionalText,
  tags,
  run_link: optionalText,
  description: optionalText,
  model_id: optionalText,
});
export const updateModelVersion = versionRef.extend({ description: optionalText });
export const setModelVersionTag = versionRef.extend({ key: text, value: optionalText });
export const deleteModelVersionTag = versionRef.extend({ key: text });
export const transitionStage = versionRef.extend({ stage: text, archive_existing_versions: bool.optional() });
