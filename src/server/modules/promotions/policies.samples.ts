import type { InjectOptions } from 'fastify';
import type { MutationSamples, SampleContext } from '../../testing/mutation-samples';
import { createModelVersion } from './testing/registry-fixtures';

/** Valid requests for the policy routes (see src/server/testing/mutation-samples.ts). */
let counter = 0;

/** A fresh environment (its default policy comes with it), so no sample changes another's rules. */
async function environment({ t, admin }: SampleContext): Promise<{ name: string; policy: unknown }> {
  const name = `policy-sample-${++counter}`;
  const send = (options: InjectOptions) => t.app.inject({ ...options, headers: admin });
  await send({ method: 'POST', url: '/api/v1/environments', payload: { name, order: 50, protected: true, ownedAliases: [], description: null } });
  const policies = (await send({ method: 'GET', url: '/api/v1/policies' })).json() as { items: Array<{ scope: string; policy: unknown }> };
  const policy = policies.items.find((p) => p.scope === name)?.policy;
  if (!policy) throw new Error(`no default policy for ${name}`);
  return { name, policy };
}

async function model(c: SampleContext): Promise<string> {
  const name = `policy-model-${++counter}`;
  await createModelVersion(c.t.database.handle.db, { name, version: 1 });
  return name;
}

export const policiesSamples: MutationSamples = {
  'PUT /api/v1/policies/:environment': async (c) => {
    const { name, policy } = await environment(c);
    return { method: 'PUT', url: `/api/v1/policies/${name}`, headers: c.admin, payload: { ...(policy as object), requiredApprovals: 2 } };
  },
  'PUT /api/v1/policies/:environment/:model': async (c) => {
    const { name, policy } = await environment(c);
    return { method: 'PUT', url: `/api/v1/policies/${name}/${await model(c)}`, headers: c.admin, payload: policy as object };
  },
  'DELETE /api/v1/policies/:environment/:model': async (c) => {
    const { name, policy } = await environment(c);
    const url = `/api/v1/policies/${name}/${await model(c)}`;
    await c.t.app.inject({ method: 'PUT', url, headers: c.admin, payload: policy as object });
    return { method: 'DELETE', url, headers: c.admin };
  },
};
