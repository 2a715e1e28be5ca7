/** A logged model (MLflow 3) as the server reads it; MLflow's wire shape is in logged-models-json.ts. */
export const loggedModelStatuses = ['LOGGED_MODEL_PENDING', 'LOGGED_MODEL_READY', 'LOGGED_MODEL_UPLOAD_FAILED'] as const;
export type LoggedModelStatus = (typeof loggedModelStatuses)[number];

export interface LoggedModelMetric {
  key: string;
  value: number;
  timestamp: number;
  step: number;
  runId: string;
  datasetName: string | null;
  datasetDigest: string | null;
}

export interface LoggedModel {
  modelId: string;
  experimentId: string;
  name: string;
  artifactLocation: string;
  creationTimestampMs: number;
  lastUpdatedTimestampMs: number;
  status: LoggedModelStatus;
  statusMessage: string | null;
  lifecycleStage: string;
  modelType: string | null;
  sourceRunId: string | null;
  creatorId: string | null;
  tags: Array<{ key: string; value: string }>;
  params: Array<{ key: string; value: string }>;
  metrics: LoggedModelMetric[];
  /** Registered model versions created from it. */
  registrations: Array<{ name: string; version: number }>;
}
