import type { HistoryEntry } from '../../../../shared/contract/deployments';
import { formatDateTime } from '../../../lib/format';
import { buildTimeline } from '../utils/timeline';

const width = 1000;
const lane = 28;
const top = 8;
const left = 56;

/** Which version served how much traffic over time, with a marker at every change (HTML/SVG). */
export function HistoryTimeline({ history, now }: { history: HistoryEntry[]; now: number }) {
  const timeline = buildTimeline(history, now);
  if (!timeline) return <p className="p-5 text-sm text-muted-foreground">Nothing has been deployed here yet.</p>;
  const height = top + timeline.versions.length * lane + 24;
  const x = (t: number) => left + ((t - timeline.start) / (timeline.end - timeline.start)) * (width - left - 8);
  const y = (version: number) => top + timeline.versions.indexOf(version) * lane;
  return (
    <figure className="p-5">
      <svg viewBox={`0 0 ${width} ${height}`} className="w-full" role="img" aria-label="Deployment history timeline">
        {timeline.versions.map((version) => (
          <text key={version} x={0} y={y(version) + lane / 2 + 4} className="fill-muted-foreground text-[12px]">
            v{version}
          </text>
        ))}
        {timeline.segments.map((s) => (
          <rect
            key={`${s.role}-${s.version}-${s.start}`}
            x={x(s.start)}
            y={y(s.version) + 4}
            width={Math.max(x(s.end) - x(s.start), 2)}
            height={lane - 8}
            rx={3}
            fill={s.role === 'stable' ? 'var(--chart-1)' : 'var(--chart-3)'}
            fillOpacity={0.25 + (0.75 * s.weight) / 100}
          >
            <title>{`v${s.version} ${s.role}, ${s.weight} % of traffic, ${formatDateTime(s.start)} – ${formatDateTime(s.end)}`}</title>
          </rect>
        ))}
        {timeline.markers.map((m) => (
          <g key={m.revision}>
            <line x1={x(m.at)} x2={x(m.at)} y1={top} y2={height - 20} stroke="var(--border)" strokeDasharray="3 3" />
            <circle cx={x(m.at)} cy={height - 16} r={4} fill={m.change === 'rollback' || m.change === 'canary-abort' ? 'var(--danger)' : 'var(--primary)'}>
              <title>{`Revision ${m.revision}: ${m.change} (${m.label}), ${formatDateTime(m.at)}`}</title>
            </circle>
          </g>
        ))}
      </svg>
      <figcaption className="mt-1 flex justify-between text-xs text-muted-foreground">
        <span>{formatDateTime(timeline.start)}</span>
        <span>
          <span className="mr-1 inline-block size-2 rounded-full bg-[var(--chart-1)]" /> stable
          <span className="mr-1 ml-3 inline-block size-2 rounded-full bg-[var(--chart-3)]" /> canary (opacity = traffic share)
        </span>
        <span>now</span>
      </figcaption>
    </figure>
  );
}
