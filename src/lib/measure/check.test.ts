/**
 * The measurement rules `check` runs, on a measured claim built from the recorded fio run
 * (tests/fixtures/measure/fio-write-1m.json: one run, write bandwidth 4.793 GB/s, started
 * 2026-12-01T08:19). Each case breaks one thing and expects the one problem, on its field.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { BASE_TREE } from '../../../tests/helpers.ts';
import { CKPT, CKPT_CLAIM, FIXTURES } from '../../../tests/cli/measure-fixture.ts';
import { validateContent, type ContentFile } from '../content/validate.ts';
import { evidenceDir, isEvidencePath } from './check.ts';
import { buildMeasurement } from './measurement.ts';
import { claimProofs, statisticLabel } from './view.ts';

const NOW = '2026-12-02';
const RAW = readFileSync(join(FIXTURES, 'fio-write-1m.json'), 'utf8');
const sha = (t: string) => createHash('sha256').update(t).digest('hex');
const ID = 'azure/ckpt/2026-12-01-0819';
const ENTRY = `src/content/measurements/${ID}.yaml`;
const EVIDENCE = `src/content/measurements/${ID}/fio-write-1m.json`;

function measurementData(): Record<string, unknown> {
  return buildMeasurement({
    claimId: 'azure/ckpt', side: 'metric', metricName: 'Sustained checkpoint write bandwidth', unit: 'GB/s', owner: 'lead', audience: 'internal', reviewEvery: 180,
    files: [{ name: 'fio-write-1m.json', text: RAW, sha256: sha(RAW) }],
  }, '2026-12-02T00:00:00.000Z').data;
}

const MEASURED_CLAIM = CKPT_CLAIM
  .replace('  value: TBD # to be measured', '  value: 4.793')
  .replace('status: tbd', 'status: measured\nsources: [doc]\nasOf: 2026-12-01\nevidence:\n  metric: azure/ckpt/2026-12-01-0819');

/** The measured kit as validated. */
function measuredKit() {
  const files: ContentFile[] = Object.entries({ ...BASE_TREE, [CKPT]: MEASURED_CLAIM, [ENTRY]: stringify(measurementData()) }).map(([path, text]) => ({ path, text }));
  files.push({ path: EVIDENCE, text: RAW, sha256: sha(RAW) });
  return validateContent(files, { now: NOW }).snapshot;
}

/** The measured kit, with files replaced (null removes one) and the measurement's data patched. */
function problems(opts: { files?: Record<string, string | null>; patch?: (d: Record<string, unknown>) => void; evidenceText?: string; extra?: ContentFile[] } = {}) {
  const data = measurementData();
  opts.patch?.(data);
  const tree: Record<string, string | null> = { ...BASE_TREE, [CKPT]: MEASURED_CLAIM, [ENTRY]: stringify(data), ...opts.files };
  const files: ContentFile[] = Object.entries(tree).filter((e): e is [string, string] => e[1] !== null).map(([path, text]) => ({ path, text }));
  if (opts.evidenceText !== '') files.push({ path: EVIDENCE, text: opts.evidenceText ?? RAW, sha256: sha(opts.evidenceText ?? RAW) });
  files.push(...(opts.extra ?? []));
  return validateContent(files, { now: NOW }).problems.map((p) => ({ code: p.code, severity: p.severity, file: p.file, field: p.field, message: p.message }));
}

describe('paths', () => {
  it('raw files are anything but YAML under measurements/, beside the entry in a folder named like it', () => {
    expect(isEvidencePath('src/content/measurements/azure/x/s/fio.json', 'src/content')).toBe(true);
    expect(isEvidencePath('src/content/measurements/azure/x/s.yaml', 'src/content')).toBe(false);
    expect(isEvidencePath('src/content/claims/azure/x.json', 'src/content')).toBe(false);
    expect(evidenceDir('src/content/measurements/azure/x/s.yml')).toBe('src/content/measurements/azure/x/s');
  });
});

