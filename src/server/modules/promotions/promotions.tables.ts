import type { Generated, Selectable } from 'kysely';

export interface PoliciesTable {
  /** `<environment>` for the environment's policy, `<environment>/<model>` for a model override. */
  scope: string;
  environment: string;
  model_name: string | null;
  policy_json: string;
  updated_by: string | null;
  updated_at: number;
}

export interface PromotionRequestsTable {
  id: Generated<number>;
  kind: string;
  model_name: string;
  environment: string;
  deployment_id: number;
  version: number | null;
  from_version: number | null;
  strategy: string | null;
  canary_steps: string | null;
  target_weight: number | null;
  base_revision: number;
  state: string;
  break_glass: number;
  requested_by: number;
  requested_by_name: string;
  justification: string;
  policy_json: string;
  required_approvals: number;
  /** `,approver,admin,`: delimited so `LIKE '%,<role>,%'` finds the requests a role may approve. */
  approver_roles: string;
  requester_may_approve: number;
  auto_apply: number;
  approval_count: Generated<number>;
  gate_results_json: string;
  gates_checked_at: number;
  failure_reason: string | null;
  created_at: number;
  updated_at: number;
  expires_at: number | null;
  applied_at: number | null;
  applied_by: string | null;
}

export interface PromotionDecisionsTable {
  id: Generated<number>;
  request_id: number;
  user_id: number;
  username: string;
  role: string;
  decision: string;
  comment: string | null;
  created_at: number;
}

export interface PromotionCommentsTable {
  id: Generated<number>;
  request_id: number;
  user_id: number;
  username: string;
  body: string;
  created_at: number;
}

export interface PromotionEventsTable {
  id: Generated<number>;
  request_id: number;
  kind: string;
  actor: string;
  message: string | null;
  created_at: number;
}

export interface PromotionsTables {
  policies: PoliciesTable;
  promotion_requests: PromotionRequestsTable;
  promotion_decisions: PromotionDecisionsTable;
  promotion_comments: PromotionCommentsTable;
  promotion_events: PromotionEventsTable;
}

export type PromotionRequestRow = Selectable<PromotionRequestsTable>;
