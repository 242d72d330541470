/**
 * The real tools, briefly: fio writes 32 MiB twice to a temporary file, iperf3 runs 2 seconds over
 * loopback against a one-off server on a free port. Their JSON is imported into a scratch claim of
 * a throwaway project; check passes, and the built claim page shows the runs, the spread, the
 * command and the raw files, and the dagger page shows "ours" from the measurement. The expected
 * figures are read from the tools' JSON here, independently of the importer. `./fieldkit test`
 * installs Debian's fio and iperf3 first (cli/tools.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installHint, missingPackages, MEASURE_TOOLS } from '../../cli/tools.ts';
import { checkJson, fieldkit, freePort, projectWith } from '../helpers.ts';
import { CKPT, CLOUD, DAGGER_CLAIM, DAGGER_CLOUD, MEASURE_TREE } from './measure-fixture.ts';

/** Four significant digits, whole numbers whole: the rounding the README documents for measured figures. */
const fig = (x: number) => (Math.abs(x) >= 1000 ? Math.round(x) : Number(x.toPrecision(4)));

const work = mkdtempSync(join(tmpdir(), 'fieldkit-tools-'));
const fioFiles = [join(work, 'fio-1.json'), join(work, 'fio-2.json')];
const iperfFile = join(work, 'iperf3.json');
let server: ReturnType<typeof spawn> | undefined;

beforeAll(async () => {
  expect(missingPackages(MEASURE_TOOLS), installHint(missingPackages(MEASURE_TOOLS))).toEqual([]);
  for (const out of fioFiles) {
    const r = spawnSync('fio', ['--name=t', '--rw=write', '--bs=1M', '--size=32M', `--filename=${join(work, 'fk-fio')}`, '--output-format=json', `--output=${out}`], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
  }
  const port = await freePort();
  server = spawn('iperf3', ['-s', '-1', '-B', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  let client: ReturnType<typeof spawnSync> | undefined;
  const complete = () => {
    try {
      return (JSON.parse(readFileSync(iperfFile, 'utf8')) as { end?: { sum_received?: unknown } }).end?.sum_received !== undefined;
    } catch {
      return false;
    }
  };
  for (let attempt = 0; attempt < 20; attempt++) {
    rmSync(iperfFile, { force: true }); // iperf3 appends to its log file: start each attempt empty
    client = spawnSync('iperf3', ['-c', '127.0.0.1', '-p', String(port), '-t', '2', '-J', '--logfile', iperfFile], { encoding: 'utf8', timeout: 30_000 });
    if (client.status === 0 && complete()) break;
    await new Promise((r) => setTimeout(r, 200)); // the server is still starting
  }
  expect(client?.status, String(client?.stderr)).toBe(0);
}, 120_000);

afterAll(() => {
  if (server && server.exitCode === null) server.kill();
});

describe('fio and iperf3 results, imported and shown', () => {
  it('import, check, build: the claim and dagger pages show the measured figures', () => {
    const fio = fioFiles.map((f) => JSON.parse(readFileSync(f, 'utf8')) as { timestamp_ms: number; jobs: { write: { bw_bytes: number } }[] });
    const runs = fio.map((j) => fig(j.jobs[0]!.write.bw_bytes / 1e9)).sort((a, b) => a - b);
    const median = fig((runs[0]! + runs[1]!) / 2);
    const iperf = JSON.parse(readFileSync(iperfFile, 'utf8')) as { end: { sum_received: { bits_per_second: number } } };
    const ours = fig(iperf.end.sum_received.bits_per_second / 8 / 1e9);
    const now = new Date(Math.max(...fio.map((j) => j.timestamp_ms))).toISOString().slice(0, 10);

    const dir = projectWith({ ...MEASURE_TREE, [CLOUD]: DAGGER_CLOUD, [CKPT]: DAGGER_CLAIM });
    const a = fieldkit(['measure', 'import', 'azure/ckpt', ...fioFiles, '--root', dir, '--now', now]);
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    expect(a.stdout).toContain(`metric.value TBD -> ${median} GB/s (median of 2 runs, min ${runs[0]}, max ${runs[1]}; write.bandwidth from fio`);
    const b = fieldkit(['measure', 'import', 'azure/ckpt', iperfFile, '--side', 'ours', '--root', dir, '--now', now]);
    expect(b.code).toBe(0);
    expect(b.stdout).toContain(`ours.value TBD -> ${ours} GB/s (median of 1 run`);
    expect(checkJson(dir, ['--now', now]).json.problems.filter((p) => p.severity === 'error')).toEqual([]);

    const claim = readFileSync(join(dir, CKPT), 'utf8');
    const session = /metric: azure\/ckpt\/(\S+)/.exec(claim)![1]!;
    const build = fieldkit(['build', '--now', now], { cwd: dir, env: { FIELDKIT_ROOT: dir } });
    expect(build.code, build.stderr).toBe(0);
    const page = readFileSync(join(dir, 'dist', 'claims', 'azure', 'ckpt', 'index.html'), 'utf8');
    expect(page).toContain(`id="measurement-${session}"`);
    expect(page).toContain(`${median} GB/s`);
    expect(page).toContain(`median of 2 runs, min ${runs[0]} GB/s, max ${runs[1]} GB/s`);
    expect(page).toContain('fio --name=t --rw=write --bs=1M --size=32M');
    expect(page).toContain(`href="/measurements/azure/ckpt/${session}/fio-1.json"`);
    expect(page).toContain('href="#reproduce"');
    const served = readFileSync(join(dir, 'dist', 'measurements', 'azure', 'ckpt', session, 'fio-2.json'));
    expect(served).toEqual(readFileSync(fioFiles[1]!));
    const dagger = readFileSync(join(dir, 'dist', 'clouds', 'azure', 'dagger', 'index.html'), 'utf8');
    expect(dagger).toMatch(new RegExp(`<strong[^>]*>${String(ours).replace('.', '\\.')} GB/s</strong>`));
    expect(dagger).toMatch(/href="\/claims\/azure\/ckpt\/#measurement-[^"]+"[^>]*>Measured<\/a>/);
  }, 300_000);
});
