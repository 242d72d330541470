/**
 * From tool output to a claim's figure: which statistic the claim's metric names, each run's
 * figure in the claim's unit, the spread, and the measurement entry `fieldkit measure import`
 * writes. `check` calls the same functions on the kept raw files, so the figure is never typed by
 * hand. Pure: texts and data in, data out.
 */
import { EvidenceError, readReport, type EvidenceFormat, type Figure, type ToolEnvironment, type ToolReport } from './readers.ts';
import { roundFigure, spread, type Spread } from './stats.ts';
import { convert, dimensionOf, KNOWN_UNITS } from './units.ts';

/** Which figure of a claim a measurement gives: the claim's own `metric`, or `ours`. */
export type Side = 'metric' | 'ours';
export const SIDES: readonly Side[] = ['metric', 'ours'];

/** A raw result file as the measurement keeps it. */
export interface EvidenceFile {
  /** File name inside the measurement's folder. */
  name: string;
  text: string;
}

export interface MeasuredRun {
  file: string;
  /** CSV data line. */
  row?: number;
  time?: string;
  /** The figure in the measurement's unit, rounded ({@link roundFigure}). */
  value: number;
}

/** Every statistic key every run of every report has (CSV: any row has). */
function availableKeys(reports: ToolReport[]): string[] {
  const keys = new Set<string>();
  for (const r of reports) for (const run of r.runs) for (const k of Object.keys(run.figures)) keys.add(k);
  return [...keys].sort();
}

const words = (s: string) => s.toLowerCase();

/** A latency statistic named in a metric: "p99" -> `p99`, "p99.9" -> `p99.9`, "mean"/"average" -> `mean`. */
export function latencyStatistic(metricName: string): string | undefined {
  const m = /\bp(\d{1,2}(?:\.\d+)?)\b/i.exec(metricName);
  if (m) return `p${Number(m[1])}`;
  if (/\b(mean|average)\b/i.test(metricName)) return 'mean';
  return undefined;
}

function direction(metricName: string): string[] {
  const n = words(metricName);
  const dirs: string[] = [];
  if (/\bread/.test(n)) dirs.push('read');
  if (/\bwrit/.test(n)) dirs.push('write');
  if (/\b(sent|sender|send)\b/.test(n)) dirs.push('sent');
  if (/\b(received|receiver|receive)\b/.test(n)) dirs.push('received');
  return dirs;
}

/**
 * The statistic key the claim's metric names, among those the reports hold: bandwidth for a
 * bandwidth unit, IOPS for IOPS, a completion-latency percentile for a time unit (the percentile
 * from the metric name, "p99"), read or write by the metric name; iperf3's received bandwidth
 * unless the metric says sent. `override` (a key, e.g. `write.clat.p99.9`) skips the choice.
 */
