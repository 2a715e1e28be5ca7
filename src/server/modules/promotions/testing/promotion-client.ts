import type { Policy } from '../../../../shared/contract/promotion-policies';
import type { CreateRequestBody, RequestDetail } from '../../../../shared/contract/promotions';
import type { TestApp } from '../../../testing/build-test-app';

type Headers = Record<string, string>;
export type Reply<T> = { status: number; body: T & { error?: { code: string; message: string } } };

/** Thin calls to the promotions API for tests: each returns the status and parsed body. */
export function promotionClient(t: TestApp) {
  return {
    create: (headers: Headers, body: CreateRequestBody) =>
      t.request<RequestDetail>({ method: 'POST', url: '/api/v1/promotions/requests', headers, payload: body }) as Promise<Reply<RequestDetail>>,
    act: (headers: Headers, requestId: string, action: 'approve' | 'reject' | 'cancel' | 'apply' | 'comments', payload: Record<string, unknown> = {}) =>
      t.request<RequestDetail>({
        method: 'POST',
        url: `/api/v1/promotions/requests/${requestId}/${action}`,
        headers,
        ...(action === 'apply' ? {} : { payload }),
      }) as Promise<Reply<RequestDetail>>,
    get: (headers: Headers, requestId: string) =>
      t.request<RequestDetail>({ method: 'GET', url: `/api/v1/promotions/requests/${requestId}`, headers }) as Promise<Reply<RequestDetail>>,
    /** Replaces an environment's policy with the seeded one changed by `changes`. */
    async setPolicy(admin: Headers, environment: string, changes: Partial<Policy>) {
      const list = await t.request<{ items: Array<{ scope: string; policy: Policy }> }>({ method: 'GET', url: '/api/v1/policies', headers: admin });
      const current = list.body.items.find((p) => p.scope === environment)?.policy;
      const response = await t.request({ method: 'PUT', url: `/api/v1/policies/${environment}`, headers: admin, payload: { ...current, ...changes } });
      if (response.status !== 200) throw new Error(`setPolicy failed: ${JSON.stringify(response.body)}`);
    },
    deployment: (modelName: string, environment: string) =>
      t.database.handle.db.selectFrom('deployments').selectAll().where('model_name', '=', modelName).where('environment', '=', environment).executeTakeFirst(),
    alias: (modelName: string, alias: string) =>
      t.database.handle.db.selectFrom('registered_model_aliases').select('version').where('name', '=', modelName).where('alias', '=', alias).executeTakeFirst(),
    audit: (entityType?: string) => {
      let query = t.database.handle.db.selectFrom('audit_events').select(['seq', 'action', 'entity_type', 'entity_id', 'actor_name', 'before_json', 'after_json', 'justification']).orderBy('seq');
      if (entityType) query = query.where('entity_type', '=', entityType);
      return query.execute();
    },
    outbox: () => t.database.handle.db.selectFrom('outbox_events').select(['event_type', 'payload_json']).orderBy('id').execute(),
  };
}
