import type { ModelVersion, RegisteredModel } from './registry-types';

/**
 * MLflow's wire shapes for registry objects (section 2 of the MLflow reference): snake_case,
 * `version` as a string, unset fields left out (mlflow-json.ts drops nulls and empty arrays).
 */
export function modelVersionJson(version: ModelVersion) {
  return {
    name: version.name,
    version: String(version.version),
    creation_timestamp: version.creationTimestamp,
    last_updated_timestamp: version.lastUpdatedTimestamp,
    user_id: version.userId,
    current_stage: version.currentStage,
    description: version.description,
    source: version.source,
    run_id: version.runId,
    status: version.status,
    status_message: version.statusMessage,
    tags: version.tags,
    run_link: version.runLink,
    aliases: version.aliases,
    model_id: version.modelId,
  };
}

/** `latest_versions` is deprecated but still sent, as MLflow does. */
export function registeredModelJson(model: RegisteredModel, latestVersions: ModelVersion[] = []) {
  return {
    name: model.name,
    creation_timestamp: model.creationTimestamp,
    last_updated_timestamp: model.lastUpdatedTimestamp,
    description: model.description,
    latest_versions: latestVersions.map(modelVersionJson),
    tags: model.tags,
    aliases: model.aliases.map((alias) => ({ alias: alias.alias, version: String(alias.version) })),
  };
}
