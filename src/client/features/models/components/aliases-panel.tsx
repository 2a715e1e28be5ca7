import { Lock, X } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { ModelAlias } from '../../../../shared/contract/models';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/field';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { useDeleteAlias, useSetAlias } from '../api/models.mutations';

interface AliasesPanelProps {
  name: string;
  aliases: ModelAlias[];
  canEdit: boolean;
  /** The version the form points new aliases at (a version page); otherwise the user picks one. */
  version?: number;
  /** Where an owned alias is moved: the deployment page of its environment, if it has one. */
  promotionHref: (environment: string) => string;
}

/**
 * Aliases of a model. Free ones (e.g. champion) can be set and removed here; those a deployment
 * environment owns show a lock and point to the promotion flow, the only way they move.
 */
export function AliasesPanel({ name, aliases, canEdit, version, promotionHref }: AliasesPanelProps) {
  const [alias, setAlias] = useState('');
  const [target, setTarget] = useState(version ? String(version) : '');
  const set = useSetAlias(name);
  const remove = useDeleteAlias(name);
  const error = [set.error, remove.error].find((e) => e instanceof ApiError);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    set.mutate({ alias: alias.trim(), version: Number(target) }, { onSuccess: () => setAlias('') });
  };
  return (
    <div className="space-y-2">
      <ul className="space-y-1 text-sm" aria-label="Aliases">
        {aliases.length === 0 && <li className="text-muted-foreground">No aliases.</li>}
        {aliases.map((entry) => (
          <li key={entry.alias} className="flex items-center gap-2">
            <span className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">@{entry.alias}</span>
            <span>→</span>
            <Link className="text-primary hover:underline" to={paths.modelVersion.href(name, entry.version)}>v{entry.version}</Link>
            {entry.ownedBy ? (
              <span className="inline-flex items-center gap-1 text-xs text-muted-foreground">
                <Lock className="size-3" aria-label="Locked" /> owned by {entry.ownedBy};{' '}
                <Link className="text-primary hover:underline" to={promotionHref(entry.ownedBy)}>moved by a promotion</Link>
              </span>
            ) : (
              canEdit && (
                <button type="button" className="text-muted-foreground hover:text-danger" aria-label={`Remove alias ${entry.alias}`} onClick={() => remove.mutate(entry.alias)}>
                  <X className="size-3.5" aria-hidden />
                </button>
              )
            )}
          </li>
        ))}
      </ul>
      {canEdit && (
        <form onSubmit={submit} className="flex flex-wrap items-center gap-2">
          <Input aria-label="Alias" placeholder="champion" className="w-36!" value={alias} onChange={(event) => setAlias(event.target.value)} required pattern="[A-Za-z0-9_\-]{1,64}" />
          {version === undefined && <Input aria-label="Version" type="number" min={1} placeholder="version" className="w-24!" value={target} onChange={(event) => setTarget(event.target.value)} required />}
          <Button type="submit" size="sm" variant="secondary" disabled={set.isPending || !alias.trim() || !target}>
            {version === undefined ? 'Set alias' : `Point at v${version}`}
          </Button>
        </form>
      )}
      {error && <p role="alert" className="text-sm text-danger">{error.message}</p>}
    </div>
  );
}
