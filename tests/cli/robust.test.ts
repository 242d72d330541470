/**
 * `check` never crashes and never passes what the build rejects (issue 13, items 7 and 10). Each
 * case is one measured repro: a small valid tree plus one hostile file, run through the real CLI;
 * each asserts the exit code, the problem code, file and line, and that no stack trace is
 * printed. Lines were counted by hand on the fixture text next to them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { globSync } from 'tinyglobby'; // the matcher Astro's glob loader uses
import { describe, expect, it } from 'vitest';
import { decodeContent, validateTree } from '../../src/node/content-fs.ts';
import { entryGlob, fileNameProblem } from '../../src/lib/content/ids.ts';
import { BASE } from '../../src/lib/tco/tco.fixture.ts';
import { computeTco, TcoInputsError } from '../../src/lib/tco/tco.ts';
import { inputProblems, inputsFor, stateFromSearch } from '../../src/lib/tco/tco-view.ts';
import { COLLECTIONS } from '../../src/schemas/index.ts';
import { BASE_TREE, checkJson, fieldkit, makeTree, projectWith, type Problem } from '../helpers.ts';

const STACK = /^\s+at .+:\d+:\d+\)?$/m;
const NOW = '2026-11-26';

/** A tree with `files` (text or bytes) and `links` (path -> link target) added to the base tree. */
function tree(files: Record<string, string | Uint8Array | null>, links: Record<string, string> = {}): string {
  const text = Object.fromEntries(Object.entries(files).filter(([, v]) => typeof v === 'string' || v === null)) as Record<string, string | null>;
  const dir = makeTree(text);
  for (const [path, v] of Object.entries(files)) {
    if (v instanceof Uint8Array) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), v);
    }
  }
  for (const [path, target] of Object.entries(links)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    symlinkSync(target, join(dir, path));
  }
  return dir;
}

/** `check --format json` over the tree; asserts what every case shares (exit 1, no stack trace). */
function check(dir: string) {
  const r = checkJson(dir, ['--now', NOW]);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stdout).not.toMatch(STACK);
  expect(r.code).toBe(1);
  return r.json.problems;
}

const only = (problems: Problem[], code: string) => problems.filter((p) => p.code === code);
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

const SOURCE = BASE_TREE['src/content/sources/doc.yaml']!;
const PLAY = BASE_TREE['src/content/plays/checkpoint.md']!;

