import type { LoggedModel } from './logged-model-types';

/** MLflow's LoggedModel message (section 2 of the MLflow reference). */
export function loggedModelJson(model: LoggedModel) {
  return {
    info: {
      model_id: model.modelId,
      experiment_id: model.experimentId,
      name: model.name,
      creation_timestamp_ms: model.creationTimestampMs,
      last_updated_timestamp_ms: model.lastUpdatedTimestampMs,
      artifact_uri: model.artifactLocation,
      status: model.status,
      creator_id: model.creatorId === null ? null : Number(model.creatorId),
      model_type: model.modelType,
      source_run_id: model.sourceRunId,
      status_message: model.statusMessage,
      tags: model.tags,
      registrations: model.registrations.map((r) => ({ name: r.name, version: String(r.version) })),
    },
    data: {
      params: model.params,
      metrics: model.metrics.map((metric) => ({
        key: metric.key,
        value: metric.value,
        timestamp: metric.timestamp,
        step: metric.step,
        dataset_name: metric.datasetName,
        dataset_digest: metric.datasetDigest,
        model_id: model.modelId,
        run_id: metric.runId,
      })),
    },
  };
}
