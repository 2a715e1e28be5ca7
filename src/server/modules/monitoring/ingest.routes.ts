import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { getReference, ingestLabels as ingestLabelsRoute, ingestPredictions, startBaseline as startBaselineRoute, uploadReference as uploadReferenceRoute } from '../../../shared/contract/monitoring';
import { ApiError, invalidParameter } from '../../errors';
import { Admission } from '../../http/admission';
import { contractRoute } from '../../http/contract-route';
import { principalOf } from '../auth/auth.routes';
import { auditContextFor } from '../auth/principal';
import type { AlertScheduler } from './alert-scheduler';
import { startBaseline } from './baseline.service';
import { eventsBodyLimit, postedEvents, readBody } from './ingest-body';
import { ingestEvents } from './ingest.service';
import { ingestWriter } from './ingest-writer';
import { ingestLabels } from './labels.service';
import type { ProfileCache } from './profile-cache';
import { findActiveProfile, findBaseline, toProfileSummary } from './profiles.repository';
import { uploadReference } from './profiles.service';

const maxEventAgeMs = 30 * 86_400_000;
const maxFutureMs = 5 * 60_000;
/** Four batches in flight keep the writer's groups full under concurrent senders; the line holds sockets only. */
const maxBatchesInFlight = 4;
const maxBatchesWaiting = 64;

/** Writes: prediction events and labels (serving systems), reference profiles (data scientists). */
export async function ingestRoutes(app: FastifyInstance, options: { profiles: ProfileCache; scheduler: AlertScheduler }) {
  const { database } = app.deps;
  const { profiles, scheduler } = options;
  const writer = ingestWriter(database, profiles);

  // Fastify's default JSON parser (poisoning rejected), for batches that might carry a poisoned key.
  const defaultJsonParser = app.getDefaultJsonParser('error', 'error');
  const secureParse = (text: string) => {
    let parsed: { error: Error | null; body: unknown } = { error: null, body: undefined };
    defaultJsonParser({} as FastifyRequest, text, (error, body) => (parsed = { error, body }));
    if (parsed.error) throw parsed.error;
    return parsed.body;
  };
  // Reference files are streamed to disk as they arrive.
  app.addContentTypeParser(['text/csv', 'application/vnd.apache.parquet', 'application/x-parquet', 'application/octet-stream'], (_request, payload, done) => done(null, payload));

  // Prediction batches (up to 10,000 events, megabytes) are admitted a few at a time, before their
  // body is read: memory stays bounded however many senders post at once, and senders beyond the
  // line are told to retry. A batch is answered once it is committed.
  const admission = new Admission(maxBatchesInFlight, maxBatchesWaiting);
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    contractRoute(scope, ingestPredictions, 'monitoring:ingest', async ({ params }, request) => {
      const release = await admission.enter();
      if (!release) throw new ApiError('TEMPORARILY_UNAVAILABLE', 'Too many prediction batches in flight; retry shortly', { headers: { 'retry-after': '1' } });
      try {
        const posted = postedEvents(await readBody(request.body as Readable, eventsBodyLimit), request.headers['content-type'], secureParse);
        const { latest, ...result } = await ingestEvents({ database, profiles, writer, maxAgeMs: maxEventAgeMs, maxFutureMs }, Number(params.deploymentId), posted);
        if (latest !== null) scheduler.poke(Number(params.deploymentId));
        return result;
      } finally {
        release();
      }
    });
  });

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