describe('file names and layout', () => {
  it('a subfolder in a flat collection is an error (the build would stop with "Missing parameter: id")', () => {
    const problems = check(tree({ 'src/content/sources/sub/x.yaml': SOURCE }));
    expect(only(problems, 'bad-file-name')).toMatchObject([
      { file: 'src/content/sources/sub/x.yaml', line: 1, column: 1, expected: 'sources/<id>.yaml' },
    ]);
  });

  it('an upper-case extension is an error, not a silently missing entry', () => {
    const problems = check(tree({ 'src/content/sources/Ghost.YAML': SOURCE }));
    expect(only(problems, 'bad-file-name')).toMatchObject([
      { file: 'src/content/sources/Ghost.YAML', line: 1, message: 'the extension .YAML must be lower-case', expected: 'src/content/sources/ghost.yaml' },
    ]);
  });

  it('a claim outside a cloud folder is an error', () => {
    const problems = check(tree({ 'src/content/claims/ingress.yaml': BASE_TREE['src/content/claims/azure/ingress.yaml']! }));
    expect(only(problems, 'bad-file-name')).toMatchObject([{ file: 'src/content/claims/ingress.yaml', line: 1, expected: 'claims/<cloud>/<id>.yaml' }]);
  });

  it.each([
    ['a space', 'my doc.yaml', 'my-doc'],
    ['a hash', 'doc#2.yaml', 'doc-2'],
    ['a question mark', 'doc?.yaml', 'doc'],
    ['a percent sign', 'doc%20.yaml', 'doc-20'],
    ['upper case', 'Doc.yaml', 'doc'],
    ['a leading underscore', '_doc.yaml', 'doc'],
  ])('an id with %s is an error', (_what, name, fixed) => {
    const problems = check(tree({ [`src/content/sources/${name}`]: SOURCE }));
    expect(only(problems, 'bad-file-name')).toMatchObject([{ file: `src/content/sources/${name}`, line: 1, expected: `src/content/sources/${fixed}.yaml` }]);
  });

  it("Astro's glob picks up every file check accepts, and nothing of the wrong depth or extension case", () => {
    const paths = [
      'x.yaml', 'x.yml', 'x.md', 'sub/x.yaml', 'sub/x.md', 'a/b/x.yaml', 'a/b/c/x.yaml', 'X.yaml', 'x.YAML', 'x.MD', 'azure/x.yaml', 'azure/x.yml', '.hidden.yaml', 'azure/.x.yaml',
    ];
    const dir = makeTree(Object.fromEntries(paths.map((p) => [p, 'x: 1\n'])), {});
    for (const spec of COLLECTIONS) {
      // the same call as Astro's loader (astro/dist/content/loaders/glob.js)
      const loaded = new Set(globSync(entryGlob(spec), { cwd: dir, expandDirectories: false }));
      const ext = spec.kind === 'data' ? /\.ya?ml$/i : /\.md$/i;
      for (const rel of paths.filter((p) => ext.test(p) && !p.split('/').some((seg) => seg.startsWith('.')))) {
        const accepted = fileNameProblem(spec, rel) === undefined;
        const depth = spec.dir === 'claims' ? 2 : spec.dir === 'measurements' ? 3 : 1; // claims/<cloud>/<id>, measurements/<cloud>/<claim>/<session>
        const layoutOk = rel.split('/').length === depth && !/\.[A-Z]+$/.test(rel);
        // what the loader skips is an error in check; what check accepts is loaded. (An upper-case
        // name is loaded, but check fails on it, which stops the build before Astro runs.)
        expect(loaded.has(rel), `${spec.dir}/${rel} against ${entryGlob(spec)}`).toBe(layoutOk);
        if (accepted) expect(loaded.has(rel), `${spec.dir}/${rel}`).toBe(true);
      }
      // dotfiles are skipped by the loader, as by check
      expect([...loaded].filter((p) => p.split('/').some((seg) => seg.startsWith('.')))).toEqual([]);
    }
    rmSync(dir, { recursive: true, force: true });
    expect(entryGlob({ dir: 'claims', kind: 'data' })).toBe('*/*.{yaml,yml}');
    expect(entryGlob({ dir: 'plays', kind: 'prose' })).toBe('*.md');
  });
});

