import type { Signature, SignatureColumn } from '../../../../shared/contract/models';

function Columns({ caption, columns }: { caption: string; columns: SignatureColumn[] }) {
  return (
    <table className="w-full text-sm">
      <caption className="px-5 pt-3 pb-1 text-left text-xs font-semibold text-muted-foreground uppercase">{caption}</caption>
      <thead className="text-left text-xs text-muted-foreground">
        <tr>
          <th className="px-5 py-1 font-medium">Name</th>
          <th className="px-5 py-1 font-medium">Type</th>
          <th className="px-5 py-1 font-medium">Shape</th>
          <th className="px-5 py-1 font-medium">Required</th>
        </tr>
      </thead>
      <tbody>
        {columns.length === 0 && <tr><td colSpan={4} className="px-5 py-1.5 text-muted-foreground">None</td></tr>}
        {columns.map((column, index) => (
          <tr key={`${column.name}-${index}`} className="border-t border-border">
            <td className="px-5 py-1.5 font-mono text-xs">{column.name ?? <span className="text-muted-foreground">#{index + 1}</span>}</td>
            <td className="px-5 py-1.5 font-mono text-xs">{column.type}</td>
            <td className="px-5 py-1.5 font-mono text-xs">{column.shape ?? '—'}</td>
            <td className="px-5 py-1.5">{column.optional ? 'optional' : 'required'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The model signature as tables: inputs, outputs and inference parameters. */
export function SignatureTable({ signature }: { signature: Signature | null }) {
  if (!signature) return <p className="px-5 py-4 text-sm text-muted-foreground">No signature logged. Log one with infer_signature(...) so callers know what to send.</p>;
  return (
    <div className="pb-3">
      <Columns caption="Inputs" columns={signature.inputs} />
      <Columns caption="Outputs" columns={signature.outputs} />
      {signature.params.length > 0 && (
        <table className="w-full text-sm">
          <caption className="px-5 pt-3 pb-1 text-left text-xs font-semibold text-muted-foreground uppercase">Parameters</caption>
          <tbody>
            {signature.params.map((param) => (
              <tr key={param.name} className="border-t border-border">
                <td className="px-5 py-1.5 font-mono text-xs">{param.name}</td>
                <td className="px-5 py-1.5 font-mono text-xs">{param.type}</td>
                <td className="px-5 py-1.5 text-xs">default {param.default ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
