import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Card, CardHeader } from '../../../components/ui/card';
import { ErrorState, Spinner } from '../../../components/ui/query-state';
import { paths } from '../../../config/paths';
import { modelsQueries } from '../api/models.queries';
import { compareSections } from '../utils/compare-rows';

/** Two versions side by side; rows that differ are marked. */
export function VersionCompare({ name, a, b, onClose }: { name: string; a: number; b: number; onClose: () => void }) {
  const compare = useQuery(modelsQueries.compare(name, a, b));
  return (
    <Card role="region" aria-label={`Compare v${a} and v${b}`}>
      <CardHeader
        title={`v${a} and v${b} side by side`}
        description="Metrics, parameters, signature and datasets; differences are highlighted."
        actions={<button type="button" className="text-sm text-primary hover:underline" onClick={onClose}>Close comparison</button>}
      />
      {compare.isPending ? (
        <Spinner label="Comparing" />
      ) : compare.isError ? (
        <div className="p-5"><ErrorState error={compare.error} onRetry={() => compare.refetch()} /></div>
      ) : (
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-muted-foreground uppercase">
            <tr>
              <th className="px-5 py-2 font-medium">&nbsp;</th>
              {[compare.data.a, compare.data.b].map((v) => (
                <th key={v.version} className="px-5 py-2 font-medium normal-case">
                  <Link className="text-primary hover:underline" to={paths.modelVersion.href(name, v.version)}>v{v.version}</Link>
                  {v.runName && <span className="ml-1 text-muted-foreground">from {v.runName}</span>}
                </th>
              ))}
            </tr>
          </thead>
          {compareSections(compare.data.a, compare.data.b).map((section) => (
            <tbody key={section.title}>
              <tr className="border-t border-border bg-muted/50">
                <th colSpan={3} scope="colgroup" className="px-5 py-1.5 text-left text-xs font-semibold">{section.title}</th>
              </tr>
              {section.rows.length === 0 && (
                <tr><td colSpan={3} className="px-5 py-1.5 text-muted-foreground">None on either side.</td></tr>
              )}
              {section.rows.map((row) => (
                <tr key={row.key} className={`border-t border-border ${row.differs ? 'bg-warning/10' : ''}`} data-differs={row.differs}>
                  <th scope="row" className="px-5 py-1.5 text-left font-mono text-xs font-normal">{row.key}</th>
                  <td className="px-5 py-1.5 font-mono text-xs">{row.a}</td>
                  <td className="px-5 py-1.5 font-mono text-xs">{row.b}{row.differs && <span className="sr-only"> (differs)</span>}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
    </Card>
  );
}
