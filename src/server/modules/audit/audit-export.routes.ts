import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { type auditFiltersSchema, exportPath, exportQuerySchema, getExportReport } from '../../../shared/contract/audit';
import { contractRoute } from '../../http/contract-route';
import { exportEvents, exportReport } from './audit-export.service';
import { toFilters } from './audit-query.service';

const contentTypes = { csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson; charset=utf-8' };

/** The filters as given, for the report (so a reviewer sees what the file was cut to). */
const labelsOf = (filters: z.output<typeof auditFiltersSchema>) =>
  Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));

export async function auditExportRoutes(app: FastifyInstance) {
  const { database } = app.deps;

  app.route({
    method: 'GET',
    url: exportPath,
    config: { access: 'audit:read' },
    schema: { summary: 'Export the filtered trail as CSV or JSON Lines, streamed (admin, auditor)', tags: ['audit'], querystring: exportQuerySchema },
    handler: async (request, reply) => {
      const { format, ...filters } = request.query as z.output<typeof exportQuerySchema>;
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      reply
        .type(contentTypes[format])
        .header('content-disposition', `attachment; filename="sextant-audit-${stamp}.${format}"`)
        .header('cache-control', 'no-store');
      const resolved = await toFilters(database.db, filters);
      return reply.send(Readable.from(exportEvents(database, resolved, format, labelsOf(filters)), { objectMode: false }));
    },
  });

  contractRoute(app, getExportReport, 'audit:read', async ({ query }) => exportReport(database, await toFilters(database.db, query), labelsOf(query)));
}
