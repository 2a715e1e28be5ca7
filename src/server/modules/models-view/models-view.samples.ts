import { seedExperiment, seedModel, seedRun, seedVersion } from '../../testing/lineage-fixtures';
import type { MutationSamples, SampleContext } from '../../testing/mutation-samples';

/** Valid requests for the dashboard's registry edits (see src/server/testing/mutation-samples.ts). */
let counter = 0;

/** A model named with a space and a slash, version 1 tagged `team` and aliased `champion`. */
async function model({ t }: SampleContext): Promise<string> {
  const db = t.database.handle.db;
  const name = `view sample/${++counter}`;
  await seedModel(db, name, { tags: { team: 'risk' } });
  await seedVersion(db, { name, version: 1, runId: await seedRun(db, { experimentId: await seedExperiment(db) }), aliases: ['champion'] });
  await db.insertInto('model_version_tags').values({ name, version: 1, key: 'team', value: 'risk' }).execute();
  return encodeURIComponent(name);
}

const base = '/api/v1/models';
export const modelsViewSamples: MutationSamples = {
  'PATCH /api/v1/models/:name': async (c) => ({ method: 'PATCH', url: `${base}/${await model(c)}`, headers: c.admin, payload: { description: 'Churn *model*' } }),
  'PUT /api/v1/models/:name/tags/:key': async (c) => ({ method: 'PUT', url: `${base}/${await model(c)}/tags/owner`, headers: c.admin, payload: { value: 'ada' } }),
  'DELETE /api/v1/models/:name/tags/:key': async (c) => ({ method: 'DELETE', url: `${base}/${await model(c)}/tags/team`, headers: c.admin }),
  'PATCH /api/v1/models/:name/versions/:version': async (c) => ({ method: 'PATCH', url: `${base}/${await model(c)}/versions/1`, headers: c.admin, payload: { description: 'v1' } }),
  'PUT /api/v1/models/:name/versions/:version/tags/:key': async (c) => ({ method: 'PUT', url: `${base}/${await model(c)}/versions/1/tags/k`, headers: c.admin, payload: { value: 'v' } }),
  'DELETE /api/v1/models/:name/versions/:version/tags/:key': async (c) => ({ method: 'DELETE', url: `${base}/${await model(c)}/versions/1/tags/team`, headers: c.admin }),
  'PUT /api/v1/models/:name/aliases/:alias': async (c) => ({ method: 'PUT', url: `${base}/${await model(c)}/aliases/challenger`, headers: c.admin, payload: { version: 1 } }),
  'DELETE /api/v1/models/:name/aliases/:alias': async (c) => ({ method: 'DELETE', url: `${base}/${await model(c)}/aliases/champion`, headers: c.admin }),
};
