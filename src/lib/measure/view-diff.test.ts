/** What pages and `diff` make of measurements: proof views, "ours" on the dagger page, measurement changes. */
import { describe, expect, it } from 'vitest';
import type { Claim, Measurement } from '../../schemas/index.ts';
import { applyAudience } from '../editions/audience.ts';
import { emptySnapshot, type Entry, type KitSnapshot } from '../content/snapshot.ts';
import { measurementChanges, measurementLines } from './diff.ts';
import { oursFigure, proofView, statisticLabel } from './view.ts';

const claim = (id: string, better: 'higher' | 'lower', unit: string, evidence: Claim['evidence']): Entry<Claim> => ({
  id, file: `src/content/claims/${id}.yaml`,
  data: {
    owner: 'lead', reviewed: '2026-11-01', reviewEvery: 180, audience: 'internal', cloud: id.split('/')[0]!, service: 'S', category: 'throughput',
    statement: 'S.', metric: { name: 'M', value: 'TBD', unit, better }, ours: { label: 'Ours, same test', value: 'TBD', unit },
    status: 'tbd', sources: [], history: [], ...(evidence ? { evidence } : {}),
  },
});

const measurement = (id: string, side: 'metric' | 'ours', unit: string, values: number[], files: [string, string][], median: number): Entry<Measurement> => ({
  id, file: `src/content/measurements/${id}.yaml`,
  data: {
    owner: 'lead', reviewed: '2026-11-20', reviewEvery: 30, audience: 'internal', claim: id.split('/').slice(0, -1).join('/'), side,
    tool: 'warp', format: 'csv', started: '2026-11-20T10:00:00.000Z', environment: { host: 'bench-01', given: { region: 'eastus' } },
    statistic: 'csv:throughput', unit, files: files.map(([name, sha256]) => ({ name, sha256 })),
    runs: values.map((value, i) => ({ file: files[0]![0], row: i + 2, value })),
    summary: { median, min: Math.min(...values), max: Math.max(...values), n: values.length },
  },
});

function snap(claims: Entry<Claim>[], ms: Entry<Measurement>[]): KitSnapshot {
  const s = emptySnapshot();
  s.claims.push(...claims);
  s.measurements.push(...ms);
  return s;
}

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);

describe('proof view', () => {
  it('median, spread in % of the median, environment with what was given, downloads', () => {
    const m = measurement('aws/put/2026-11-20-1000', 'ours', 'GB/s', [1.5, 2.5, 3.5], [['r.csv', SHA_A]], 2.5);
    const v = proofView(m, claim('aws/put', 'higher', 'GB/s', { ours: m.id }), '2026-11-30');
    expect(v).toMatchObject({
      anchor: 'measurement-2026-11-20-1000', sideLabel: 'Ours, same test', median: '2.5 GB/s', min: '1.5 GB/s', max: '3.5 GB/s', n: 3,
      spreadPct: 80, stale: false, due: '2026-12-20', statistic: 'throughput',
      environment: [['Host', 'bench-01'], ['region (as given)', 'eastus']],
      files: [{ name: 'r.csv', href: '/measurements/aws/put/2026-11-20-1000/r.csv', sha256: SHA_A }],
    });
    expect(v.runs[1]).toEqual({ n: 2, file: 'r.csv', href: '/measurements/aws/put/2026-11-20-1000/r.csv', row: 3, value: '2.5 GB/s' });
  });
  it('labels fio and iperf3 statistics in words', () => {
    expect(statisticLabel('write.clat.p99.9')).toBe('write completion latency, p99.9');
    expect(statisticLabel('received.bandwidth')).toBe('received bandwidth');
    expect(statisticLabel('read.iops')).toBe('read IOPS');
  });
});

