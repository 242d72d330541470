/**
 * What pages show of a measurement: the proof on the claim page (runs, spread, environment,
 * command, raw files) and "ours" on the dagger page, filled from the measurement. Pure: snapshot
 * and `now` in, view data out.
 */
import type { Claim, Measurement } from '../../schemas/index.ts';
import { freshnessOf } from '../checks/freshness.ts';
import type { Entry, KitSnapshot } from '../content/snapshot.ts';
import { formatValue } from '../site/views.ts';
import type { Side } from './measurement.ts';
import { measurementAnchor, route } from '../site/routes.ts';

/** Where a measurement's raw file is served: `/measurements/<measurement id>/<file>`. */
export const rawFileUrl = route.measurementFile;

/** The anchor of a measurement on its claim page. */
export { measurementAnchor };

/** "write.clat.p99" -> "write completion latency, p99"; "csv:throughput" -> "throughput". */
export function statisticLabel(key: string): string {
  if (key.startsWith('csv:')) return key.slice(4);
  const [direction, what, ...rest] = key.split('.');
  const stat = rest.join('.');
  if (what === 'bandwidth') return `${direction} bandwidth`;
  if (what === 'iops') return `${direction} IOPS`;
  if (what === 'clat') return `${direction} completion latency, ${stat}`;
  return key;
}

export interface ProofView {
  id: string;
  anchor: string;
  side: Side;
  /** "Their figure (metric)" or the claim's `ours.label`. */
  sideLabel: string;
  median: string;
  min: string;
  max: string;
  n: number;
  /** (max - min) / median in %, one decimal; absent for one run. */
  spreadPct?: number;
  stale: boolean;
  due: string;
  tool: string;
  version?: string;
  statistic: string;
  command?: string;
  options: [string, string][];
  started: string;
  environment: [string, string][];
  runs: { n: number; file: string; href: string; row?: number; time?: string; value: string }[];
  files: { name: string; href: string; sha256: string }[];
}

const ENV_LABELS: [key: 'host' | 'system' | 'kernel' | 'cpu' | 'peer', label: string][] = [
  ['host', 'Host'], ['system', 'System'], ['kernel', 'Kernel'], ['cpu', 'CPU'], ['peer', 'Peer'],
];

export function proofView(m: Entry<Measurement>, claim: Entry<Claim>, now: string): ProofView {
  const d = m.data;
  const f = freshnessOf(d, now);
  const s = d.summary;
  const env: [string, string][] = ENV_LABELS.flatMap(([k, label]) => (d.environment[k] ? [[label, d.environment[k]] as [string, string]] : []));
  for (const [k, v] of Object.entries(d.environment.given ?? {})) env.push([`${k} (as given)`, v]);
  return {
    id: m.id,
    anchor: measurementAnchor(m.id),
    side: d.side,
    sideLabel: d.side === 'ours' ? (claim.data.ours?.label ?? 'Ours') : claim.data.metric.name,
    median: formatValue(s.median, d.unit),
    min: formatValue(s.min, d.unit),
    max: formatValue(s.max, d.unit),
    n: s.n,
    ...(s.n > 1 && s.median !== 0 ? { spreadPct: Math.round(((s.max - s.min) / Math.abs(s.median)) * 1000) / 10 } : {}),
    stale: f.stale,
    due: f.due,
    tool: d.tool,
    ...(d.version ? { version: d.version } : {}),
    statistic: statisticLabel(d.statistic),
    ...(d.command ? { command: d.command } : {}),
    options: Object.entries(d.options ?? {}),
    started: d.started,
    environment: env,
    runs: d.runs.map((r, i) => ({
      n: i + 1, file: r.file, href: rawFileUrl(m.id, r.file), ...(r.row ? { row: r.row } : {}), ...(r.time ? { time: r.time } : {}),
      value: formatValue(r.value, d.unit),
    })),
    files: d.files.map((x) => ({ name: x.name, href: rawFileUrl(m.id, x.name), sha256: x.sha256 })),
  };
}

/** The measurements a claim points at (in this edition), `metric` first. */
export function claimProofs(snapshot: KitSnapshot, claim: Entry<Claim>, now: string): ProofView[] {
  const sides: Side[] = ['metric', 'ours'];
  return sides.flatMap((side) => {
    const id = claim.data.evidence?.[side];
    const m = id ? snapshot.measurements.find((x) => x.id === id) : undefined;
    return m ? [proofView(m, claim, now)] : [];
  });
}

/** "Ours" for the dagger page: from the measurement when there is one (with its freshness), else as written. */
export interface OursFigure {
  label: string;
  value: number | 'TBD';
  unit: string;
  /** Set when a measurement gives the value. */
  measured?: { id: string; href: string; n: number; stale: boolean; started: string };
}

export function oursFigure(snapshot: KitSnapshot, claim: Entry<Claim>, now: string): OursFigure | undefined {
  const ours = claim.data.ours;
  if (!ours) return undefined;
  const id = claim.data.evidence?.ours;
  const m = id ? snapshot.measurements.find((x) => x.id === id) : undefined;
  if (!m || m.data.unit !== ours.unit) return { label: ours.label, value: ours.value, unit: ours.unit };
  return {
    label: ours.label,
    value: m.data.summary.median,
    unit: m.data.unit,
    measured: { id: m.id, href: route.measurement(m.id), n: m.data.summary.n, stale: freshnessOf(m.data, now).stale, started: m.data.started },
  };
}
