import { Lock } from 'lucide-react';
import { Link } from 'react-router';
import type { ModelSummary } from '../../../../shared/contract/models';
import { Badge } from '../../../components/ui/badge';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';

/** Every model: aliases (locked when an environment owns them), latest version, what serves where, owner, last change. */
export function ModelsTable({ models }: { models: ModelSummary[] }) {
  return (
    <table className="w-full text-sm">
      <thead className="text-left text-xs text-muted-foreground uppercase">
        <tr>
          <th className="px-5 py-2 font-medium">Model</th>
          <th className="px-5 py-2 font-medium">Latest</th>
          <th className="px-5 py-2 font-medium">Aliases</th>
          <th className="px-5 py-2 font-medium">Serving</th>
          <th className="px-5 py-2 font-medium">Owner</th>
          <th className="px-5 py-2 font-medium">Last change</th>
        </tr>
      </thead>
      <tbody>
        {models.map((model) => (
          <tr key={model.name} className="border-t border-border align-top">
            <td className="px-5 py-2">
              <Link className="font-medium text-primary hover:underline" to={paths.model.href(model.name)}>
                {model.name}
              </Link>
              {model.tags.length > 0 && (
                <div className="mt-1 flex flex-wrap gap-1">
                  {model.tags.slice(0, 3).map((tag) => (
                    <Badge key={tag.key}>{tag.value ? `${tag.key}=${tag.value}` : tag.key}</Badge>
                  ))}
                </div>
              )}
            </td>
            <td className="px-5 py-2">
              {model.latestVersion === null ? <span className="text-muted-foreground">—</span> : <Link className="text-primary hover:underline" to={paths.modelVersion.href(model.name, model.latestVersion)}>v{model.latestVersion}</Link>}
              <span className="ml-1 text-xs text-muted-foreground">({model.versionCount})</span>
            </td>
            <td className="px-5 py-2">
              <div className="flex flex-wrap gap-1">
                {model.aliases.map((alias) => (
                  <span key={alias.alias} className="inline-flex items-center gap-0.5 rounded bg-muted px-1.5 py-0.5 font-mono text-xs" title={alias.ownedBy ? `Owned by ${alias.ownedBy}: moved by promotions only` : undefined}>
                    {alias.ownedBy && <Lock className="size-3" aria-label="Locked" />}@{alias.alias} v{alias.version}
                  </span>
                ))}
              </div>
            </td>
            <td className="px-5 py-2">
              {model.serving.length === 0 ? (
                <span className="text-muted-foreground">not deployed</span>
              ) : (
                <ul className="space-y-0.5">
                  {model.serving.map((serving) => (
                    <li key={serving.environment}>
                      <Link className="text-primary hover:underline" to={paths.deployment.href(serving.deploymentId)}>{serving.environment}</Link>: v{serving.stableVersion}
                      {serving.canaryVersion !== null && <span className="text-xs text-warning"> + canary v{serving.canaryVersion} ({serving.canaryWeight} %)</span>}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td className="px-5 py-2 text-muted-foreground">{model.owner ?? '—'}</td>
            <td className="px-5 py-2 text-muted-foreground">{formatDateTime(model.lastChangeAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
