import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { getReference, ingestLabels as ingestLabelsRoute, ingestPredictions, startBaseline as startBaselineRoute, uploadReference as uploadReferenceRoute } from '../../../shared/contract/monitoring';
import { invalidParameter } from '../../errors';
import { contractRoute } from '../../http/contract-route';
import { principalOf } from '../auth/auth.routes';
import { auditContextFor } from '../auth/principal';
import type { AlertScheduler } from './alert-scheduler';
import { startBaseline } from './baseline.service';
import { postedEvents, utf8Text } from './ingest-body';
import { ingestEvents } from './ingest.service';
import { ingestWriter } from './ingest-writer';
import { ingestLabels } from './labels.service';
import type { ProfileCache } from './profile-cache';
import { findActiveProfile, findBaseline, toProfileSummary } from './profiles.repository';
import { uploadReference } from './profiles.service';

const eventsBodyLimit = 32 * 1024 * 1024;
const maxEventAgeMs = 30 * 86_400_000;
const maxFutureMs = 5 * 60_000;

/** Writes: prediction events and labels (serving systems), reference profiles (data scientists). */
export async function ingestRoutes(app: FastifyInstance, options: { profiles: ProfileCache; scheduler: AlertScheduler }) {
  const { database } = app.deps;
  const { profiles, scheduler } = options;
  const writer = ingestWriter(database, profiles);

  // Batches are megabytes: read as bytes and made text by utf8Text (the default parsers decode as
  // UTF-8 even when every byte is ASCII). JSON is then parsed as by default (poisoning rejected).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body: Buffer, done) => parseJson(request, utf8Text(body), done));
  // NDJSON arrives as text and is split per line, so one bad line rejects only that event.
  app.addContentTypeParser('application/x-ndjson', { parseAs: 'buffer', bodyLimit: eventsBodyLimit }, (_request, body: Buffer, done) => done(null, utf8Text(body)));
  // Reference files are streamed to disk as they arrive.
  app.addContentTypeParser(['text/csv', 'application/vnd.apache.parquet', 'application/x-parquet', 'application/octet-stream'], (_request, payload, done) => done(null, payload));

  contractRoute(
    app,
    ingestPredictions,
    'monitoring:ingest',
    async ({ params }, request) => {
      const deploymentId = Number(params.deploymentId);
      const posted = postedEvents(request.body);
      // Megabytes of parsed events: held by nothing once folded, while the batch waits for its write.
      request.body = undefined;
      const { latest, ...result } = await ingestEvents({ database, profiles, writer, maxAgeMs: maxEventAgeMs, maxFutureMs }, deploymentId, posted);
      if (latest !== null) scheduler.poke(deploymentId);
      return result;
    },
    { bodyLimit: eventsBodyLimit },
  );

  contractRoute(app, ingestLabelsRoute, 'monitoring:ingest', ({ params, body }) => ingestLabels(database, profiles, Number(params.deploymentId), body.labels), { bodyLimit: eventsBodyLimit });

  contractRoute(app, getReference, 'monitoring:read', async ({ params }) => {
    const version = Number(params.version);
    const profile = await findActiveProfile(database.db, params.modelName, version);
    const baseline = await findBaseline(database.db, params.modelName, version);
    return {
      profile: profile ? toProfileSummary(profile) : null,
      baseline: baseline ? { target: baseline.target, collected: baseline.collected, createdAt: new Date(baseline.createdAt).toISOString() } : null,
    };
  });

  contractRoute(app, uploadReferenceRoute, 'monitoring:configure', async ({ params, query }, request) => {
    const body = request.body as Readable | undefined;
    const stream = body && typeof (body as Readable).pipe === 'function' ? body : null;
    if (!stream) {
      throw invalidParameter('Send the file as the request body with Content-Type text/csv or application/vnd.apache.parquet');
    }
    return uploadReference(database, profiles, { modelName: params.modelName, version: Number(params.version) }, stream, query, auditContextFor(principalOf(request), request));
  });

  contractRoute(app, startBaselineRoute, 'monitoring:configure', ({ params, body }, request) =>
    startBaseline(database, params.modelName, Number(params.version), body.events, auditContextFor(principalOf(request), request)),
  );
}
