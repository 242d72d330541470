/**
 * The measurement rules `check` runs: every raw result file a measurement lists is beside it and
 * unchanged (SHA-256), every run, the spread and the claim's value are recomputed from those files
 * and must match, and a `measured` claim points at its measurement. Pure: snapshot and raw file
 * texts in, findings out.
 */
import type { Claim, Measurement } from '../../schemas/index.ts';
import type { Finding } from '../checks/integrity.ts';
import type { AnyEntry, Entry, KitSnapshot } from '../content/snapshot.ts';
import { claimOfMeasurement, recompute, SIDES, type Recomputed } from './measurement.ts';
import { EvidenceError } from './readers.ts';

/** A file under `measurements/` that is not an entry: a raw result file. */
export interface EvidenceContent {
  path: string;
  text: string;
  /** SHA-256 (hex) of the file's bytes, when the reader computed it; without it the hash is not compared. */
  sha256?: string;
}

export const MEASUREMENTS_DIR = 'measurements';

/** Whether a content file is a raw result file kept beside a measurement (anything but YAML there). */
export function isEvidencePath(path: string, contentDir: string): boolean {
  return path.startsWith(`${contentDir}/${MEASUREMENTS_DIR}/`) && !/\.ya?ml$/i.test(path);
}

/** The folder holding a measurement's raw files: the entry's path without `.yaml`. */
export function evidenceDir(entryFile: string): string {
  return entryFile.replace(/\.ya?ml$/i, '');
}

const RERUN = 'Run `./fieldkit measure import <claim> <result files>` again with the original result files.';

function checkOne(m: Entry<Measurement>, evidence: Map<string, EvidenceContent>, used: Set<string>, out: Finding[]): Recomputed | undefined {
  const d = m.data;
  const dir = evidenceDir(m.file);
  if (claimOfMeasurement(m.id) !== d.claim) {
    out.push({
      code: 'id-mismatch', severity: 'error', file: m.file, path: ['claim'],
      message: `the measurement sits in measurements/${claimOfMeasurement(m.id)}/ but says claim: ${d.claim}`,
      expected: `claim: ${claimOfMeasurement(m.id)}`, found: d.claim,
      hint: `Move the file and its folder to src/content/measurements/${d.claim}/, or fix \`claim\`.`,
    });
  }
  let complete = true;
  const files = d.files.map((f, i) => {
    const path = `${dir}/${f.name}`;
    used.add(path);
    const ev = evidence.get(path);
    if (!ev) {
      complete = false;
      out.push({
        code: 'evidence-missing', severity: 'error', file: m.file, path: ['files', i, 'name'],
        message: `the raw result file ${f.name} is not in ${dir}/`,
        expected: `the file ${path}`, found: 'no such file',
        hint: `Put the original result file back at ${path} (it is the evidence), or ${RERUN.toLowerCase()}`,
      });
    } else if (ev.sha256 !== undefined && ev.sha256 !== f.sha256) {
      complete = false;
      out.push({
        code: 'evidence-changed', severity: 'error', file: m.file, path: ['files', i, 'sha256'],
        message: `the raw result file ${f.name} is not the file that was imported (its SHA-256 differs)`,
        expected: f.sha256, found: ev.sha256,
        hint: `Restore the original ${path} from git; raw results are never edited. ${RERUN}`,
      });
    }
    return { name: f.name, text: ev?.text ?? '' };
  });
  if (!complete) return undefined;
  let rc: Recomputed;
  try {
    rc = recompute(files, d.format, d.statistic, '', d.unit);
  } catch (e) {
    if (!(e instanceof EvidenceError)) throw e;
    const i = d.files.findIndex((f) => e.message.startsWith(`${f.name}:`));
    out.push({
      code: 'evidence-unreadable', severity: 'error', file: m.file, path: i >= 0 ? ['files', i, 'name'] : ['statistic'],
      message: `the raw results cannot give ${d.statistic} in ${d.unit}: ${e.message}`,
      expected: e.expected, found: i >= 0 ? d.files[i]!.name : d.statistic,
      hint: e.hint,
    });
    return undefined;
  }
  const mismatch = (path: (string | number)[], what: string, stored: unknown, computed: unknown) =>
    out.push({
      code: 'measurement-mismatch', severity: 'error', file: m.file, path,
      message: `${what} is ${String(stored)} but the raw files give ${String(computed)}`,
      expected: String(computed), found: String(stored),
      hint: `Figures here are computed from the raw files, never typed: set it back to ${String(computed)}, or ${RERUN.toLowerCase()}`,
    });
  if (rc.runs.length !== d.runs.length) {
    mismatch(['runs'], 'the number of runs', d.runs.length, rc.runs.length);
  } else {
    rc.runs.forEach((r, i) => {
      const s = d.runs[i]!;
      if (s.file !== r.file) mismatch(['runs', i, 'file'], `run ${i + 1}'s file`, s.file, r.file);
      else if (s.value !== r.value) mismatch(['runs', i, 'value'], `run ${i + 1} (${r.file}${r.row ? ` line ${r.row}` : ''})`, s.value, r.value);
    });
  }
  for (const k of ['median', 'min', 'max', 'n'] as const) {
    if (d.summary[k] !== rc.spread[k]) mismatch(['summary', k], `summary.${k}`, d.summary[k], rc.spread[k]);
  }
  return rc;
}

