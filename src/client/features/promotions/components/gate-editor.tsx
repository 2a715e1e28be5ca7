import { useState } from 'react';
import type { Gate, GateType } from '../../../../shared/contract/promotion-policies';
import { Button } from '../../../components/ui/button';
import { Input, Select } from '../../../components/ui/field';

const defaults: Record<GateType, Gate> = {
  'metric-threshold': { type: 'metric-threshold', metric: 'auc', operator: '>=', threshold: 0.85 },
  'beat-current': { type: 'beat-current', metric: 'auc', margin: 0.005, higherIsBetter: true },
  'required-tags': { type: 'required-tags', tags: ['model_card', 'validated_by'] },
  'signature-present': { type: 'signature-present' },
  'no-critical-drift': { type: 'no-critical-drift' },
  'webhook-check': { type: 'webhook-check', url: 'https://', timeoutMs: 5000 },
};
const names: Record<GateType, string> = {
  'metric-threshold': 'Metric threshold',
  'beat-current': 'Beats the serving version',
  'required-tags': 'Required tags',
  'signature-present': 'Signature present',
  'no-critical-drift': 'No critical drift',
  'webhook-check': 'Webhook check',
};
const small = 'h-8 text-xs';

function GateFields({ gate, onChange }: { gate: Gate; onChange: (gate: Gate) => void }) {
  const fields = gateFields(gate, onChange);
  return fields && <div className="mt-2 flex flex-wrap items-center gap-2 [&>*]:w-auto [&>*]:min-w-24 [&>*]:flex-1">{fields}</div>;
}

function gateFields(gate: Gate, onChange: (gate: Gate) => void) {
  switch (gate.type) {
    case 'metric-threshold':
      return (
        <>
          <Input aria-label="Metric" className={small} value={gate.metric} onChange={(e) => onChange({ ...gate, metric: e.target.value })} />
          <Select aria-label="Operator" className={small} value={gate.operator} onChange={(e) => onChange({ ...gate, operator: e.target.value as typeof gate.operator })}>
            {(['>=', '>', '<=', '<'] as const).map((o) => <option key={o}>{o}</option>)}
          </Select>
          <Input aria-label="Threshold" type="number" step="any" className={small} value={gate.threshold} onChange={(e) => onChange({ ...gate, threshold: Number(e.target.value) })} />
        </>
      );
    case 'beat-current':
      return (
        <>
          <Input aria-label="Metric" className={small} value={gate.metric} onChange={(e) => onChange({ ...gate, metric: e.target.value })} />
          <Input aria-label="Margin" type="number" step="any" min={0} className={small} value={gate.margin} onChange={(e) => onChange({ ...gate, margin: Number(e.target.value) })} />
          <label className="flex items-center gap-1 text-xs">
            <input type="checkbox" checked={gate.higherIsBetter} onChange={(e) => onChange({ ...gate, higherIsBetter: e.target.checked })} /> higher is better
          </label>
        </>
      );
    case 'required-tags':
      return <TagsInput tags={gate.tags} onChange={(tags) => onChange({ ...gate, tags })} />;
    case 'webhook-check':
      return (
        <>
          <Input aria-label="URL" className={small} value={gate.url} onChange={(e) => onChange({ ...gate, url: e.target.value })} />
          <Input aria-label="Timeout (ms)" type="number" className={small} value={gate.timeoutMs} onChange={(e) => onChange({ ...gate, timeoutMs: Number(e.target.value) })} />
        </>
      );
    default:
      return null;
  }
}

/** Comma-separated tags; the raw text is kept so typing a comma does not vanish. */
function TagsInput({ tags, onChange }: { tags: string[]; onChange: (tags: string[]) => void }) {
  const [text, setText] = useState(tags.join(', '));
  return (
    <Input
      aria-label="Tags"
      className={small}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(e.target.value.split(',').map((t) => t.trim()).filter(Boolean));
      }}
    />
  );
}

/** The policy's typed gate list: edit each gate's settings, add and remove gates. */
export function GateEditor({ gates, onChange }: { gates: Gate[]; onChange: (gates: Gate[]) => void }) {
  const [adding, setAdding] = useState<GateType>('metric-threshold');
  return (
    <div className="space-y-2">
      <ul className="space-y-2" aria-label="Gates">
        {gates.map((gate, index) => (
          <li key={index} className="rounded-md border border-border px-3 py-2 text-sm">
            <div className="flex items-center justify-between gap-2">
              <span className="font-medium">{names[gate.type]}</span>
              <Button variant="ghost" size="sm" aria-label={`Remove ${names[gate.type]}`} onClick={() => onChange(gates.filter((_, i) => i !== index))}>
                Remove
              </Button>
            </div>
            <GateFields gate={gate} onChange={(next) => onChange(gates.map((g, i) => (i === index ? next : g)))} />
          </li>
        ))}
      </ul>
      <div className="flex gap-2">
        <Select aria-label="Gate type" className="h-8 text-sm" value={adding} onChange={(e) => setAdding(e.target.value as GateType)}>
          {(Object.keys(names) as GateType[]).map((t) => <option key={t} value={t}>{names[t]}</option>)}
        </Select>
        <Button variant="secondary" size="sm" className="shrink-0" onClick={() => onChange([...gates, defaults[adding]])}>Add gate</Button>
      </div>
    </div>
  );
}
