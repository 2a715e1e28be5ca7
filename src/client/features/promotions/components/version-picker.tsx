import { useQuery } from '@tanstack/react-query';
import { Field, Select } from '../../../components/ui/field';
import { promotionsQueries } from '../api/promotions.queries';

/** Picks a registered model and one of its versions (newest first). */
export function VersionPicker({
  modelName,
  version,
  onChange,
}: {
  modelName: string;
  version: number | null;
  onChange: (next: { modelName: string; version: number | null }) => void;
}) {
  const candidates = useQuery(promotionsQueries.candidates());
  const models = candidates.data?.models ?? [];
  const versions = models.find((m) => m.name === modelName)?.versions ?? [];
  return (
    <div className="grid grid-cols-[1fr_8rem] gap-3">
      <Field label="Model" hint={candidates.isError ? candidates.error.message : undefined}>
        {(props) => (
          <Select {...props} value={modelName} onChange={(e) => onChange({ modelName: e.target.value, version: null })}>
            <option value="">{candidates.isPending ? 'Loading…' : 'Choose a model'}</option>
            {models.map((m) => (
              <option key={m.name} value={m.name}>
                {m.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Version">
        {(props) => (
          <Select {...props} value={version ?? ''} disabled={!modelName} onChange={(e) => onChange({ modelName, version: e.target.value ? Number(e.target.value) : null })}>
            <option value="">—</option>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </div>
  );
}
