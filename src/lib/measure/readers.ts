/**
 * Readers for what benchmark tools write: fio (`--output-format=json`), iperf3 (`-J`) and a
 * documented CSV for any other tool. Each turns a result file's text into the same shape: the
 * tool, its version, the command or job options it reports, the environment it reports, and each
 * run's figures with their units. Pure: text in, data out; a file that cannot be read throws an
 * {@link EvidenceError} that says what was expected and how to fix it.
 */

export type EvidenceFormat = 'fio-json' | 'iperf3-json' | 'csv';
export const EVIDENCE_FORMATS: readonly EvidenceFormat[] = ['fio-json', 'iperf3-json', 'csv'];

/** A figure a tool reported, in the unit it reported it in. */
export interface Figure {
  value: number;
  unit: string;
}

export interface Run {
  /** When the tool says the run happened, ISO 8601 UTC (fio: when it wrote the report; iperf3: test start; CSV: the row's timestamp). */
  time?: string;
  /** 1-based data row, for CSV. */
  row?: number;
  /**
   * Figures by statistic key: `write.bandwidth`, `read.iops`, `read.clat.p99`, `read.clat.p99.9`,
   * `write.clat.mean` (fio); `received.bandwidth`, `sent.bandwidth` (iperf3); `csv:<metric>` (CSV).
   */
  figures: Record<string, Figure>;
}

/** What the tool reports about where it ran. Absent fields were not reported. */
export interface ToolEnvironment {
  /** Host name (kept in the internal edition only). */
  host?: string;
  /** Operating system. */
  system?: string;
  kernel?: string;
  /** CPU architecture or model, as reported. */
  cpu?: string;
  /** The peer the tool connected to, `host:port` (iperf3). */
  peer?: string;
}

export interface ToolReport {
  format: EvidenceFormat;
  tool: string;
  version?: string;
  /** The command line, rebuilt from the options the tool reports (fio job options, iperf3 test parameters). */
  command?: string;
  /** The options the tool reports, as given. */
  options: Record<string, string>;
  environment: ToolEnvironment;
  runs: Run[];
}