/** `invalid` holds measurements that failed their schema: their files still count as listed (the schema problem is reported). */
export function checkMeasurements(snapshot: KitSnapshot, evidenceFiles: readonly EvidenceContent[], invalid: readonly AnyEntry[] = []): Finding[] {
  const out: Finding[] = [];
  const evidence = new Map(evidenceFiles.map((f) => [f.path, f]));
  const used = new Set<string>();
  for (const e of invalid) {
    const files = (e.data as { files?: unknown }).files;
    if (!Array.isArray(files)) continue;
    for (const f of files) if (f && typeof f === 'object' && typeof (f as { name?: unknown }).name === 'string') used.add(`${evidenceDir(e.file)}/${(f as { name: string }).name}`);
  }
  const computed = new Map<string, Recomputed>();
  for (const m of snapshot.measurements) {
    const rc = checkOne(m, evidence, used, out);
    if (rc) computed.set(m.id, rc);
  }
  const byId = new Map(snapshot.measurements.map((m) => [m.id, m]));
  for (const c of snapshot.claims as Entry<Claim>[]) {
    const d = c.data;
    for (const side of SIDES) {
      const mid = d.evidence?.[side];
      const m = mid ? byId.get(mid) : undefined;
      if (!mid || !m) continue; // a dangling id is reported once, as dangling-ref
      const figure = side === 'metric' ? d.metric : d.ours;
      if (m.data.claim !== c.id || m.data.side !== side) {
        out.push({
          code: 'measurement-mismatch', severity: 'error', file: c.file, path: ['evidence', side],
          message: `evidence.${side} names ${mid}, a measurement of ${m.data.claim} (${m.data.side})`,
          expected: `a measurement of ${c.id} with side: ${side}`, found: `${m.data.claim} (${m.data.side})`,
          hint: `Point evidence.${side} at a measurement under src/content/measurements/${c.id}/, or import one with \`./fieldkit measure import ${c.id} <files>${side === 'ours' ? ' --side ours' : ''}\`.`,
        });
        continue;
      }
      if (!figure) {
        out.push({
          code: 'measurement-mismatch', severity: 'error', file: c.file, path: ['evidence', side],
          message: `evidence.ours names ${mid} but the claim has no ours block to fill`,
          expected: 'ours: {label, value, unit}', found: 'no ours',
          hint: 'Add `ours` with its label and unit, or remove evidence.ours.',
        });
        continue;
      }
      const valuePath = side === 'metric' ? ['metric', 'value'] : ['ours', 'value'];
      if (figure.unit !== m.data.unit) {
        out.push({
          code: 'measurement-mismatch', severity: 'error', file: c.file, path: [valuePath[0]!, 'unit'],
          message: `the claim's unit is ${figure.unit} but its measurement ${mid} is in ${m.data.unit}`,
          expected: m.data.unit, found: figure.unit,
          hint: `Import the results again so they are converted to ${figure.unit}: \`./fieldkit measure import ${c.id} <files>\`.`,
        });
        continue;
      }
      const rc = computed.get(mid);
      if (!rc) continue; // the measurement's own problem is reported on it
      if (figure.value !== rc.spread.median) {
        out.push({
          code: 'measurement-mismatch', severity: 'error', file: c.file, path: valuePath,
          message: `${valuePath.join('.')} is ${String(figure.value)} but its measurement ${mid} gives a median of ${rc.spread.median} ${m.data.unit} (n = ${rc.spread.n})`,
          expected: String(rc.spread.median), found: String(figure.value),
          hint: `A measured figure comes from its raw results, never typed: set it to ${rc.spread.median}, or import new results with \`./fieldkit measure import ${c.id} <files>\`.`,
        });
      }
    }
    if (d.status === 'measured' && !d.evidence?.metric) {
      out.push({
        code: 'claim-needs-evidence', severity: 'error', file: c.file, path: ['status'],
        message: 'a measured claim must point at its measurement (evidence.metric)',
        expected: 'evidence: {metric: <measurement id>}', found: 'no evidence.metric',
        hint: `Import the tool's result files: \`./fieldkit measure import ${c.id} <result files>\` writes the measurement and sets the value, or set \`status: provisional\`.`,
      });
    }
  }
  for (const f of evidenceFiles) {
    if (used.has(f.path)) continue;
    out.push({
      code: 'evidence-unlisted', severity: 'warning', file: f.path, path: [], pos: { line: 1, column: 1 },
      message: 'this file under measurements/ is listed by no measurement',
      expected: 'raw result files in the folder of the measurement that lists them', found: f.path,
      hint: 'Import it with `./fieldkit measure import <claim> <file>` (which copies it into place), or delete it.',
    });
  }
  return out;
}