export function chooseStatistic(reports: ToolReport[], metricName: string, unit: string, override?: string): string {
  const keys = availableKeys(reports);
  const list = keys.join(', ') || 'none';
  if (override) {
    if (!keys.includes(override)) {
      throw new EvidenceError(`the results hold no statistic "${override}"`, `one of: ${list}`, 'Pick one of the listed statistics with --stat.');
    }
    return override;
  }
  const dim = dimensionOf(unit);
  const convertible = keys.filter((k) => reports.some((r) => r.runs.some((run) => run.figures[k] && convert(1, run.figures[k].unit, unit) !== undefined)));
  let candidates: string[];
  if (dim === 'time') {
    const stat = latencyStatistic(metricName);
    if (!stat) {
      throw new EvidenceError(
        `the metric "${metricName}" is in ${unit} but names no percentile`,
        'a metric name with the statistic, e.g. "p99 write latency" or "mean read latency"',
        'Name the percentile in metric.name, or pass --stat (e.g. --stat write.clat.p99).',
      );
    }
    candidates = convertible.filter((k) => k.endsWith(`.clat.${stat}`) || k.startsWith('csv:'));
    if (candidates.length === 0 && keys.some((k) => k.includes('.clat.'))) {
      const have = [...new Set(keys.filter((k) => k.includes('.clat.p')).map((k) => k.split('.').slice(2).join('.')))].join(', ');
      throw new EvidenceError(
        `fio reported no ${stat} completion latency (it has ${have || 'no percentiles'})`,
        `clat_ns.percentile with ${stat}`,
        `Run fio again with --percentile_list including ${stat.slice(1)} (e.g. --percentile_list=50:99:${stat.slice(1)}).`,
      );
    }
  } else if (dim === 'bandwidth') {
    candidates = convertible.filter((k) => k.endsWith('.bandwidth') || k.startsWith('csv:'));
  } else if (dim === 'iops') {
    candidates = convertible.filter((k) => k.endsWith('.iops') || k.startsWith('csv:'));
  } else {
    candidates = convertible.filter((k) => k.startsWith('csv:'));
  }
  const dirs = direction(metricName);
  // Directions per tool: fio's read/write/trim, iperf3's sent/received. A metric naming "write"
  // narrows fio's figures and says nothing about a network test's.
  const family = [['read', 'write', 'trim'], ['sent', 'received']].find((f) => dirs.some((d) => f.includes(d)) && candidates.some((k) => f.includes(k.split('.')[0]!)));
  const directed = (k: string) => !!family?.includes(k.split('.')[0]!);
  if (family) {
    const narrowed = candidates.filter((k) => !directed(k) || dirs.includes(k.split('.')[0]!));
    if (narrowed.length === 0) {
      throw new EvidenceError(
        `the metric "${metricName}" is about ${dirs.join(' and ')}, but the results hold only ${candidates.join(', ')}`,
        `a ${dirs.join('/')} figure`,
        'Check that these are the results of the claim\'s recipe, or pick a statistic with --stat.',
      );
    }
    candidates = narrowed;
  }
  if (candidates.length > 1 && candidates.includes('received.bandwidth') && !dirs.includes('sent')) candidates = ['received.bandwidth'];
  if (candidates.length > 1) {
    const named = candidates.filter((k) => k.startsWith('csv:') && words(metricName).includes(words(k.slice(4))));
    if (named.length === 1) candidates = named;
  }
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) {
    throw new EvidenceError(
      `nothing in the results can be expressed in ${unit}`,
      dim ? `a statistic convertible to ${unit} (the results hold: ${list})` : `a unit the tools report (${KNOWN_UNITS.join(', ')}) or CSV rows in ${unit}`,
      'Check the claim\'s unit and the files given, or pick a statistic with --stat.',
    );
  }
  throw new EvidenceError(
    `the metric "${metricName}" matches several statistics: ${candidates.join(', ')}`,
    'one statistic',
    `Say which with --stat (e.g. --stat ${candidates[0]}), or name read or write in metric.name.`,
  );
}

/** Each run's figure for `key`, converted to `unit`. A JSON report without it is an error; CSV rows of other metrics are skipped. */
export function runsFor(files: { name: string; report: ToolReport }[], key: string, unit: string): MeasuredRun[] {
  const out: MeasuredRun[] = [];
  for (const { name, report } of files) {
    let found = 0;
    for (const run of report.runs) {
      const fig: Figure | undefined = run.figures[key];
      if (!fig) {
        if (report.format === 'csv') continue;
        throw new EvidenceError(`${name} has no ${key}`, `${key} in every file`, 'Import only files from the same kind of run.');
      }
      const value = convert(fig.value, fig.unit, unit);
      if (value === undefined) {
        throw new EvidenceError(
          `${name}${run.row ? ` line ${run.row}` : ''}: ${fig.unit} cannot be converted to ${unit}`,
          `a unit of the same kind as ${unit}`,
          'Fix the unit in the file, or the claim\'s unit if it is the wrong one.',
        );
      }
      found++;
      out.push({ file: name, ...(run.row !== undefined ? { row: run.row } : {}), ...(run.time ? { time: run.time } : {}), value: roundFigure(value) });
    }
    if (found === 0) throw new EvidenceError(`${name} has no row for ${key.replace(/^csv:/, '')}`, `rows with metric ${key.replace(/^csv:/, '')}`, 'Check the metric column.');
  }
  return out;
}

/** The runs' figures recomputed from the raw files, with their spread. */
export interface Recomputed {
  reports: { name: string; report: ToolReport }[];
  runs: MeasuredRun[];
  spread: Spread;
}

