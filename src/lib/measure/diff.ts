/**
 * What a change does to measured figures, for `fieldkit diff`: for each claim figure backed by a
 * measurement (`evidence.metric` / `evidence.ours`), the old and new median, the change in %,
 * whether our gap widened or narrowed, and the raw result files added or removed. Pure.
 */
import type { Claim, Measurement } from '../../schemas/index.ts';
import type { KitSnapshot } from '../content/snapshot.ts';
import { formatValue } from '../site/views.ts';
import { SIDES, type Side } from './measurement.ts';

export interface MeasuredFigure {
  /** The measurement id. */
  id: string;
  median: number;
  min: number;
  max: number;
  n: number;
  unit: string;
}

export interface MeasurementChange {
  claim: string;
  side: Side;
  kind: 'added' | 'removed' | 'changed';
  before?: MeasuredFigure;
  after?: MeasuredFigure;
  /** (after - before) / |before| x 100, one decimal, when both are in one unit and before is not 0. */
  changePct?: number;
  /**
   * Our lead over the competitor: `widened` when our figure moved the better way or theirs the
   * worse way; `narrowed` the other way round; `unchanged` when the median did not move.
   */
  gap?: 'widened' | 'narrowed' | 'unchanged';
  /** Raw result files (`<measurement id>/<name>`) added and removed; an edited file counts as both. */
  filesAdded: string[];
  filesRemoved: string[];
}

interface Side_ {
  claim?: Claim;
  m?: { id: string; data: Measurement };
}

function lookup(snapshot: KitSnapshot, claimId: string, side: Side): Side_ {
  const claim = snapshot.claims.find((c) => c.id === claimId)?.data;
  const id = claim?.evidence?.[side];
  const m = id ? snapshot.measurements.find((x) => x.id === id) : undefined;
  return { claim, m: m ? { id: m.id, data: m.data } : undefined };
}

const figure = (m: { id: string; data: Measurement }): MeasuredFigure => ({ id: m.id, ...m.data.summary, unit: m.data.unit });
const fileKeys = (m?: { id: string; data: Measurement }) => new Map((m?.data.files ?? []).map((f) => [`${m!.id}/${f.name}`, f.sha256]));

export function measurementChanges(base: KitSnapshot, head: KitSnapshot): MeasurementChange[] {
  const keys = new Set<string>();
  for (const s of [base, head]) {
    for (const c of s.claims) for (const side of SIDES) if (c.data.evidence?.[side]) keys.add(`${c.id}\u0000${side}`);
  }
  const out: MeasurementChange[] = [];
  for (const key of [...keys].sort()) {
    const [claimId, side] = key.split('\u0000') as [string, Side];
    const a = lookup(base, claimId, side);
    const b = lookup(head, claimId, side);
    if (!a.m && !b.m) continue;
    if (a.m && b.m && a.m.id === b.m.id && JSON.stringify(a.m.data) === JSON.stringify(b.m.data)) continue;
    const kind = !a.m ? 'added' : !b.m ? 'removed' : 'changed';
    const fa = fileKeys(a.m);
    const fb = fileKeys(b.m);
    const change: MeasurementChange = {
      claim: claimId, side, kind,
      ...(a.m ? { before: figure(a.m) } : {}),
      ...(b.m ? { after: figure(b.m) } : {}),
      filesAdded: [...fb].filter(([k, sha]) => fa.get(k) !== sha).map(([k]) => k),
      filesRemoved: [...fa].filter(([k, sha]) => fb.get(k) !== sha).map(([k]) => k),
    };
    const { before, after } = change;
    if (before && after && before.unit === after.unit) {
      if (before.median !== 0) change.changePct = Math.round(((after.median - before.median) / Math.abs(before.median)) * 1000) / 10;
      const better = (b.claim ?? a.claim)?.metric.better ?? 'higher';
      const moved = Math.sign(after.median - before.median) * (better === 'higher' ? 1 : -1); // +1: moved the better way
      // Our figure moving the better way widens our lead; theirs moving the better way narrows it.
      change.gap = moved === 0 ? 'unchanged' : (moved > 0) === (side === 'ours') ? 'widened' : 'narrowed';
    }
    out.push(change);
  }
  return out;
}

/** One change as lines of text, for the markdown and text reports. */
export function measurementLines(c: MeasurementChange, arrow: string): string[] {
  const what = c.side === 'ours' ? 'ours' : 'their figure';
  const v = (f: MeasuredFigure) => `${formatValue(f.median, f.unit)} (n = ${f.n}, ${formatValue(f.min)}–${formatValue(f.max)})`;
  const lines: string[] = [];
  if (c.before && c.after) {
    const pct = c.changePct === undefined ? '' : `, ${c.changePct > 0 ? '+' : ''}${c.changePct} %`;
    const gap = c.gap && c.gap !== 'unchanged' ? `; gap ${c.gap}` : '';
    lines.push(`${what}: median ${v(c.before)} ${arrow} ${v(c.after)}${pct}${gap}`);
    if (c.before.id !== c.after.id) lines.push(`measurement ${c.before.id} ${arrow} ${c.after.id}`);
  } else if (c.after) {
    lines.push(`${what}: measured, median ${v(c.after)} (measurement ${c.after.id})`);
  } else if (c.before) {
    lines.push(`${what}: no longer measured (was median ${v(c.before)}, measurement ${c.before.id})`);
  }
  if (c.filesAdded.length) lines.push(`evidence files added: ${c.filesAdded.join(', ')}`);
  if (c.filesRemoved.length) lines.push(`evidence files removed: ${c.filesRemoved.join(', ')}`);
  return lines;
}
