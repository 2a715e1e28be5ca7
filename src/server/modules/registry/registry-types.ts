/**
 * The registry's domain objects, as other modules read them (camelCase, timestamps in epoch
 * milliseconds). MLflow's wire shapes are built from these in registry-json.ts.
 */
export interface KeyValue {
  key: string;
  value: string;
}

export interface ModelAlias {
  alias: string;
  version: number;
}

export interface RegisteredModel {
  name: string;
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
  description: string | null;
  userId: string | null;
  tags: KeyValue[];
  aliases: ModelAlias[];
}

export const stages = ['None', 'Staging', 'Production', 'Archived'] as const;
export type Stage = (typeof stages)[number];

/** What Sextant keeps from a version's MLmodel file (see mlmodel.ts). */
export interface MlmodelSummary {
  flavors: Record<string, unknown>;
  signature: { inputs: unknown; outputs: unknown; params: unknown } | null;
  savedInputExampleInfo: Record<string, unknown> | null;
  modelSizeBytes: number | null;
  mlflowVersion: string | null;
  modelUuid: string | null;
  modelId: string | null;
  runId: string | null;
  utcTimeCreated: string | null;
  artifactPath: string | null;
}

export interface ModelVersion {
  name: string;
  version: number;
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
  description: string | null;
  userId: string | null;
  currentStage: Stage;
  /** What the client registered (`models:/m-…`, `runs:/…`, `mlflow-artifacts:/…`). */
  source: string;
  /** Where the files are: an `mlflow-artifacts:/` URI in this server's store. */
  storageLocation: string;
  runId: string | null;
  runLink: string | null;
  modelId: string | null;
  status: 'READY' | 'PENDING_REGISTRATION' | 'FAILED_REGISTRATION';
  statusMessage: string | null;
  tags: KeyValue[];
  aliases: string[];
  mlmodel: MlmodelSummary | null;
}
