import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Suspense, lazy, useCallback, useMemo, useState } from 'react';
import type { LineageDirection } from '../../../../shared/contract/lineage';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { Select } from '../../../components/ui/field';
import { ErrorState, Spinner } from '../../../components/ui/query-state';
import { type LineageRoot, lineageQueries } from '../api/lineage.queries';
import { type MoreNode, visibleGraph } from '../utils/collapse';
import { kindOrder, nodeKinds } from '../utils/node-kinds';
import { LineageList } from './lineage-list';

// React Flow and dagre load only with a graph to draw.
const LineageCanvas = lazy(() => import('./lineage-canvas').then((module) => ({ default: module.LineageCanvas })));

interface LineageViewProps {
  root: LineageRoot;
  title?: string;
  description?: string;
  defaultDepth?: number;
}

/** The lineage card: a graph (or a list, for keyboards and screen readers) with depth and direction. */
export function LineageView({ root, title = 'Lineage', description = 'Datasets → run → logged model → version → deployments → monitoring. Click a node to light its path; its name opens its page.', defaultDepth = 4 }: LineageViewProps) {
  const [depth, setDepth] = useState(defaultDepth);
  const [direction, setDirection] = useState<LineageDirection>('both');
  const [view, setView] = useState<'graph' | 'list'>('graph');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);
  // A model's lineage starts from its newest versions; expanding the rest fetches all of them.
  const [allVersions, setAllVersions] = useState(false);
  const graph = useQuery({ ...lineageQueries.graph(root, { depth, direction, ...(allVersions && { versions: 3000 }) }), placeholderData: keepPreviousData });
  const visible = useMemo(() => (graph.data ? visibleGraph(graph.data, expanded) : null), [graph.data, expanded]);
  const expand = useCallback((more: MoreNode) => {
    setExpanded((current) => new Set([...current, more.group]));
    if (more.remote > 0) setAllVersions(true);
  }, []);
  const kinds = kindOrder.filter((kind) => graph.data?.nodes.some((node) => node.kind === kind));

  return (
    <Card role="region" aria-label={title}>
      <CardHeader title={title} description={description} />
      <div className="flex flex-wrap items-center gap-2 border-b border-border px-5 py-2">
            <Select aria-label="Direction" className="w-36!" value={direction} onChange={(event) => setDirection(event.target.value as LineageDirection)}>
              <option value="both">Both ways</option>
              <option value="up">Upstream</option>
              <option value="down">Downstream</option>
            </Select>
            <Select aria-label="Depth" className="w-28!" value={depth} onChange={(event) => setDepth(Number(event.target.value))}>
              {[1, 2, 3, 4, 5, 6, 8].map((value) => (
                <option key={value} value={value}>{`${value} hop${value > 1 ? 's' : ''}`}</option>
              ))}
            </Select>
            <Button variant="secondary" size="sm" aria-pressed={view === 'list'} onClick={() => setView(view === 'graph' ? 'list' : 'graph')}>
              {view === 'graph' ? 'Show as list' : 'Show as graph'}
            </Button>
      </div>
      {graph.isPending ? (
        <Spinner label="Loading the lineage" />
      ) : graph.isError ? (
        <div className="p-5">
          <ErrorState error={graph.error} onRetry={() => graph.refetch()} />
        </div>
      ) : graph.data.nodes.length <= 1 ? (
        <p className="px-5 py-6 text-sm text-muted-foreground">No lineage recorded yet: log the run's datasets with mlflow.log_input and register versions from runs.</p>
      ) : (
        <>
          {graph.data.truncated && <p className="px-5 pt-3 text-sm text-warning">The graph is large: only part of it is shown. Lower the depth or pick a direction.</p>}
          {view === 'list' ? (
            <LineageList graph={graph.data} />
          ) : (
            <div className="h-[520px]" data-testid="lineage-canvas">
              <Suspense fallback={<Spinner label="Drawing the graph" />}>
                {visible && <LineageCanvas nodes={visible.nodes} edges={visible.edges} root={graph.data.root} selected={selected} onSelect={setSelected} onExpand={expand} />}
              </Suspense>
            </div>
          )}
          <ul className="flex flex-wrap gap-3 border-t border-border px-5 py-2 text-xs text-muted-foreground" aria-label="Legend">
            {kinds.map((kind) => {
              const Icon = nodeKinds[kind].icon;
              return (
                <li key={kind} className="flex items-center gap-1">
                  <Icon className="size-3.5" aria-hidden /> {nodeKinds[kind].name}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Card>
  );
}
