import { getDataset, getLineage, type DatasetPage, type LineageGraph } from '../../../../shared/contract/lineage';
import {
  compareVersions, deleteModelAlias, deleteModelTag, deleteVersionTag, getModel, getModelVersionDetail, getVersionMonitoring, listModels, listModelVersions,
  setModelAlias, setModelTag, setVersionTag, updateModelDescription, updateVersionDescription, type ModelSummary, type VersionDetail, type VersionRow,
} from '../../../../shared/contract/models';
import { buildDatasetPage, buildLineageGraph, buildModelSummary, buildVersionDetail, buildVersionRow } from '../../model-factories';
import { contractHandler, errorResponse } from '../contract-handler';

/** What the models and lineage handlers serve; tests replace parts with `mockModels`. */
interface State {
  models: ModelSummary[];
  versions: VersionRow[];
  details: VersionDetail[];
  lineage: LineageGraph;
  dataset: DatasetPage | null;
  /** Edits sent, for assertions: `METHOD path` and body. */
  calls: Array<{ route: string; body: unknown }>;
}
let state: State;

export function mockModels(next: Partial<Omit<State, 'calls'>> = {}) {
  state = {
    models: [buildModelSummary()],
    versions: [buildVersionRow({ version: 2, aliases: ['champion'] }), buildVersionRow({ version: 1, aliases: ['production'] })],
    details: [buildVersionDetail({ version: 1, aliases: ['production'] }), buildVersionDetail({ version: 2, aliases: ['champion'], metrics: [{ key: 'auc', value: 0.86 }] })],
    lineage: buildLineageGraph(),
    dataset: buildDatasetPage(),
    ...next,
    calls: [],
  };
  return state.calls;
}
mockModels();

const model = (name: unknown) => state.models.find((m) => m.name === name);
const detail = (name: unknown, version: unknown) => state.details.find((d) => d.name === name && d.version === Number(version));
const missing = (what: string) => errorResponse(404, 'RESOURCE_DOES_NOT_EXIST', `${what} not found`);
const record = (route: { method: string; path: string }, body: unknown) => {
  state.calls.push({ route: `${route.method} ${route.path}`, body });
  return {};
};

export const modelsHandlers = [
  contractHandler(listModels, ({ url }) => {
    const q = url.searchParams.get('q')?.toLowerCase();
    return { items: state.models.filter((m) => !q || m.name.toLowerCase().includes(q)), nextCursor: null };
  }),
  contractHandler(getModel, ({ params }) => model(params.name) ?? missing('Model')),
  contractHandler(listModelVersions, ({ params }) => (model(params.name) ? { items: state.versions, nextCursor: null } : missing('Model'))),
  contractHandler(getModelVersionDetail, ({ params }) => detail(params.name, params.version) ?? missing('Version')),
  contractHandler(getVersionMonitoring, () => ({ events: 1200, from: '2026-11-20T00:00:00.000Z', to: '2026-11-21T00:00:00.000Z', hasReference: true, driftShare: 0.25, datasetDrift: false, criticallyDrifted: false, driftedFeatures: ['tenure'] })),
  contractHandler(compareVersions, ({ params, url }) => {
    const a = detail(params.name, url.searchParams.get('a'));
    const b = detail(params.name, url.searchParams.get('b'));
    return a && b ? { a, b } : missing('Version');
  }),
  contractHandler(getLineage, () => state.lineage),
  contractHandler(getDataset, () => state.dataset ?? missing('Dataset')),
  contractHandler(updateModelDescription, ({ params, body }) => {
    record(updateModelDescription, body);
    return { ...(model(params.name) as ModelSummary), description: (body as { description: string }).description };
  }),
  contractHandler(updateVersionDescription, ({ params, body }) => {
    record(updateVersionDescription, body);
    return { ...(detail(params.name, params.version) as VersionDetail), description: (body as { description: string }).description };
  }),
  contractHandler(setModelTag, ({ params, body }) => record(setModelTag, { key: params.key, ...(body as object) })),
  contractHandler(deleteModelTag, ({ params }) => record(deleteModelTag, { key: params.key })),
  contractHandler(setVersionTag, ({ params, body }) => record(setVersionTag, { key: params.key, ...(body as object) })),
  contractHandler(deleteVersionTag, ({ params }) => record(deleteVersionTag, { key: params.key })),
  contractHandler(setModelAlias, ({ params, body }) => {
    if (params.alias === 'production') return errorResponse(403, 'PERMISSION_DENIED', "The alias 'production' is owned by the production environment; request a promotion in Sextant to move it.");
    return record(setModelAlias, { alias: params.alias, ...(body as object) });
  }),
  contractHandler(deleteModelAlias, ({ params }) => record(deleteModelAlias, { alias: params.alias })),
];