describe('editions', () => {
  it('a partner edition keeps a partner measurement but drops the host it ran on', () => {
    const m = measurement('aws/put/2026-11-20-1000', 'ours', 'GB/s', [2], [['r.csv', SHA_A]], 2);
    m.data.audience = 'partner';
    const c = claim('aws/put', 'higher', 'GB/s', { ours: m.id });
    c.data.audience = 'partner';
    const partner = applyAudience(snap([c], [m]), 'partner').snapshot;
    expect(proofView(partner.measurements[0]!, partner.claims[0]!, '2026-11-30').environment).toEqual([['region (as given)', 'eastus']]);
    expect(applyAudience(snap([c], [m]), 'internal').snapshot.measurements[0]!.data.environment.host).toBe('bench-01');
    expect(applyAudience(snap([c], [{ ...m, data: { ...m.data, audience: 'internal' } }]), 'partner').snapshot.measurements).toEqual([]);
  });
});

describe('ours on the dagger page', () => {
  it('comes from the measurement, stale once past its review date', () => {
    const m = measurement('aws/put/2026-11-20-1000', 'ours', 'GB/s', [2], [['r.csv', SHA_A]], 2);
    const c = claim('aws/put', 'higher', 'GB/s', { ours: m.id });
    expect(oursFigure(snap([c], [m]), c, '2026-11-30')).toMatchObject({ value: 2, unit: 'GB/s', measured: { n: 1, stale: false, href: '/claims/aws/put/#measurement-2026-11-20-1000' } });
    expect(oursFigure(snap([c], [m]), c, '2026-12-21')!.measured!.stale).toBe(true); // reviewed 2026-11-20 + 30 days
  });
  it('as written when there is no measurement in this edition', () => {
    const c = claim('aws/put', 'higher', 'GB/s', { ours: 'aws/put/2026-11-20-1000' });
    expect(oursFigure(snap([c], []), c, '2026-11-30')).toEqual({ label: 'Ours, same test', value: 'TBD', unit: 'GB/s' });
  });
});

describe('measurement changes for diff', () => {
  it('ours improved: +25 %, our gap widened; files added and removed by name and hash', () => {
    const a = measurement('aws/put/2026-11-20-1000', 'ours', 'GB/s', [2], [['r.csv', SHA_A]], 2);
    const b = measurement('aws/put/2026-11-20-1000', 'ours', 'GB/s', [1.5, 2.5, 3.5], [['r.csv', SHA_B]], 2.5);
    const changes = measurementChanges(
      snap([claim('aws/put', 'higher', 'GB/s', { ours: a.id })], [a]),
      snap([claim('aws/put', 'higher', 'GB/s', { ours: b.id })], [b]),
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'changed', side: 'ours', changePct: 25, gap: 'widened', filesAdded: ['aws/put/2026-11-20-1000/r.csv'], filesRemoved: ['aws/put/2026-11-20-1000/r.csv'] });
    expect(measurementLines(changes[0]!, '->')[0]).toBe('ours: median 2 GB/s (n = 1, 2–2) -> 2.5 GB/s (n = 3, 1.5–3.5), +25 %; gap widened');
  });
  it('their latency fell (lower is better): -20 %, our gap narrowed', () => {
    const a = measurement('gcp/lat/2026-11-20-1000', 'metric', 'ms', [10], [['a.csv', SHA_A]], 10);
    const b = measurement('gcp/lat/2026-11-21-1000', 'metric', 'ms', [8], [['b.csv', SHA_B]], 8);
    const [c] = measurementChanges(
      snap([claim('gcp/lat', 'lower', 'ms', { metric: a.id })], [a]),
      snap([claim('gcp/lat', 'lower', 'ms', { metric: b.id })], [a, b]),
    );
    expect(c).toMatchObject({ changePct: -20, gap: 'narrowed', filesAdded: ['gcp/lat/2026-11-21-1000/b.csv'], filesRemoved: ['gcp/lat/2026-11-20-1000/a.csv'] });
  });
  it('a first measurement is added; an unchanged one is not listed', () => {
    const m = measurement('aws/put/2026-11-20-1000', 'ours', 'GB/s', [2], [['r.csv', SHA_A]], 2);
    const withM = snap([claim('aws/put', 'higher', 'GB/s', { ours: m.id })], [m]);
    expect(measurementChanges(snap([claim('aws/put', 'higher', 'GB/s', undefined)], []), withM).map((c) => [c.kind, c.after?.median])).toEqual([['added', 2]]);
    expect(measurementChanges(withM, withM)).toEqual([]);
  });
});