/** Values before rounding are not kept, so the median is taken over the rounded run figures. */
export function recompute(files: EvidenceFile[], format: EvidenceFormat | undefined, key: string | undefined, metricName: string, unit: string): Recomputed & { key: string } {
  const reports = files.map((f) => {
    try {
      return { name: f.name, report: readReport(f.text, format) };
    } catch (e) {
      if (e instanceof EvidenceError) e.message = `${f.name}: ${e.message}`;
      throw e;
    }
  });
  const formats = new Set(reports.map((r) => r.report.format));
  if (formats.size > 1) {
    throw new EvidenceError(`the files are of different formats (${[...formats].join(', ')})`, 'files from one tool', 'Import each tool\'s results as its own measurement.');
  }
  const stat = chooseStatistic(reports.map((r) => r.report), metricName, unit, key);
  const runs = runsFor(reports, stat, unit);
  return { key: stat, reports, runs, spread: spread(runs.map((r) => r.value)) };
}

export interface MeasurementInput {
  claimId: string;
  side: Side;
  /** The claim's metric name and the unit of the side measured. */
  metricName: string;
  unit: string;
  owner: string;
  audience: string;
  reviewEvery: number;
  files: (EvidenceFile & { sha256: string })[];
  format?: EvidenceFormat;
  stat?: string;
  /** What the person importing says about the environment (`--env key=value`), kept apart from what the tool reported. */
  given?: Record<string, string>;
}

/** The session id: the first run's start, `YYYY-MM-DD-HHMM` (UTC). */
export function sessionId(runs: MeasuredRun[], fallback: string): string {
  const times = runs.map((r) => r.time).filter((t): t is string => !!t).sort();
  const t = times[0] ?? fallback;
  return `${t.slice(0, 10)}-${t.slice(11, 13)}${t.slice(14, 16)}`;
}

/**
 * The measurement entry's data, in the order it is written. `now` (an ISO timestamp) stands in
 * for the start time only when the tool reported none.
 */
export function buildMeasurement(input: MeasurementInput, now: string): { session: string; data: Record<string, unknown>; recomputed: Recomputed } {
  const rc = recompute(input.files, input.format, input.stat, input.metricName, input.unit);
  const first = rc.reports[0]!.report;
  // One measurement is repeated runs of one command: the options each tool reports must agree.
  for (const { name, report } of rc.reports.slice(1)) {
    const keys = [...new Set([...Object.keys(first.options), ...Object.keys(report.options)])].sort();
    const differs = keys.filter((k) => first.options[k] !== report.options[k]);
    if (differs.length) {
      const k = differs[0]!;
      throw new EvidenceError(
        `${name} was made with other options than ${rc.reports[0]!.name} (${k}: ${report.options[k] ?? 'unset'} vs ${first.options[k] ?? 'unset'})`,
        'repeated runs of one command',
        'Import runs of the same command together; a run with other options is another measurement.',
      );
    }
  }
  const started = rc.runs.map((r) => r.time).filter((t): t is string => !!t).sort()[0] ?? now;
  const env: ToolEnvironment & { given?: Record<string, string> } = { ...first.environment };
  for (const k of Object.keys(env) as (keyof ToolEnvironment)[]) if (env[k] === undefined) delete env[k];
  if (input.given && Object.keys(input.given).length) env.given = input.given;
  const data: Record<string, unknown> = {
    owner: input.owner,
    reviewed: started.slice(0, 10),
    reviewEvery: input.reviewEvery,
    audience: input.audience,
    claim: input.claimId,
    side: input.side,
    tool: first.tool,
    ...(first.version ? { version: first.version } : {}),
    format: first.format,
    ...(first.command ? { command: first.command } : {}),
    ...(Object.keys(first.options).length ? { options: first.options } : {}),
    started,
    environment: env,
    statistic: rc.key,
    unit: input.unit,
    files: input.files.map((f) => ({ name: f.name, sha256: f.sha256 })),
    runs: rc.runs,
    summary: rc.spread,
  };
  return { session: sessionId(rc.runs, now), data, recomputed: rc };
}

/** The claim a measurement id belongs to: `azure/x/2026-12-01-0815` -> `azure/x`. */
export function claimOfMeasurement(id: string): string {
  return id.split('/').slice(0, -1).join('/');
}

/** Host names in a raw file, replaced for editions beyond internal. */
export function redactHosts(text: string, hosts: readonly (string | undefined)[]): string {
  let out = text;
  for (const h of hosts) {
    if (!h || h.length < 2) continue;
    const escaped = h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(?<![\\w.-])${escaped}(?![\\w.-])`, 'g'), '[host redacted]');
  }
  return out;
}