describe('frontmatter', () => {
  it('a `# ---` comment inside frontmatter does not end it: the fields after it are read', () => {
    const play = PLAY.replace('status: draft\n', '# ---\nstatus: draft\nstatsu: typo\n');
    const problems = check(tree({ 'src/content/plays/checkpoint.md': play }));
    // line 1 ---, 2 owner, 3 reviewed, ... 9 proofPoints, 10 # ---, 11 status, 12 statsu
    expect(only(problems, 'unknown-key')).toMatchObject([{ file: 'src/content/plays/checkpoint.md', line: 12, column: 1, field: 'statsu' }]);
  });

  it('a line starting with --- that is not exactly --- is an error at that line', () => {
    const play = PLAY.replace('status: draft\n---\n', 'status: draft\n--- # end\n');
    const problems = check(tree({ 'src/content/plays/checkpoint.md': play }));
    // line 10 status, 11 --- # end
    expect(only(problems, 'yaml-syntax')).toMatchObject([{ file: 'src/content/plays/checkpoint.md', line: 11, column: 1 }]);
    expect(only(problems, 'yaml-syntax')[0]!.message).toContain('must be exactly `---`');
  });

  it('a UTF-8 byte-order mark is accepted before --- in Markdown and in YAML', () => {
    const dir = tree({
      'src/content/plays/checkpoint.md': bytes([0xef, 0xbb, 0xbf], PLAY),
      'src/content/sources/doc.yaml': bytes([0xef, 0xbb, 0xbf], SOURCE),
    });
    const r = checkJson(dir, ['--now', NOW]);
    expect(r.json.problems).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe('a byte-order mark reaches the site the way check read it', () => {
  it('a real build of BOM-prefixed Markdown and YAML renders their fields and body', () => {
    const BOM = '\uFEFF';
    const dir = projectWith({
      'src/content/plays/checkpoint.md': BOM + PLAY.replace('Talk track.', 'Talk track with a marked sentence.'),
      'src/content/sources/doc.yaml': BOM + SOURCE,
    });
    const r = fieldkit(['build', '--now', NOW], { cwd: dir, env: { FIELDKIT_ROOT: dir } });
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(0);
    const play = readFileSync(join(dir, 'dist', 'plays', 'checkpoint', 'index.html'), 'utf8');
    expect(play).toContain('Checkpoint storms');
    expect(play).toContain('Talk track with a marked sentence.');
    expect(play).not.toContain('owner: lead'); // the frontmatter was not rendered as body text
    expect(readFileSync(join(dir, 'dist', 'sources', 'doc', 'index.html'), 'utf8')).toContain('Scale targets');
    rmSync(dir, { recursive: true, force: true });
  }, 300_000);
});

describe('resource limits', () => {
  it('a file with more than 100 aliases is a problem on that file; other files are still checked', () => {
    const yaml = `a: &a [x]\n${Array.from({ length: 120 }, (_, i) => `k${i}: *a`).join('\n')}\n`;
    const problems = check(tree({
      'src/content/sources/bomb.yaml': yaml,
      'src/content/sources/doc.yaml': SOURCE.replace('kind: vendor-doc', 'kind: vendor-dok'),
    }));
    // the 101st alias is k100, on line 102
    expect(only(problems, 'yaml-limit')).toMatchObject([{ file: 'src/content/sources/bomb.yaml', line: 102, column: 7 }]);
    expect(only(problems, 'bad-enum')).toMatchObject([{ file: 'src/content/sources/doc.yaml', line: 6, field: 'kind' }]);
  });

  it('an exponential alias expansion (billion laughs) is refused without expanding it', () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 9; i++) levels.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(', ')}]`);
    const problems = check(tree({ 'src/content/sources/laughs.yaml': `${levels.join('\n')}\n` }));
    expect(only(problems, 'yaml-limit')).toMatchObject([{ file: 'src/content/sources/laughs.yaml', line: 2 }]);
  });

  it('an alias inside the node it names (data that contains itself) is a problem, not a stack overflow', () => {
    const problems = check(tree({
      'src/content/people/loop.yaml': 'name: A\nrole: B\nx: &x [*x]\n',
      'src/content/people/loop2.yaml': 'name: A\nrole: B\ny: && [a]\nz: && {k: *&}\n', // an anchor named "&", redefined
    }));
    expect(only(problems, 'yaml-limit')).toMatchObject([
      { file: 'src/content/people/loop.yaml', line: 3, column: 8 },
      { file: 'src/content/people/loop2.yaml', line: 4, column: 11 }, // z: && {k: *&}: the alias is the 11th character
    ]);
  });

  it('a file over 1 MiB is a problem, not read', () => {
    const problems = check(tree({ 'src/content/sources/huge.yaml': `note: "${'x'.repeat(1024 * 1024)}"\n` }));
    expect(only(problems, 'file-too-large')).toMatchObject([{ file: 'src/content/sources/huge.yaml', line: 1 }]);
  });
});

describe('hostile values', () => {
  it('a mapping that cannot be turned into text ({toString: 1}) where a choice is expected is bad-enum, not a crash', () => {
    const claim = BASE_TREE['src/content/claims/azure/ingress.yaml']!.replace('status: sourced', 'status: {toString: 1}');
    const problems = check(tree({ 'src/content/claims/azure/ingress.yaml': claim }));
    // line 12 is status
    expect(only(problems, 'bad-enum')).toMatchObject([{ file: 'src/content/claims/azure/ingress.yaml', line: 12, field: 'status', found: 'a mapping' }]);
  });
});

describe('symbolic links are reported, never followed', () => {
  it('dangling links, loops and links out of the tree are problems; nothing outside is printed', () => {
    const outside = makeTree({ 'secret.yaml': 'topsecret-line-1: x\n' });
    const dir = tree({}, {
      'src/content/sources/dangling.yaml': 'nowhere.yaml',
      'src/content/sources/loop.yaml': 'loop.yaml',
      'src/content/sources/outside.yaml': join(outside, 'secret.yaml'),
      'src/content/sources/inside.yaml': 'doc.yaml',
      'src/content/people/dir': join(outside),
    });
    const r = checkJson(dir, ['--now', NOW]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
    expect(r.stdout).not.toContain('topsecret');
    expect(only(r.json.problems, 'symlink').map((p) => [p.file, p.line])).toEqual([
      ['src/content/people/dir', 1],
      ['src/content/sources/dangling.yaml', 1],
      ['src/content/sources/inside.yaml', 1],
      ['src/content/sources/loop.yaml', 1],
      ['src/content/sources/outside.yaml', 1],
    ]);
    expect(r.json.problems.filter((p) => p.code !== 'symlink')).toEqual([]);
    rmSync(outside, { recursive: true, force: true });
  });
});

describe('encodings', () => {
  it('invalid UTF-8 is a problem with its byte position, line and column', () => {
    // "owner: lead\n" is 12 bytes; the bad byte is on line 2 after "title: Sc" (9 bytes) -> byte 21, column 10
    const text = bytes('owner: lead\ntitle: Sc', [0xc3, 0x28], 'ale\n', SOURCE.split('\n').slice(2).join('\n'));
    const problems = check(tree({ 'src/content/sources/doc.yaml': text }));
    expect(only(problems, 'bad-encoding')).toMatchObject([{ file: 'src/content/sources/doc.yaml', line: 2, column: 10, found: 'bytes C3 28 61 6C' }]);
    expect(only(problems, 'bad-encoding')[0]!.message).toContain('byte 21');
  });

  it('a real U+FFFD before the bad byte does not shift the position', () => {
    const r = decodeContent('x.yaml', bytes('a: \uFFFD\nb: ', [0xff], '\n'));
    expect(r.problem).toMatchObject({ code: 'bad-encoding', line: 2, column: 4 });
    expect(r.problem!.message).toContain('byte 10');
  });

  it.each([
    ['big-endian', [0xfe, 0xff], 'utf16be'],
    ['little-endian', [0xff, 0xfe], 'utf16le'],
  ])('UTF-16 %s is a problem', (_what, bom, enc) => {
    const body = enc === 'utf16le' ? Buffer.from(SOURCE, 'utf16le') : Buffer.from(SOURCE, 'utf16le').swap16();
    const problems = check(tree({ 'src/content/sources/doc.yaml': bytes(bom, [...body]) }));
    expect(only(problems, 'bad-encoding')).toMatchObject([{ file: 'src/content/sources/doc.yaml', line: 1, column: 1, expected: 'UTF-8 text' }]);
  });
});

describe('TCO inputs outside their domains', () => {
  const param = (value: number) => ({ value, unit: 'u', assumption: 'Illustrative.' });
  const scenario = (over: Record<string, Record<string, number>> = {}) => {
    const group = (g: 'scenario' | 'hdd' | 'ssd') =>
      Object.fromEntries(Object.entries(BASE[g]).map(([k, v]) => [k, param(over[g]?.[k] ?? v)]));
    return stringify({ owner: 'lead', reviewed: '2026-11-01', title: 'Lake', description: 'A lake.', scenario: group('scenario'), hdd: group('hdd'), ssd: group('ssd') });
  };
  const lineOf = (text: string, group: string, key: string) => {
    const lines = text.split('\n');
    const g = lines.indexOf(`${group}:`);
    return lines.findIndex((l, i) => i > g && l === `  ${key}:`) + 2; // the value line follows the key
  };

  it('the fixture scenario passes', () => {
    const r = checkJson(tree({ 'src/content/tco/lake.yaml': scenario() }), ['--now', NOW]);
    expect(r.json.problems).toEqual([]);
  });

  it('huge, denormal, negative and zero values and a duty cycle not summing to 1 are refused at their lines', () => {
    const text = scenario({ scenario: { capacityTB: 1e308, years: 0, dutyIdle: 0.9 }, hdd: { driveGBps: 1e-320, pricePerTB: -1 } });
    const problems = check(tree({ 'src/content/tco/lake.yaml': text }));
    const got = only(problems, 'invalid-value').map((p) => [p.field, p.line, p.expected]);
    expect(got).toEqual([
      ['scenario.capacityTB.value', lineOf(text, 'scenario', 'capacityTB'), 'at most 10000000 (TB effective)'],
      ['scenario.years.value', lineOf(text, 'scenario', 'years'), 'a whole number from 1 to 30 (years)'],
      ['scenario.dutyIdle.value', lineOf(text, 'scenario', 'dutyIdle'), 'dutyIdle + dutyRead + dutyWrite to sum to 1 (fractions of time), found 0.9 + 0.5 + 0 = 1.4'],
      ['hdd.pricePerTB.value', lineOf(text, 'hdd', 'pricePerTB'), 'a value of 0 or more ($ per TB raw)'],
      ['hdd.driveGBps.value', lineOf(text, 'hdd', 'driveGBps'), 'at least 0.001 (GB/s per drive)'],
    ].sort((a, b) => (a[1] as number) - (b[1] as number)));
  });

  it('the model refuses such inputs instead of returning NaN', () => {
    const bad = { ...BASE, scenario: { ...BASE.scenario, capacityTB: 1e308 } };
    expect(() => computeTco(bad)).toThrow(TcoInputsError);
    expect(Number.isFinite(computeTco(BASE).tippingPoint.ssdPricePerTB)).toBe(true);
  });

  it('the calculator refuses the same values from URL parameters, next to the field', () => {
    const { raw } = stateFromSearch('?scenario.capacityTB=1e308&hdd.driveGBps=1e-320&scenario.years=1e400', BASE);
    const problems = inputProblems(inputsFor(BASE, raw), raw);
    expect(problems.map((p) => [p.field, p.target])).toEqual([
      ['scenario.capacityTB', 'tco-scenario-capacityTB'],
      ['scenario.years', 'tco-scenario-years'],
      ['hdd.driveGBps', 'tco-hdd-driveGBps'],
    ]);
    expect(problems[0]!.message).toMatch(/expected at most 10000000 \(TB effective\), found 1e\+308$/);
    // 1e400 overflows to Infinity: refused by the one number parser, quoting what was typed.
    expect(problems[1]!.message).toMatch(/expected a number \(years\), found “1e400”$/);
  });
});

describe('in-process', () => {
  it('validateTree reports a FIFO without blocking on it', () => {
    const dir = tree({});
    const fifo = join(dir, 'src/content/sources/pipe.yaml');
    const { status } = spawnSync('mkfifo', [fifo]);
    expect(status).toBe(0);
    const r = validateTree(dir, NOW);
    expect(only(r.problems, 'unreadable-file')).toMatchObject([{ file: 'src/content/sources/pipe.yaml', line: 1 }]);
  });
});
