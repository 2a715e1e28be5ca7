import type { FastifyInstance } from 'fastify';
import { getDataset, getLineage } from '../../../shared/contract/lineage';
import { contractRoute } from '../../http/contract-route';
import { datasetPage } from './dataset-page.service';
import { lineageGraph } from './lineage-graph.service';

/** Lineage reads: the graph around a model, version, run or dataset, and a dataset's page. */
export async function lineageRoutes(app: FastifyInstance) {
  const db = app.deps.database.db;
  // Thousands of nodes and edges, built by the graph builder in the contract's shape.
  contractRoute(app, getLineage, 'registry:read', ({ query }) => lineageGraph(db, query), { asBuilt: true });
  contractRoute(app, getDataset, 'tracking:read', ({ params }) => datasetPage(db, params.digest));
}
