/**
 * Golden tests on recorded tool output (tests/fixtures/measure/: real fio 3.33 and iperf3 3.12
 * runs on the build machine, plus hand-written CSV). Every expected figure was worked out by hand
 * from the numbers in the fixture file (named in the comment), not by the code under test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMeasurement, chooseStatistic, recompute, redactHosts, sessionId, type EvidenceFile } from './measurement.ts';
import { csvRows, detectFormat, EvidenceError, readCsv, readFio, readIperf3 } from './readers.ts';
import { roundFigure, spread } from './stats.ts';
import { convert } from './units.ts';
import { setYamlScalars } from './yaml-edit.ts';

const FIX = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'measure');
const text = (name: string) => readFileSync(join(FIX, name), 'utf8');
const file = (name: string): EvidenceFile => ({ name, text: text(name) });
const evidenceError = (fn: () => unknown): EvidenceError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof EvidenceError) return e;
    throw e;
  }
  throw new Error('expected an EvidenceError');
};

describe('units', () => {
  it('converts between decimal, binary and bit rates, and between time units', () => {
    expect(convert(1, 'GB/s', 'MB/s')).toBe(1000);
    expect(convert(1, 'MiB/s', 'B/s')).toBe(1048576);
    expect(convert(1, 'Gbps', 'MB/s')).toBe(125);
    expect(convert(460800, 'ns', 'ms')).toBeCloseTo(0.4608, 12);
    expect(convert(2, 's', 'us')).toBe(2_000_000);
  });
  it('refuses to convert across dimensions or unknown units, but passes one spelling through', () => {
    expect(convert(1, 'MB/s', 'ms')).toBeUndefined();
    expect(convert(1, 'IOPS', 'requests/s')).toBeUndefined();
    expect(convert(7, 'widgets/h', 'widgets/h')).toBe(7);
    expect(convert(7, 'widgets/h', 'MB/s')).toBeUndefined();
  });
});

describe('spread and rounding', () => {
  it('rounds to four significant digits but keeps whole numbers whole', () => {
    expect(roundFigure(4.793490285)).toBe(4.793);
    expect(roundFigure(12891.46)).toBe(12891);
    expect(roundFigure(0.000309248)).toBe(0.0003092);
  });
  it('median of an odd and an even count, min, max, n', () => {
    expect(spread([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3, n: 3 });
    expect(spread([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, n: 4 });
    expect(spread([5])).toEqual({ median: 5, min: 5, max: 5, n: 1 });
  });
});

describe('fio JSON', () => {
  it('reads version, job options, the report time and bandwidth in B/s (fio-write-1m.json)', () => {
    const r = readFio(text('fio-write-1m.json'));
    expect(r.tool).toBe('fio');
    expect(r.version).toBe('fio-3.33');
    expect(r.options).toEqual({ name: 't', rw: 'write', bs: '1M', size: '64M', filename: '/tmp/fkm/fk-fio' });
    expect(r.command).toBe('fio --name=t --rw=write --bs=1M --size=64M --filename=/tmp/fkm/fk-fio --output-format=json');
    expect(r.runs).toHaveLength(1);
    expect(r.runs[0]!.time).toBe('2026-12-01T08:19:17.400Z'); // timestamp_ms 1796113157400
    expect(r.runs[0]!.figures['write.bandwidth']).toEqual({ value: 4793490285, unit: 'B/s' });
    expect(r.runs[0]!.figures['read.bandwidth']).toBeUndefined(); // nothing was read
  });
  it('skips the notes fio prints before the JSON', () => {
    expect(readFio(text('fio-with-note.json')).runs[0]!.figures['write.bandwidth']!.value).toBe(4793490285);
  });
  it('picks write bandwidth for a write-bandwidth claim in GB/s: one run', () => {
    const rc = recompute([file('fio-write-1m.json')], undefined, undefined, 'Sustained aggregate checkpoint write bandwidth', 'GB/s');
    expect(rc.key).toBe('write.bandwidth');
    expect(rc.runs).toEqual([{ file: 'fio-write-1m.json', time: '2026-12-01T08:19:17.400Z', value: 4.793 }]);
    expect(rc.spread).toEqual({ median: 4.793, min: 4.793, max: 4.793, n: 1 });
  });
  it('converts to MiB/s (4793490285 / 1048576 = 4571.4)', () => {
    const rc = recompute([file('fio-write-1m.json')], undefined, undefined, 'Write bandwidth', 'MiB/s');
    expect(rc.spread.median).toBe(4571);
  });
  it('median, min and max across three files (4.793, 3.355 and 3.050 + 4.793 = 7.844 GB/s)', () => {
    const rc = recompute([file('fio-write-1m.json'), file('fio-write-p50-p99.json'), file('fio-write-2jobs.json')], undefined, undefined, 'write bandwidth', 'GB/s');
    expect(rc.runs.map((r) => r.value)).toEqual([4.793, 3.355, 7.844]);
    expect(rc.spread).toEqual({ median: 4.793, min: 3.355, max: 7.844, n: 3 });
  });
  it('takes the percentile the metric names from completion latency, in ms', () => {
    // fio-randread-4k.json: read clat p99 218112 ns, p99.9 1155072 ns, mean 108588.7 ns; 8995.0 IOPS
    expect(recompute([file('fio-randread-4k.json')], undefined, undefined, 'p99 4 KiB random read latency', 'ms').spread.median).toBe(0.2181);
    expect(recompute([file('fio-randread-4k.json')], undefined, undefined, 'p99.9 read latency', 'ms').spread.median).toBe(1.155);
    expect(recompute([file('fio-randread-4k.json')], undefined, undefined, 'mean read latency', 'us').spread.median).toBe(108.6);
    expect(recompute([file('fio-randread-4k.json')], undefined, undefined, '4 KiB random reads', 'IOPS').spread.median).toBe(8995);
  });
  it('a missing percentile is an error that says how to get it (fio-write-p50-p99.json has p50 and p99 only)', () => {
    const e = evidenceError(() => recompute([file('fio-write-p50-p99.json')], undefined, undefined, 'p99.9 write latency', 'ms'));
    expect(e.message).toBe('fio reported no p99.9 completion latency (it has p50, p99)');
    expect(e.hint).toContain('--percentile_list');
    expect(recompute([file('fio-write-p50-p99.json')], undefined, undefined, 'p99 write latency', 'ms').spread.median).toBe(0.4608);
  });
  it('a latency metric in ms that names no percentile is an error', () => {
    const e = evidenceError(() => chooseStatistic([readFio(text('fio-randread-4k.json'))], 'time to first byte', 'ms'));
    expect(e.message).toBe('the metric "time to first byte" is in ms but names no percentile');
  });
  it('mixed reads and writes need the direction: from the metric name, else an error', () => {
    // fio-randrw-4k.json: read 33715834 B/s, write 35611504 B/s
    expect(recompute([file('fio-randrw-4k.json')], undefined, undefined, 'mixed read bandwidth', 'MiB/s').spread.median).toBe(32.15);
    expect(recompute([file('fio-randrw-4k.json')], undefined, undefined, 'mixed write bandwidth', 'MiB/s').spread.median).toBe(33.96);
    const e = evidenceError(() => recompute([file('fio-randrw-4k.json')], undefined, undefined, 'mixed bandwidth', 'MiB/s'));
    expect(e.message).toBe('the metric "mixed bandwidth" matches several statistics: read.bandwidth, write.bandwidth');
    expect(recompute([file('fio-randrw-4k.json')], undefined, 'write.bandwidth', 'mixed bandwidth', 'MiB/s').spread.median).toBe(33.96);
  });
  it('two jobs without group reporting: bandwidth summed, percentiles refused', () => {
    const r = readFio(text('fio-write-2jobs.json'));
    expect(r.runs[0]!.figures['write.bandwidth']!.value).toBe(3050402909 + 4793490285);
    expect(r.runs[0]!.figures['write.clat.p99']).toBeUndefined();
    expect(r.options.numjobs).toBe('2');
  });
  it('a truncated report is a clear error', () => {
    const e = evidenceError(() => recompute([file('fio-truncated.json')], undefined, undefined, 'write bandwidth', 'GB/s'));
    expect(e.message).toMatch(/^fio-truncated\.json: the fio JSON report is incomplete or damaged/);
    expect(e.hint).toContain('truncated');
  });
});

describe('iperf3 JSON', () => {
  it('reads received and sent bandwidth, the start time, the command and the environment (iperf3-tcp-loopback.json)', () => {
    const r = readIperf3(text('iperf3-tcp-loopback.json'));
    expect(r.version).toBe('iperf 3.12');
    expect(r.command).toBe('iperf3 -c 127.0.0.1 -p 45123 -t 2 -J');
    expect(r.environment).toEqual({ system: 'Linux', host: 'vm', kernel: '6.18.44-fc-v1045', cpu: 'x86_64', peer: '127.0.0.1:45123' });
    expect(r.runs[0]!.time).toBe('2026-12-01T08:20:08.000Z'); // timesecs 1796113208
    expect(r.runs[0]!.figures['received.bandwidth']).toEqual({ value: 12891462144.2047, unit: 'bps' });
  });
  it('receiver bandwidth by default, sender when the metric says so, in Gbps', () => {
    expect(recompute([file('iperf3-tcp-loopback.json')], undefined, undefined, 'loopback bandwidth', 'Gbps').spread.median).toBe(12.89);
    expect(recompute([file('iperf3-tcp-loopback.json')], undefined, undefined, 'sender bandwidth', 'Gbps').spread.median).toBe(12.91);
  });
  it('refuses to mix tools in one measurement', () => {
    const e = evidenceError(() => recompute([file('iperf3-tcp-loopback.json'), file('fio-write-1m.json')], undefined, undefined, 'bandwidth', 'Gbps'));
    expect(e.message).toBe('the files are of different formats (iperf3-json, fio-json)');
  });
});

describe('CSV', () => {
  it('parses quoted fields with commas and CRLF line ends', () => {
    expect(csvRows('a,"b, c","d ""e"""\r\n1,2,3\r\n')).toEqual([['a', 'b, c', 'd "e"'], ['1', '2', '3']]);
  });
  it('mixed units converted to the claim unit; rows of other metrics skipped (csv-mixed-units.csv)', () => {
    // 1000 MB/s, 953.674 MiB/s = 1000 MB/s, 1.1 GB/s = 1100 MB/s; the requests row is another metric
    const rc = recompute([file('csv-mixed-units.csv')], undefined, 'csv:throughput', 'PUT throughput', 'MB/s');
    expect(rc.runs.map((r) => [r.row, r.value])).toEqual([[2, 1000], [3, 1000], [5, 1100]]);
    expect(rc.spread).toEqual({ median: 1000, min: 1000, max: 1100, n: 3 });
  });
  it('picks the one metric convertible to the unit without --stat', () => {
    expect(recompute([file('csv-mixed-units.csv')], undefined, undefined, 'PUT rate', 'requests/s').spread).toEqual({ median: 250, min: 250, max: 250, n: 1 });
  });
  it('a single run with a time zone offset (csv-single-run.csv: 2048 MiB/s = 2.147 GB/s)', () => {
    const r = readCsv(text('csv-single-run.csv'));
    expect(r.tool).toBe('elbencho');
    expect(r.runs).toEqual([{ row: 2, time: '2026-11-29T09:00:00.000Z', figures: { 'csv:read, aggregate': { value: 2048, unit: 'MiB/s' } } }]);
    expect(recompute([file('csv-single-run.csv')], undefined, undefined, 'read bandwidth', 'GB/s').spread.median).toBe(2.147);
  });
  it('a truncated CSV is a clear error naming the line', () => {
    const e = evidenceError(() => readCsv(text('csv-truncated.csv')));
    expect(e.message).toBe('CSV line 3 has 3 of 5 fields');
  });
  it('a header without the documented columns is an error', () => {
    const e = evidenceError(() => readCsv('tool,value\nx,1\n'));
    expect(e.message).toBe('the CSV header lacks metric, unit, timestamp');
  });
  it('detects the format from the content', () => {
    expect(detectFormat(text('fio-with-note.json'))).toBe('fio-json');
    expect(detectFormat(text('iperf3-tcp-loopback.json'))).toBe('iperf3-json');
    expect(detectFormat(text('csv-single-run.csv'))).toBe('csv');
  });
});

describe('the measurement entry', () => {
  it('records what the tool reported, the files with their hashes, the runs and the spread', () => {
    const { session, data } = buildMeasurement(
      {
        claimId: 'azure/x', side: 'ours', metricName: 'write bandwidth', unit: 'GB/s', owner: 'lead', audience: 'internal', reviewEvery: 90,
        files: [{ ...file('fio-write-1m.json'), sha256: 'a'.repeat(64) }], given: { region: 'local' },
      },
      '2026-12-31T00:00:00.000Z',
    );
    expect(session).toBe('2026-12-01-0819');
    expect(data).toMatchObject({
      reviewed: '2026-12-01', reviewEvery: 90, claim: 'azure/x', side: 'ours', tool: 'fio', version: 'fio-3.33', format: 'fio-json',
      started: '2026-12-01T08:19:17.400Z', environment: { given: { region: 'local' } }, statistic: 'write.bandwidth', unit: 'GB/s',
      files: [{ name: 'fio-write-1m.json', sha256: 'a'.repeat(64) }],
      summary: { median: 4.793, min: 4.793, max: 4.793, n: 1 },
    });
  });
  it('session id from the earliest run', () => {
    expect(sessionId([{ file: 'a', value: 1, time: '2026-11-30T15:05:00.000Z' }, { file: 'b', value: 1, time: '2026-11-30T14:05:00.000Z' }], 'x')).toBe('2026-11-30-1405');
  });
  it('redacts host names as whole words only', () => {
    expect(redactHosts('"Linux vm 6.1 x86_64", "vmlinuz", host vm.', ['vm'])).toBe('"Linux [host redacted] 6.1 x86_64", "vmlinuz", host vm.');
  });
});

describe('setYamlScalars', () => {
  const claim = 'owner: lead\nstatement: >-\n  A long folded\n  statement.\nmetric:\n  value: TBD # to be measured\n  unit: GB/s\nstatus: tbd\n';
  it('replaces values in place, keeps comments and folded text, appends missing keys', () => {
    const out = setYamlScalars(claim, [
      { path: ['metric', 'value'], value: 4.793 },
      { path: ['status'], value: 'measured' },
      { path: ['evidence', 'metric'], value: 'azure/x/2026-12-01-0819' },
    ]);
    expect(out).toBe('owner: lead\nstatement: >-\n  A long folded\n  statement.\nmetric:\n  value: 4.793 # to be measured\n  unit: GB/s\nstatus: measured\nevidence:\n  metric: azure/x/2026-12-01-0819\n');
  });
  it('adds a key inside an existing block map', () => {
    const out = setYamlScalars('evidence:\n  metric: a/b/c\nstatus: measured\n', [{ path: ['evidence', 'ours'], value: 'a/b/d' }]);
    expect(out).toBe('evidence:\n  metric: a/b/c\n  ours: a/b/d\nstatus: measured\n');
  });
});

describe('one measurement, one command', () => {
  it('refuses results made with other options', () => {
    const e = evidenceError(() => buildMeasurement(
      {
        claimId: 'azure/x', side: 'metric', metricName: 'write bandwidth', unit: 'GB/s', owner: 'lead', audience: 'internal', reviewEvery: 180,
        files: [{ ...file('fio-write-1m.json'), sha256: 'a'.repeat(64) }, { ...file('fio-write-p50-p99.json'), sha256: 'b'.repeat(64) }],
      },
      '2026-12-31T00:00:00.000Z',
    ));
    // fio-write-1m.json ran job "t"; fio-write-p50-p99.json ran job "w2"
    expect(e.message).toBe('fio-write-p50-p99.json was made with other options than fio-write-1m.json (name: w2 vs t)');
  });
});

describe('direction', () => {
  it('a write metric refuses results that only read (fio-randread-4k.json)', () => {
    const e = evidenceError(() => recompute([file('fio-randread-4k.json')], undefined, undefined, 'Sustained checkpoint write bandwidth', 'GB/s'));
    expect(e.message).toBe('the metric "Sustained checkpoint write bandwidth" is about write, but the results hold only read.bandwidth');
  });
});

describe('direction across tools', () => {
  it('a write metric says nothing about a network test: iperf3 received bandwidth is taken', () => {
    expect(recompute([file('iperf3-tcp-loopback.json')], undefined, undefined, 'Sustained checkpoint write bandwidth', 'Gbps').key).toBe('received.bandwidth');
  });
});
