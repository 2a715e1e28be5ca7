import type { Generated } from 'kysely';

export interface EnvironmentsTable {
  name: string;
  display_order: number;
  protected: number;
  /** JSON array of registry aliases this environment owns; only promotions move them. */
  owned_aliases: string;
  description: string | null;
  created_at: number;
  updated_at: number;
}

export interface DeploymentsTable {
  id: Generated<number>;
  model_name: string;
  environment: string;
  stable_version: number | null;
  canary_version: number | null;
  canary_weight: number;
  status: string;
  /** Incremented by every change (optimistic concurrency for apply). */
  revision: number;
  updated_by: string | null;
  updated_at: number;
  /** direct | blue-green | canary: how the serving version(s) got there. */
  strategy: string | null;
  /** The approved canary plan, a JSON array of weights (e.g. [10,25,50,100]). */
  canary_steps: string | null;
  /** The promotion request that last changed the deployment. */
  request_id: string | null;
}

export interface DeploymentHistoryTable {
  id: Generated<number>;
  deployment_id: number;
  revision: number;
  stable_version: number | null;
  canary_version: number | null;
  canary_weight: number;
  status: string;
  change: string;
  request_id: string | null;
  changed_by: string;
  changed_at: number;
  justification: string | null;
}

export interface DeploymentsTables {
  environments: EnvironmentsTable;
  deployments: DeploymentsTable;
  deployment_history: DeploymentHistoryTable;
}