/** A result file that cannot be used as evidence. */
export class EvidenceError extends Error {
  expected: string;
  hint: string;
  constructor(message: string, expected: string, hint: string) {
    super(message);
    this.expected = expected;
    this.hint = hint;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * fio prints notes ("note: both iodepth >= 1 and synchronous I/O engine are selected…") on standard
 * output before the JSON; the report starts at the first line that opens an object.
 */
function parseJson(text: string, tool: string, flag: string): unknown {
  const start = text.search(/^\{/m);
  if (start < 0) {
    throw new EvidenceError(
      `not a ${tool} JSON report: no JSON object in the file`,
      `the output of ${tool} ${flag}`,
      `Run ${tool} with ${flag} and save its standard output (not the terminal summary).`,
    );
  }
  try {
    return JSON.parse(text.slice(start));
  } catch (e) {
    const detail = (e as Error).message;
    throw new EvidenceError(
      `the ${tool} JSON report is incomplete or damaged (${detail})`,
      `a complete ${tool} JSON report`,
      `The run was probably cut short or the file truncated: run ${tool} again and keep the whole output.`,
    );
  }
}

/** fio's percentile key "99.900000" -> "p99.9". */
export function percentileKey(fioKey: string): string {
  return `p${Number(fioKey)}`;
}

/** fio `--output-format=json`: one run per file; jobs of one group are summed (or one with --group_reporting). */
export function readFio(text: string): ToolReport {
  const doc = parseJson(text, 'fio', '--output-format=json');
  if (!isRecord(doc) || !Array.isArray(doc.jobs) || typeof doc['fio version'] !== 'string') {
    throw new EvidenceError(
      'not a fio JSON report: it has no "fio version" and "jobs"',
      'the output of fio --output-format=json',
      'Check the file: is it the output of another tool? Use --format to say which.',
    );
  }
  const jobs = doc.jobs.filter(isRecord);
  if (jobs.length === 0) throw new EvidenceError('the fio report has no jobs', 'at least one job in "jobs"', 'Run the fio job again; it ended before reporting.');
  const groups = new Set(jobs.map((j) => j.groupid));
  if (groups.size > 1) {
    throw new EvidenceError(
      `the fio report holds ${groups.size} job groups (stonewalled phases), which cannot be one figure`,
      'one job group per file',
      'Run each phase as its own fio command with its own --output, and import the one the claim is about.',
    );
  }
  const failed = jobs.find((j) => num(j.error) !== 0 && j.error !== undefined);
  if (failed) {
    throw new EvidenceError(
      `fio reports error ${String(failed.error)} for job "${String(failed.jobname)}"`,
      'every job with error 0',
      'Fix the job (path, permissions, free space) and run it again.',
    );
  }
  const figures: Record<string, Figure> = {};
  for (const dir of ['read', 'write', 'trim'] as const) {
    const sides = jobs.map((j) => j[dir]).filter(isRecord);
    if (sides.length !== jobs.length || !sides.some((s) => (num(s.io_bytes) ?? 0) > 0)) continue;
    figures[`${dir}.bandwidth`] = { value: sides.reduce((a, s) => a + (num(s.bw_bytes) ?? 0), 0), unit: 'B/s' };
    figures[`${dir}.iops`] = { value: sides.reduce((a, s) => a + (num(s.iops) ?? 0), 0), unit: 'IOPS' };
    // Percentiles and means cannot be combined across jobs: only one job (or --group_reporting) has them.
    if (sides.length === 1) {
      const clat = isRecord(sides[0]!.clat_ns) ? sides[0]!.clat_ns : undefined;
      const mean = num(clat?.mean);
      if (mean !== undefined) figures[`${dir}.clat.mean`] = { value: mean, unit: 'ns' };
      if (clat && isRecord(clat.percentile)) {
        for (const [k, v] of Object.entries(clat.percentile)) {
          const n = num(v);
          if (n !== undefined) figures[`${dir}.clat.${percentileKey(k)}`] = { value: n, unit: 'ns' };
        }
      }
    }
  }
  const first = jobs[0]!;
  const options: Record<string, string> = {};
  for (const src of [doc['global options'], first['job options']]) {
    if (isRecord(src)) for (const [k, v] of Object.entries(src)) options[k] = String(v);
  }
  if (jobs.length > 1 && !('numjobs' in options)) options.numjobs = String(jobs.length);
  const ms = num(doc.timestamp_ms) ?? (num(doc.timestamp) !== undefined ? num(doc.timestamp)! * 1000 : undefined);
  return {
    format: 'fio-json',
    tool: 'fio',
    version: String(doc['fio version']),
    command: ['fio', ...Object.entries(options).map(([k, v]) => (v === '' ? `--${k}` : `--${k}=${v}`)), '--output-format=json'].join(' '),
    options,
    environment: {},
    runs: [{ ...(ms !== undefined ? { time: new Date(ms).toISOString() } : {}), figures }],
  };
}

/** `uname -a` as iperf3 reports it: "Linux host 6.1.0-13-amd64 #1 SMP … x86_64". */
function unameParts(s: string): ToolEnvironment {
  const parts = s.trim().split(/\s+/);
  if (parts.length < 3) return { system: s };
  return { system: parts[0], host: parts[1], kernel: parts[2], cpu: parts.length > 3 ? parts.at(-1) : undefined };
}

/** iperf3 `-J`: one run per file; received (the receiver's view) and sent bandwidth. */
export function readIperf3(text: string): ToolReport {
  const doc = parseJson(text, 'iperf3', '-J');
  if (!isRecord(doc) || !isRecord(doc.start) || !isRecord(doc.end)) {
    throw new EvidenceError(
      'not an iperf3 JSON report: it has no "start" and "end"',
      'the output of iperf3 -c <server> -J',
      'Check the file: is it the output of another tool? Use --format to say which.',
    );
  }
  if (typeof doc.error === 'string') {
    throw new EvidenceError(`iperf3 reports an error: ${doc.error}`, 'a completed iperf3 test', 'Fix the connection or server and run the test again.');
  }
  const { start, end } = doc;
  const figures: Record<string, Figure> = {};
  for (const [key, sum] of [['sent', end.sum_sent], ['received', end.sum_received], ['received', end.sum]] as const) {
    const bps = isRecord(sum) ? num(sum.bits_per_second) : undefined;
    if (bps !== undefined && !(`${key}.bandwidth` in figures)) figures[`${key}.bandwidth`] = { value: bps, unit: 'bps' };
  }
  if (Object.keys(figures).length === 0) {
    throw new EvidenceError(
      'the iperf3 report has no end summary (sum_sent / sum_received)',
      'a completed iperf3 test with its "end" block',
      'The test was interrupted: run it again to the end.',
    );
  }
  const ts = isRecord(start.timestamp) ? num(start.timestamp.timesecs) : undefined;
  const test = isRecord(start.test_start) ? start.test_start : {};
  const to = isRecord(start.connecting_to) ? start.connecting_to : undefined;
  const options: Record<string, string> = {};
  for (const [k, v] of Object.entries(test)) if (typeof v === 'number' || typeof v === 'string') options[k] = String(v);
  const args = ['iperf3'];
  if (to) args.push('-c', String(to.host), '-p', String(to.port));
  if (test.protocol === 'UDP') args.push('-u');
  if (num(test.duration)) args.push('-t', String(test.duration));
  if ((num(test.num_streams) ?? 1) > 1) args.push('-P', String(test.num_streams));
  if (num(test.reverse)) args.push('-R');
  if (num(test.omit)) args.push('-O', String(test.omit));
  if (num(test.bytes)) args.push('-n', String(test.bytes));
  args.push('-J');
  return {
    format: 'iperf3-json',
    tool: 'iperf3',
    version: typeof start.version === 'string' ? start.version : undefined,
    command: args.join(' '),
    options,
    environment: {
      ...(typeof start.system_info === 'string' ? unameParts(start.system_info) : {}),
      ...(to ? { peer: `${String(to.host)}:${String(to.port)}` } : {}),
    },
    runs: [{ ...(ts !== undefined ? { time: new Date(ts * 1000).toISOString() } : {}), figures }],
  };
}

/** The documented CSV: a header row, then one row per run. */
export const CSV_COLUMNS = ['tool', 'metric', 'value', 'unit', 'timestamp'] as const;

/** RFC 4180 fields: commas, double quotes doubled inside quoted fields, CRLF or LF line ends. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => { row.push(field); field = ''; };
  const endRow = () => { endField(); if (row.length > 1 || row[0] !== '') rows.push(row); row = []; };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i++; continue; }
      field += ch; i++; continue;
    }
    if (ch === '"' && field === '') { quoted = true; i++; continue; }
    if (ch === ',') { endField(); i++; continue; }
    if (ch === '\r' && text[i + 1] === '\n') { endRow(); i += 2; continue; }
    if (ch === '\n') { endRow(); i++; continue; }
    field += ch; i++;
  }
  if (quoted) {
    throw new EvidenceError('the CSV ends inside a quoted field', 'every opening " closed', 'The file is truncated or a quote is missing: check the last row.');
  }
  if (field !== '' || row.length) endRow();
  return rows;
}

/** `tool,metric,value,unit,timestamp`, one row per run (extra columns are kept out of the figures). */
export function readCsv(text: string): ToolReport {
  const rows = csvRows(text);
  const header = rows[0]?.map((h) => h.trim().toLowerCase());
  const col = Object.fromEntries(CSV_COLUMNS.map((c) => [c, header?.indexOf(c) ?? -1])) as Record<(typeof CSV_COLUMNS)[number], number>;
  const missing = CSV_COLUMNS.filter((c) => col[c] < 0);
  if (!header || missing.length) {
    throw new EvidenceError(
      `the CSV header lacks ${missing.join(', ') || 'every column'}`,
      `a first row naming the columns ${CSV_COLUMNS.join(',')}`,
      'Add the header row; see "Measure a claim" in README.md for the format.',
    );
  }
  if (rows.length < 2) throw new EvidenceError('the CSV has a header but no runs', 'one row per run after the header', 'Add a row per run.');
  const tools = new Set<string>();
  const runs = rows.slice(1).map((r, i): Run => {
    const line = i + 2;
    const cell = (c: (typeof CSV_COLUMNS)[number]) => (r[col[c]] ?? '').trim();
    if (r.length < header.length) {
      throw new EvidenceError(`CSV line ${line} has ${r.length} of ${header.length} fields`, 'every row as long as the header', 'The file may be truncated: check the last row.');
    }
    const value = Number(cell('value'));
    if (cell('value') === '' || !Number.isFinite(value)) {
      throw new EvidenceError(`CSV line ${line}: value "${cell('value')}" is not a number`, 'a plain number such as 1234.5', 'Write the value without units or thousands separators.');
    }
    const time = Date.parse(cell('timestamp'));
    if (Number.isNaN(time)) {
      throw new EvidenceError(`CSV line ${line}: timestamp "${cell('timestamp')}" is not a date and time`, 'an ISO 8601 timestamp, e.g. 2026-11-30T14:05:00Z', 'Write the time the run started, with its time zone.');
    }
    if (!cell('metric') || !cell('unit') || !cell('tool')) {
      throw new EvidenceError(`CSV line ${line}: tool, metric and unit must not be empty`, 'a tool, metric and unit on every row', 'Fill the empty cells.');
    }
    tools.add(cell('tool'));
    return { row: line, time: new Date(time).toISOString(), figures: { [`csv:${cell('metric')}`]: { value, unit: cell('unit') } } };
  });
  if (tools.size > 1) {
    throw new EvidenceError(`the CSV mixes tools (${[...tools].join(', ')})`, 'one tool per file', 'Split the file by tool and import the one the claim is about.');
  }
  return { format: 'csv', tool: [...tools][0]!, options: {}, environment: {}, runs };
}

/** The format of a result file: fio and iperf3 JSON are recognised by their keys, else CSV. */
export function detectFormat(text: string): EvidenceFormat {
  const start = text.search(/^\{/m);
  if (start >= 0) {
    if (/"fio version"\s*:/.test(text)) return 'fio-json';
    if (/"start"\s*:/.test(text) && /"connecting_to"|"test_start"|"system_info"/.test(text)) return 'iperf3-json';
  }
  return 'csv';
}

export function readReport(text: string, format: EvidenceFormat = detectFormat(text)): ToolReport {
  if (format === 'fio-json') return readFio(text);
  if (format === 'iperf3-json') return readIperf3(text);
  return readCsv(text);
}
