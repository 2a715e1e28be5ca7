import type { RunRow, RunsQuery } from '../../../shared/contract/runs';
import type { DatabaseHandle } from '../../db/database';
import { csvField } from '../audit/audit-export-format';
import { searchRuns } from '../tracking/run-search.service';
import { rowsOf, searchInputOf } from './runs-page.service';

const pageSize = 1000;
const fixedColumns = ['run_id', 'run_name', 'status', 'start_time', 'end_time', 'duration_ms', 'user', 'source', 'git_commit', 'parent_run_id', 'datasets', 'registered_models'];

const line = (values: Array<string | number | null>) => `${values.map(csvField).join(',')}\r\n`;

function valuesOf(row: RunRow, columns: RunsQuery['columns']): Array<string | number | null> {
  const end = row.endTime ? Date.parse(row.endTime) : null;
  return [
    row.runId, row.runName, row.status, row.startTime, row.endTime, end === null ? null : end - Date.parse(row.startTime), row.userId,
    row.source, row.gitCommit, row.parentRunId,
    row.datasets.map((d) => `${d.name}@${d.digest}`).join(' '), row.registeredVersions.map((v) => `${v.name}/${v.version}`).join(' '),
    ...columns.metrics.map((key) => { const v = row.metrics[key]; return v === undefined ? null : String(v); }),
    ...columns.params.map((key) => row.params[key] ?? null),
    ...columns.tags.map((key) => row.tags[key] ?? null),
  ];
}

/**
 * The runs view as CSV, a page of 1,000 runs at a time: memory stays flat whatever the
 * experiment's size. The query was validated before the first byte (see the route).
 */
export async function* exportRunsCsv(database: DatabaseHandle, query: RunsQuery): AsyncGenerator<string> {
  const { columns } = query;
  yield line([...fixedColumns, ...columns.metrics.map((k) => `metrics.${k}`), ...columns.params.map((k) => `params.${k}`), ...columns.tags.map((k) => `tags.${k}`)]);
  let pageToken: string | undefined;
  do {
    const page = await searchRuns(database, { ...searchInputOf(query), maxResults: pageSize, pageToken });
    const rows = await rowsOf(database, page.runIds, columns);
    yield rows.map((row) => line(valuesOf(row, columns))).join('');
    pageToken = page.nextPageToken;
  } while (pageToken);
}
