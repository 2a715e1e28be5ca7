import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { auditExemptions, type MutationSample, mutationSamples } from '../../testing/mutation-samples';

const mutatingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** The sample for a route; an /ajax-api MLflow route uses its /api twin's sample with the URL moved. */
function sampleFor(key: string): MutationSample | undefined {
  const own = mutationSamples[key];
  if (own || !key.includes(' /ajax-api/')) return own;
  const twin = mutationSamples[key.replace(' /ajax-api/', ' /api/')];
  return twin && (async (context) => {
    const options = await twin(context);
    return { ...options, url: options.url.replace(/^\/api\//, '/ajax-api/') };
  });
}

describe('audit coverage', () => {
  it('every mutating route of both APIs writes an audit event', async () => {
    const admin = (await t.userWithRole('admin', 'coverage-admin')).headers;
    const routes = t.app.deps.routeTable.filter((r) => mutatingMethods.has(r.method));
    const keys = new Set(routes.map((r) => `${r.method} ${r.url}`));
    const problems: string[] = [];

    for (const key of keys) {
      if (auditExemptions[key] || auditExemptions[key.replace(' /ajax-api/', ' /api/')]) continue;
      const sample = sampleFor(key);
      if (!sample) {
        problems.push(
          `${key}: no sample request. Add one to your module's *.samples.ts (listed in src/server/testing/mutation-samples.ts) ` +
            'so this test can check that the route writes an audit event, or exempt it there with the reason it writes nothing.',
        );
        continue;
      }
      const response = await t.app.inject(await sample({ t, admin }));
      if (response.statusCode >= 400) {
        problems.push(`${key}: its sample request failed with ${response.statusCode} ${response.body.slice(0, 300)}; fix the sample`);
        continue;
      }
      const requestId = String(response.headers['x-request-id']);
      const written = await t.database.handle.db.selectFrom('audit_events').select('seq').where('request_id', '=', requestId).execute();
      if (written.length === 0) problems.push(`${key}: answered ${response.statusCode} but wrote no audit event (append one with appendAudit in the change's transaction)`);
    }

    for (const key of [...Object.keys(mutationSamples), ...Object.keys(auditExemptions)]) {
      if (!keys.has(key)) problems.push(`${key}: a sample or exemption for a route that does not exist; remove it or fix its key`);
    }
    expect(problems).toEqual([]);
    expect(keys.size).toBeGreaterThanOrEqual(10);
  });
});