describe('measurement rules', () => {
  it('a measured claim whose value is its measurement\'s median, with its raw file unchanged: no problem', () => {
    expect(problems().filter((p) => p.code !== 'dagger-few-numbers')).toEqual([]);
  });

  it('the raw file is gone', () => {
    expect(problems({ evidenceText: '' })).toEqual([{
      code: 'evidence-missing', severity: 'error', file: ENTRY, field: 'files.0.name',
      message: `the raw result file fio-write-1m.json is not in src/content/measurements/${ID}/`,
    }]);
  });

  it('the raw file was edited: its SHA-256 differs', () => {
    const edited = RAW.replace('"bw_bytes"', '"bw_bytes" ');
    expect(problems({ evidenceText: edited })).toEqual([{
      code: 'evidence-changed', severity: 'error', file: ENTRY, field: 'files.0.sha256',
      message: 'the raw result file fio-write-1m.json is not the file that was imported (its SHA-256 differs)',
    }]);
  });

  it('a typed summary and a typed run are refused: the raw files give 4.793', () => {
    const ps = problems({ patch: (d) => {
      (d.summary as Record<string, number>).median = 5;
      (d.runs as { value: number }[])[0]!.value = 5;
    } });
    expect(ps.map((p) => [p.code, p.field, p.message])).toEqual([
      ['measurement-mismatch', 'runs.0.value', 'run 1 (fio-write-1m.json) is 5 but the raw files give 4.793'],
      ['measurement-mismatch', 'summary.median', 'summary.median is 5 but the raw files give 4.793'],
    ]);
  });

  it('a run more than the files give', () => {
    const ps = problems({ patch: (d) => { (d.runs as unknown[]).push({ file: 'fio-write-1m.json', value: 4.793 }); } });
    expect(ps.map((p) => [p.code, p.field, p.message])).toEqual([['measurement-mismatch', 'runs', 'the number of runs is 2 but the raw files give 1']]);
  });

  it('the claim\'s value is not its measurement\'s median', () => {
    const ps = problems({ files: { [CKPT]: MEASURED_CLAIM.replace('  value: 4.793', '  value: 4.8') } });
    expect(ps.map((p) => [p.code, p.file, p.field, p.message])).toEqual([
      ['measurement-mismatch', CKPT, 'metric.value', `metric.value is 4.8 but its measurement ${ID} gives a median of 4.793 GB/s (n = 1)`],
    ]);
  });

  it('the claim\'s unit is not its measurement\'s', () => {
    const ps = problems({ files: { [CKPT]: MEASURED_CLAIM.replace('  unit: GB/s\n  better', '  unit: MB/s\n  better') } });
    expect(ps.map((p) => [p.code, p.field, p.message])).toEqual([
      ['measurement-mismatch', 'metric.unit', `the claim's unit is MB/s but its measurement ${ID} is in GB/s`],
    ]);
  });

  it('evidence.ours names a measurement of the metric side', () => {
    const ps = problems({ files: { [CKPT]: MEASURED_CLAIM.replace('  metric: azure/ckpt/2026-12-01-0819', `  metric: ${ID}\n  ours: ${ID}`) } });
    expect(ps.map((p) => [p.code, p.field, p.message])).toEqual([
      ['measurement-mismatch', 'evidence.ours', `evidence.ours names ${ID}, a measurement of azure/ckpt (metric)`],
    ]);
  });

  it('a measured claim without evidence.metric', () => {
    const claim = MEASURED_CLAIM.replace('evidence:\n  metric: azure/ckpt/2026-12-01-0819', '');
    const ps = problems({ files: { [CKPT]: claim } });
    expect(ps.map((p) => [p.code, p.file, p.field, p.message])).toEqual([
      ['claim-needs-evidence', CKPT, 'status', 'a measured claim must point at its measurement (evidence.metric)'],
    ]);
  });

  it('a measurement filed under another claim\'s folder', () => {
    const ps = problems({ patch: (d) => { d.claim = 'azure/ingress'; } });
    expect(ps.map((p) => [p.code, p.field, p.message])).toContainEqual(
      ['id-mismatch', 'claim', 'the measurement sits in measurements/azure/ckpt/ but says claim: azure/ingress'],
    );
  });

  it('a raw file no measurement lists is a warning on that file', () => {
    const stray = 'src/content/measurements/azure/ckpt/stray.csv';
    expect(problems({ extra: [{ path: stray, text: 'x\n', sha256: sha('x\n') }] })).toEqual([{
      code: 'evidence-unlisted', severity: 'warning', file: stray, field: '', message: 'this file under measurements/ is listed by no measurement',
    }]);
  });

  it('raw results that cannot give the statistic', () => {
    const ps = problems({ evidenceText: '{"fio version": "fio-3.33", "jobs": []}', patch: (d) => { (d.files as { sha256: string }[])[0]!.sha256 = sha('{"fio version": "fio-3.33", "jobs": []}'); } });
    expect(ps.map((p) => [p.code, p.field])).toEqual([['evidence-unreadable', 'files.0.name']]);
    expect(ps[0]!.message).toMatch(/^the raw results cannot give write\.bandwidth in GB\/s: fio-write-1m\.json: /);
  });
});

describe('the proof on the claim page', () => {
  it('the claim\'s measurements, metric side first, with the run, its raw file and the statistic in words', () => {
    const kit = measuredKit();
    const claim = kit.claims.find((c) => c.id === 'azure/ckpt')!;
    const proofs = claimProofs(kit, claim, NOW);
    expect(proofs.map((p) => [p.id, p.side, p.sideLabel, p.median, p.n, p.statistic, p.stale])).toEqual([
      [ID, 'metric', 'Sustained checkpoint write bandwidth', '4.793 GB/s', 1, 'write bandwidth', false],
    ]);
    expect(proofs[0]!.runs).toEqual([{ n: 1, file: 'fio-write-1m.json', href: `/measurements/${ID}/fio-write-1m.json`, time: '2026-12-01T08:19:17.400Z', value: '4.793 GB/s' }]);
    expect(proofs[0]!.spreadPct).toBeUndefined();
    const ingress = kit.claims.find((c) => c.id === 'azure/ingress')!;
    expect(claimProofs(kit, ingress, NOW)).toEqual([]);
  });
  it('a statistic it has no words for is shown as its key', () => {
    expect(statisticLabel('read.slat.mean')).toBe('read.slat.mean');
  });
});
