/**
 * `fieldkit measure import` and the measurement rules of `check`, on temporary trees with recorded
 * tool output (tests/fixtures/measure/). Expected figures were worked out by hand from the
 * fixtures: fio-write-1m.json writes 4793490285 B/s (4.793 GB/s) and reported at
 * 2026-12-01T08:19:17.400Z; iperf3-tcp-loopback.json received 12891462144.2 bit/s (1.611 GB/s).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_TREE, checkJson, fieldkit, makeTree } from '../helpers.ts';
import { CKPT, CKPT_CLAIM, FIXTURES } from './measure-fixture.ts';

const NOW = ['--now', '2026-12-01'];
const SESSION = 'src/content/measurements/azure/ckpt/2026-12-01-0819';

const importInto = (dir: string, files: string[], extra: string[] = []) =>
  fieldkit(['measure', 'import', 'azure/ckpt', ...files.map((f) => join(FIXTURES, f)), '--root', dir, ...NOW, ...extra]);
const errorsOf = (dir: string) => checkJson(dir, NOW).json.problems.filter((p) => p.severity === 'error');

describe('measure import', () => {
  it('writes the measurement and its raw file, and makes the claim measured with the median', () => {
    const dir = makeTree({ [CKPT]: CKPT_CLAIM });
    const r = importInto(dir, ['fio-write-1m.json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('azure/ckpt: metric.value TBD -> 4.793 GB/s (median of 1 run, min 4.793, max 4.793; write.bandwidth from fio fio-3.33)');
    expect(r.stdout).toContain('check: no problems in the claim or its measurement');
    const entry = readFileSync(join(dir, `${SESSION}.yaml`), 'utf8');
    expect(entry).toContain('command: fio --name=t --rw=write --bs=1M --size=64M --filename=/tmp/fkm/fk-fio --output-format=json\n');
    expect(entry).toContain('statistic: write.bandwidth\nunit: GB/s\n');
    expect(entry).toContain('summary:\n  median: 4.793\n  min: 4.793\n  max: 4.793\n  n: 1\n');
    expect(readFileSync(join(dir, SESSION, 'fio-write-1m.json'))).toEqual(readFileSync(join(FIXTURES, 'fio-write-1m.json')));
    const claim = readFileSync(join(dir, CKPT), 'utf8');
    expect(claim).toContain('  value: 4.793 # to be measured\n');
    expect(claim).toContain('status: measured\n');
    expect(claim).toContain('asOf: 2026-12-01\nevidence:\n  metric: azure/ckpt/2026-12-01-0819\n');
    expect(errorsOf(dir)).toEqual([]);
  });

  it('--dry-run prints what it would write and writes nothing', () => {
    const dir = makeTree({ [CKPT]: CKPT_CLAIM });
    const r = importInto(dir, ['fio-write-1m.json'], ['--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`would write ${SESSION}.yaml:`);
    expect(r.stdout).toContain('  median: 4.793\n');
    expect(r.stdout).toContain('(dry run: nothing written)');
    expect(existsSync(join(dir, 'src/content/measurements'))).toBe(false);
    expect(readFileSync(join(dir, CKPT), 'utf8')).toBe(CKPT_CLAIM);
  });

  it('a truncated result file is a clear error and nothing is written', () => {
    const dir = makeTree({ [CKPT]: CKPT_CLAIM });
    const r = importInto(dir, ['fio-write-1m.json', 'fio-truncated.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fieldkit measure: fio-truncated.json: the fio JSON report is incomplete or damaged');
    expect(r.stderr).toContain('Nothing was written.');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(dir, 'src/content/measurements'))).toBe(false);
    expect(readFileSync(join(dir, CKPT), 'utf8')).toBe(CKPT_CLAIM);
  });

  it('--side ours fills ours.value and leaves the claim status alone (iperf3, bit/s to GB/s)', () => {
    const dir = makeTree({ [CKPT]: CKPT_CLAIM });
    const r = importInto(dir, ['iperf3-tcp-loopback.json'], ['--side', 'ours']);
    expect(r.code).toBe(0);
    const claim = readFileSync(join(dir, CKPT), 'utf8');
    expect(claim).toContain('ours:\n  label: Our platform, same test\n  value: 1.611\n');
    expect(claim).toContain('status: tbd\n');
    expect(claim).toContain('evidence:\n  ours: azure/ckpt/2026-12-01-0820\n');
    expect(errorsOf(dir)).toEqual([]);
  });

  it('usage and content mistakes: unknown claim (1), missing file (2), unknown subcommand (2)', () => {
    const dir = makeTree({ [CKPT]: CKPT_CLAIM });
    const unknown = fieldkit(['measure', 'import', 'azure/nope', join(FIXTURES, 'fio-write-1m.json'), '--root', dir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no claim "azure/nope"');
    const missing = fieldkit(['measure', 'import', 'azure/ckpt', join(dir, 'nope.json'), '--root', dir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such result file');
    expect(fieldkit(['measure', 'export']).code).toBe(2);
  });
});

describe('check recomputes measured figures from the raw files', () => {
  const imported = () => {
    const dir = makeTree({ [CKPT]: CKPT_CLAIM });
    expect(importInto(dir, ['fio-write-1m.json']).code).toBe(0);
    return dir;
  };

  it('a hand-edited value fails at its line, saying what the evidence gives', () => {
    const dir = imported();
    const path = join(dir, CKPT);
    writeFileSync(path, readFileSync(path, 'utf8').replace('value: 4.793 #', 'value: 5 #'));
    expect(errorsOf(dir)).toEqual([
      expect.objectContaining({
        code: 'measurement-mismatch', file: CKPT, line: 9, column: 10, field: 'metric.value',
        message: 'metric.value is 5 but its measurement azure/ckpt/2026-12-01-0819 gives a median of 4.793 GB/s (n = 1)',
        expected: '4.793',
      }),
    ]);
    const text = fieldkit(['check', '--root', dir, ...NOW]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('9:10  error  metric.value is 5 but its measurement');
  });

  it('a hand-edited run in the measurement fails at that run', () => {
    const dir = imported();
    const path = join(dir, `${SESSION}.yaml`);
    writeFileSync(path, readFileSync(path, 'utf8').replace('    value: 4.793', '    value: 4.8'));
    expect(errorsOf(dir).map((p) => [p.code, p.field, p.message])).toEqual([
      ['measurement-mismatch', 'runs.0.value', 'run 1 (fio-write-1m.json) is 4.8 but the raw files give 4.793'],
    ]);
  });

  it('an edited raw file is caught by its SHA-256', () => {
    const dir = imported();
    const raw = join(dir, SESSION, 'fio-write-1m.json');
    writeFileSync(raw, readFileSync(raw, 'utf8').replace('"bw_bytes" : 4793490285', '"bw_bytes" : 5793490285'));
    expect(errorsOf(dir).map((p) => [p.code, p.field])).toEqual([['evidence-changed', 'files.0.sha256']]);
  });

  it('a missing raw file is reported on the measurement', () => {
    const dir = imported();
    rmSync(join(dir, SESSION, 'fio-write-1m.json'));
    expect(errorsOf(dir).map((p) => [p.code, p.field, p.message])).toEqual([
      ['evidence-missing', 'files.0.name', `the raw result file fio-write-1m.json is not in ${SESSION}/`],
    ]);
  });

  it('a stray file under measurements/ is a warning, not an unknown file', () => {
    const dir = imported();
    writeFileSync(join(dir, SESSION, 'notes.txt'), 'x');
    const { problems } = checkJson(dir, NOW).json;
    expect(problems.map((p) => [p.code, p.severity, p.file])).toEqual([['evidence-unlisted', 'warning', `${SESSION}/notes.txt`]]);
  });

  it('a measured claim without evidence is reported', () => {
    const dir = makeTree({ [CKPT]: CKPT_CLAIM.replace('value: TBD # to be measured', 'value: 4').replace('status: tbd', 'status: measured\nsources: [doc]\nasOf: 2026-11-01') });
    expect(errorsOf(dir).map((p) => [p.code, p.field, p.line])).toEqual([['claim-needs-evidence', 'status', 16]]);
  });

  it('a measured claim needs its repro steps as well as its evidence', () => {
    // Moved from check.test.ts, whose cases expect exactly one problem each.
    const claim = BASE_TREE['src/content/claims/azure/ingress.yaml']!.replace('status: sourced', 'status: measured');
    const dir = makeTree({ 'src/content/claims/azure/ingress.yaml': claim });
    expect(errorsOf(dir).map((p) => [p.code, p.line, p.column, p.message])).toEqual([
      ['claim-needs-evidence', 12, 9, 'a measured claim must point at its measurement (evidence.metric)'],
      ['claim-needs-repro', 12, 9, 'a measured claim must carry its reproduction steps'],
    ]);
  });

  it('a measurement that is past its review date is stale like any entry', () => {
    const dir = imported();
    const stale = checkJson(dir, ['--now', '2027-06-30']).json.problems.filter((p) => p.code === 'stale').map((p) => p.file);
    expect(stale).toContain(`${SESSION}.yaml`);
    expect(readdirSync(join(dir, SESSION))).toEqual(['fio-write-1m.json']);
  });
});

describe('diff names a changed measurement', () => {
  function git(dir: string, ...args: string[]): void {
    const r = spawnSync('git', ['-c', 'user.name=Fieldkit Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  }

  it('old and new median, the change in %, the gap, the evidence files added and removed', () => {
    const dir = makeTree({ [CKPT]: CKPT_CLAIM });
    expect(importInto(dir, ['fio-write-1m.json']).code).toBe(0);
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'first measurement');
    // New results: fio-write-2jobs.json writes 3050402909 + 4793490285 B/s = 7.844 GB/s, reported at 08:20:19.
    expect(importInto(dir, ['fio-write-2jobs.json']).code).toBe(0);
    const r = fieldkit(['diff', '--base', 'HEAD', '--root', dir, '--format', 'text', ...NOW]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain([
      'measured figures',
      '  ~ azure/ckpt (metric)',
      '      their figure: median 4.793 GB/s (n = 1, 4.793–4.793) -> 7.844 GB/s (n = 1, 7.844–7.844), +63.7 %; gap narrowed',
      '      measurement azure/ckpt/2026-12-01-0819 -> azure/ckpt/2026-12-01-0820',
      '      evidence files added: azure/ckpt/2026-12-01-0820/fio-write-2jobs.json',
      '      evidence files removed: azure/ckpt/2026-12-01-0819/fio-write-1m.json',
    ].join('\n'));
    const json = JSON.parse(fieldkit(['diff', '--base', 'HEAD', '--root', dir, '--format', 'json', ...NOW]).stdout) as { measurements: unknown[] };
    expect(json.measurements).toEqual([
      {
        claim: 'azure/ckpt', side: 'metric', kind: 'changed',
        before: { id: 'azure/ckpt/2026-12-01-0819', median: 4.793, min: 4.793, max: 4.793, n: 1, unit: 'GB/s' },
        after: { id: 'azure/ckpt/2026-12-01-0820', median: 7.844, min: 7.844, max: 7.844, n: 1, unit: 'GB/s' },
        changePct: 63.7, gap: 'narrowed',
        filesAdded: ['azure/ckpt/2026-12-01-0820/fio-write-2jobs.json'],
        filesRemoved: ['azure/ckpt/2026-12-01-0819/fio-write-1m.json'],
      },
    ]);
  });
});
