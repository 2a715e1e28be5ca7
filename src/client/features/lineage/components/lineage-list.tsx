import { useState } from 'react';
import { Link } from 'react-router';
import type { LineageGraph, LineageNode } from '../../../../shared/contract/lineage';
import { Button } from '../../../components/ui/button';
import { nodeHref } from '../utils/node-href';
import { kindOrder, nodeKinds } from '../utils/node-kinds';

const shown = 20;

/** The graph as nested lists, upstream first: for keyboard and screen-reader users, and for search. */
export function LineageList({ graph }: { graph: LineageGraph }) {
  const [all, setAll] = useState<ReadonlySet<string>>(new Set());
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const relations = (node: LineageNode) => {
    const from = graph.edges.filter((edge) => edge.target === node.id).flatMap((edge) => byId.get(edge.source)?.label ?? []);
    const to = graph.edges.filter((edge) => edge.source === node.id).flatMap((edge) => byId.get(edge.target)?.label ?? []);
    return [from.length ? `from ${from.slice(0, 3).join(', ')}${from.length > 3 ? ` and ${from.length - 3} more` : ''}` : '', to.length ? `to ${to.slice(0, 3).join(', ')}${to.length > 3 ? ` and ${to.length - 3} more` : ''}` : '']
      .filter(Boolean)
      .join('; ');
  };
  return (
    <div className="space-y-4 p-4" aria-label="Lineage as a list">
      {kindOrder.map((kind) => {
        const nodes = graph.nodes.filter((node) => node.kind === kind);
        if (nodes.length === 0) return null;
        const visible = all.has(kind) ? nodes : nodes.slice(0, shown);
        return (
          <section key={kind} aria-labelledby={`lineage-list-${kind}`}>
            <h3 id={`lineage-list-${kind}`} className="text-xs font-semibold text-muted-foreground uppercase">
              {nodeKinds[kind].plural} ({nodes.length})
            </h3>
            <ul className="mt-1 space-y-1 text-sm">
              {visible.map((node) => {
                const href = nodeHref(node.ref);
                return (
                  <li key={node.id}>
                    {href ? (
                      <Link className="font-medium text-primary hover:underline" to={href}>
                        {node.label}
                      </Link>
                    ) : (
                      <span className="font-medium">{node.label}</span>
                    )}
                    {node.id === graph.root && <span className="ml-1 text-xs text-muted-foreground">(this page)</span>}
                    {node.deleted && <span className="ml-1 text-xs text-danger">deleted</span>}
                    <span className="ml-2 text-xs text-muted-foreground">{[node.detail, relations(node)].filter(Boolean).join(' · ')}</span>
                  </li>
                );
              })}
            </ul>
            {visible.length < nodes.length && (
              <Button variant="ghost" size="sm" onClick={() => setAll(new Set([...all, kind]))}>
                Show all {nodes.length} {nodeKinds[kind].plural}
              </Button>
            )}
          </section>
        );
      })}
    </div>
  );
}
