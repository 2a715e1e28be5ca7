import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { Link } from 'react-router';
import type { LineageNode } from '../../../../shared/contract/lineage';
import { cn } from '../../../components/ui/cn';
import type { MoreNode } from '../utils/collapse';
import { nodeHref } from '../utils/node-href';
import { nodeKinds } from '../utils/node-kinds';

export type NodeState = {
  highlighted: boolean;
  dimmed: boolean;
  root: boolean;
};
export type LineageFlowNode = Node<{ node: LineageNode } & NodeState, 'lineage'>;
export type MoreFlowNode = Node<{ node: MoreNode; onExpand: (node: MoreNode) => void } & NodeState, 'more'>;

const handles = (
  <>
    <Handle type="target" position={Position.Left} className="!size-1.5 !border-0 !bg-muted-foreground" isConnectable={false} />
    <Handle type="source" position={Position.Right} className="!size-1.5 !border-0 !bg-muted-foreground" isConnectable={false} />
  </>
);

/** One node: its kind's shape and icon, a link to its page, and whether it is deleted. */
export function LineageNodeCard({ data }: NodeProps<LineageFlowNode>) {
  const { node } = data;
  const kind = nodeKinds[node.kind];
  const Icon = kind.icon;
  const href = nodeHref(node.ref);
  return (
    <div
      data-testid={`lineage-node-${node.kind}`}
      className={cn(
        'flex h-[60px] w-[208px] items-center gap-2 border border-l-4 bg-surface px-3 text-left shadow-sm transition-opacity',
        kind.shape,
        kind.accent,
        data.root && 'ring-2 ring-primary',
        data.highlighted && 'border-primary shadow-md',
        data.dimmed && 'opacity-40',
        node.deleted && 'bg-muted',
      )}
    >
      {handles}
      <Icon className="size-4 shrink-0 text-muted-foreground" aria-hidden />
      <div className="min-w-0">
        <p className="truncate text-xs font-medium text-foreground" title={node.label}>
          {href ? (
            <Link className={cn('nodrag hover:underline', node.deleted && 'line-through')} to={href} aria-label={`${kind.name} ${node.label}`}>
              {node.label}
            </Link>
          ) : (
            node.label
          )}
        </p>
        <p className="truncate text-[11px] text-muted-foreground">
          {kind.name}
          {node.detail ? ` · ${node.detail}` : ''}
        </p>
      </div>
    </div>
  );
}

/** "+N more": siblings left out of a large graph; a click shows them. */
export function MoreNodeCard({ data }: NodeProps<MoreFlowNode>) {
  const { node, onExpand } = data;
  return (
    <button
      type="button"
      onClick={() => onExpand(node)}
      className="nodrag flex h-[60px] w-[208px] items-center justify-center rounded-md border border-dashed border-border bg-muted text-xs font-medium text-foreground hover:border-primary"
    >
      {handles}+{node.count} more {nodeKinds[node.of].plural}
    </button>
  );
}
