/**
 * `bench`: what check and build cost on synthetic kits of N entries, against the floor of the
 * stack (a bare Astro 7 site with one collection and one page per entry, over the same text).
 *
 * For each N it generates a kit (bench/generate.ts) into a scratch copy of the project, never
 * into src/content, and runs, interleaved and cold (Astro and Vite caches removed before every
 * run): `fieldkit check`, the floor's `astro sync`, `fieldkit build` (validate, Astro, Pagefind, leak test)
 * and the floor's `astro build` + Pagefind. Every run is a child process timed by the wall clock,
 * with the peak memory of its largest process from `/usr/bin/time -v` (or /proc when that is
 * missing). Then it weighs the output: bytes, HTML and JS per page, the chart page, the index.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { floorFiles, generateKit, MIN_N, type GeneratedKit } from '../bench/generate.ts';
import { EXIT, InternalError, parseArgs, PROJECT_ROOT, UsageError } from './util.ts';
import { route } from '../src/lib/site/routes.ts';

const DEFAULT_NS = [200, 1000, 3000];
const TIME = '/usr/bin/time';

// ---------------------------------------------------------------------------------------------
// Running one measured process

export interface Measured {
  ms: number;
  /** Peak resident memory of the largest process in the tree, KiB. */
  peakKB: number;
  /** CPU time (user + system) of the whole process tree, ms. */
  cpuMs: number;
  code: number;
  stdout: string;
  stderr: string;
}

let timeWorks: boolean | undefined;
function haveTime(): boolean {
  timeWorks ??= existsSync(TIME) && spawnSync(TIME, ['-v', 'true'], { encoding: 'utf8' }).stderr?.includes('Maximum resident set size') === true;
  return timeWorks;
}

const CLOCK_TICK_MS = 10; // USER_HZ is 100 on Linux

/**
 * Runs a command to completion: wall time from spawn to exit; the peak RSS of the largest
 * process and the CPU time of the whole tree. `/usr/bin/time -v` only sees processes that are
 * waited for, and Pagefind's Node API leaves its indexer to be reaped by init, so the tree is
 * also sampled from /proc every 100 ms (VmHWM is a high-water mark, so sampling loses only the
 * last moments of a process); each figure is the larger of the two.
 */
export async function measure(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Measured> {
  const useTime = haveTime();
  const report = useTime ? join(mkdtempSync(join(tmpdir(), 'fieldkit-time-')), 'report') : '';
  const [file, argv] = useTime ? [TIME, ['-v', '-o', report, cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  const child = spawn(file, argv, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const sampler = new TreeSampler(child.pid!);
  const poll = setInterval(() => sampler.sample(), 100);
  const code = await new Promise<number>((res, rej) => {
    child.on('error', rej);
    child.on('close', (c, signal) => res(c ?? (signal ? 128 : 1)));
  });
  const ms = performance.now() - t0;
  clearInterval(poll);
  let peakKB = sampler.peakKB;
  let cpuMs = sampler.cpuMs();
  if (useTime) {
    const text = readFileSync(report, 'utf8');
    const num = (re: RegExp) => Number(re.exec(text)?.[1] ?? 0);
    peakKB = Math.max(peakKB, num(/Maximum resident set size \(kbytes\): (\d+)/));
    cpuMs = Math.max(cpuMs, (num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/)) * 1000);
    rmSync(dirname(report), { recursive: true, force: true });
  }
  return { ms, peakKB, cpuMs, code, stdout, stderr };
}

/** Samples a process tree through /proc/<pid>/task/<tid>/children. */
class TreeSampler {
  peakKB = 0;
  private readonly cpu = new Map<string, number>();
  private readonly root: number;
  constructor(root: number) {
    this.root = root;
  }

  sample(): void {
    const stack = [this.root];
    const seen = new Set<number>();
    while (stack.length) {
      const pid = stack.pop()!;
      if (seen.has(pid)) continue;
      seen.add(pid);
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // Key by pid and start time, so a reused pid is a new process.
        this.cpu.set(`${pid}:${f[19]}`, (Number(f[11]) + Number(f[12])) * CLOCK_TICK_MS);
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (hwm) this.peakKB = Math.max(this.peakKB, Number(hwm[1]));
        for (const tid of readdirSync(`/proc/${pid}/task`)) {
          const kids = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
          if (kids) stack.push(...kids.split(/\s+/).map(Number));
        }
      } catch {
        // The process ended while we looked.
      }
    }
  }

  cpuMs(): number {
    let sum = 0;
    for (const v of this.cpu.values()) sum += v;
    return sum;
  }
}

// ---------------------------------------------------------------------------------------------
// Scratch projects

/**
 * node_modules for a scratch project: a real folder of symlinks to the project's packages.
 * Astro keeps its content cache in node_modules/.astro and Vite in node_modules/.vite; with the
 * whole folder symlinked they would land in the real project's node_modules, shared with every
 * other build, and could not be cleared for a cold run without touching the real project.
 */
function linkNodeModules(from: string, to: string): void {
  const src = join(from, 'node_modules');
  if (!existsSync(src)) throw new InternalError(`no node_modules in ${from}: run ./fieldkit build once first`);
  mkdirSync(join(to, 'node_modules'), { recursive: true });
  for (const name of readdirSync(src)) {
    if (name.startsWith('.') && name !== '.bin') continue;
    symlinkSync(join(src, name), join(to, 'node_modules', name));
  }
}

/** The project's code and config without its content: what `fieldkit build` needs to run. */
function copyProjectCode(root: string, to: string): void {
  const content = join(root, 'src', 'content');
  for (const p of ['astro.config.mjs', 'fieldkit.config.ts', 'package.json', 'tsconfig.json', 'cli', 'src']) {
    if (!existsSync(join(root, p))) continue;
    cpSync(join(root, p), join(to, p), {
      recursive: true,
      filter: (s) => s !== content && !s.startsWith(content + sep),
    });
  }
}

function writeFiles(root: string, files: { path: string; text: string }[]): void {
  for (const f of files) {
    const full = join(root, f.path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, f.text);
  }
}

/** Removes what makes a run warm: Astro's and Vite's caches, the previous output. */
function makeCold(dir: string): void {
  for (const p of ['.astro', 'node_modules/.astro', 'node_modules/.vite', 'dist', '.fieldkit']) {
    rmSync(join(dir, p), { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Weighing a built site

export interface PageWeight {
  /** URL path, e.g. `/plays/x/`. */
  url: string;
  html: number;
  js: number;
  jsGzip: number;
}

export interface SiteStats {
  pages: number;
  outputBytes: number;
  htmlBytes: number;
  medianHtml: number;
  medianJs: number;
  medianJsGzip: number;
  /** Pages that ship any JavaScript, by kind of page (claims pages, dagger pages…): count and largest. */
  pagesWithJs: Record<string, { pages: number; maxJs: number }>;
  /** Largest JS of a text page (every page but search, chart and triage pages). */
  maxTextPageJs: number;
  chartPage?: PageWeight & { hasChart: boolean };
  pagefindBytes: number;
  pagefindFiles: number;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

const median = (xs: number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * JavaScript a page loads: inline scripts, external scripts and module preloads, and every
 * module they import (statically or dynamically) from the same site, each counted once.
 */
function pageJs(dist: string, htmlFile: string, html: string, cache: Map<string, { raw: number; gz: number; imports: string[] }>) {
  let raw = 0;
  let gz = 0;
  const seen = new Set<string>();
  const queue: string[] = [];
  const urlToFile = (url: string, from: string) => {
    if (/^(https?:)?\/\//.test(url) || url.startsWith('data:')) return undefined;
    const clean = url.split(/[?#]/)[0]!;
    return clean.startsWith('/') ? join(dist, clean) : resolve(dirname(from), clean);
  };
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    if (/type=["']?application\/(ld\+)?json/i.test(attrs)) continue;
    const src = /\bsrc=["']?([^"'\s>]+)/i.exec(attrs)?.[1];
    if (src) {
      const f = urlToFile(src, htmlFile);
      if (f) queue.push(f);
    } else if (m[2]!.trim()) {
      raw += Buffer.byteLength(m[2]!);
      gz += gzipSync(m[2]!).length;
      for (const i of importsOf(m[2]!)) {
        const f = urlToFile(i, htmlFile);
        if (f) queue.push(f);
      }
    }
  }
  for (const m of html.matchAll(/<link\b[^>]*rel=["']?modulepreload[^>]*>/gi)) {
    const href = /\bhref=["']?([^"'\s>]+)/i.exec(m[0])?.[1];
    const f = href && urlToFile(href, htmlFile);
    if (f) queue.push(f);
  }
  while (queue.length) {
    const f = queue.pop()!;
    if (seen.has(f) || !existsSync(f) || !f.endsWith('.js')) continue;
    seen.add(f);
    let info = cache.get(f);
    if (!info) {
      const text = readFileSync(f);
      info = { raw: text.length, gz: gzipSync(text).length, imports: importsOf(text.toString('utf8')) };
      cache.set(f, info);
    }
    raw += info.raw;
    gz += info.gz;
    for (const i of info.imports) {
      const next = urlToFile(i, f);
      if (next) queue.push(next);
    }
  }
  return { raw, gz };
}

function importsOf(js: string): string[] {
  const out: string[] = [];
  for (const m of js.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+\.m?js)["']/g)) out.push(m[1]!);
  for (const m of js.matchAll(/\bimport\(\s*["']([^"']+\.m?js)["']\s*\)/g)) out.push(m[1]!);
  return out.filter((s) => s.startsWith('.') || s.startsWith('/'));
}

// A page's kind from its URL: "/triage/", "/claims/*/" for every claim page, "/clouds/*/dagger/".
function kindOf(url: string): string {
  const parts = url.split('/').filter(Boolean);
  return parts.length <= 1 ? url : `/${parts[0]}/*/${parts.at(-1) === 'dagger' ? 'dagger/' : ''}`;
}

/**
 * Pages whose job needs JavaScript (design: charts, calculator, search, the interactive triage);
 * every other page is a text page, where the target is 0 KB.
 */
const INTERACTIVE_KINDS = new Set([route.search(), route.tco('*'), route.triage()]);

export function weighSite(dist: string): SiteStats {
  const files = walk(dist);
  const pagefindDir = join(dist, 'pagefind');
  const inPagefind = (f: string) => f.startsWith(pagefindDir + sep);
  const cache = new Map<string, { raw: number; gz: number; imports: string[] }>();
  const pages: PageWeight[] = [];
  let outputBytes = 0;
  let pagefindBytes = 0;
  let pagefindFiles = 0;
  for (const f of files) {
    const size = statSync(f).size;
    outputBytes += size;
    if (inPagefind(f)) {
      pagefindBytes += size;
      pagefindFiles++;
      continue;
    }
    if (!f.endsWith('.html')) continue;
    const html = readFileSync(f, 'utf8');
    const rel = relative(dist, f).split(sep).join('/');
    const url = '/' + rel.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '/');
    const js = pageJs(dist, f, html, cache);
    pages.push({ url, html: Buffer.byteLength(html), js: js.raw, jsGzip: js.gz });
  }
  pages.sort((a, b) => (a.url < b.url ? -1 : 1));
  const isChart = (u: string) => /^\/tco\/[^/]+\/$/.test(u);
  const isText = (u: string) => !INTERACTIVE_KINDS.has(kindOf(u));
  const pagesWithJs: Record<string, { pages: number; maxJs: number }> = {};
  for (const p of pages) {
    if (p.js === 0) continue;
    const k = (pagesWithJs[kindOf(p.url)] ??= { pages: 0, maxJs: 0 });
    k.pages++;
    k.maxJs = Math.max(k.maxJs, p.js);
  }
  const chart = pages.find((p) => isChart(p.url));
  return {
    pages: pages.length,
    outputBytes,
    htmlBytes: pages.reduce((s, p) => s + p.html, 0),
    medianHtml: median(pages.map((p) => p.html)),
    medianJs: median(pages.map((p) => p.js)),
    medianJsGzip: median(pages.map((p) => p.jsGzip)),
    pagesWithJs,
    maxTextPageJs: Math.max(0, ...pages.filter((p) => isText(p.url)).map((p) => p.js)),
    chartPage: chart && {
      ...chart,
      hasChart: /<canvas\b|data-chart|chart\.js/i.test(readFileSync(join(dist, chart.url, 'index.html'), 'utf8')),
    },
    pagefindBytes,
    pagefindFiles,
  };
}

// ---------------------------------------------------------------------------------------------
// The benchmark

interface Run {
  ms: number;
  peakKB: number;
  cpuMs: number;
}

export interface NResult {
  n: number;
  counts: GeneratedKit['counts'];
  /** One entry per round, in round order, so each round's Fieldkit and floor runs pair up. */
  check: Run[];
  sync: Run[];
  build: (Run & { phases: Record<string, number> })[];
  /** `build` again right after a cold one, with one claim's statement edited (caches kept). */
  incremental: Run[];
  floorAstro: Run[];
  floorPagefind: Run[];
  kit: SiteStats;
  floor: SiteStats;
}

export interface BenchResult {
  date: string;
  now: string;
  seed: number;
  rounds: number;
  machine: { cores: number; memGiB: number; node: string; cpu: string; loadBefore: string; loadAfter: string };
  commit: string;
  dirtyFiles: number;
  peakFrom: string;
  results: NResult[];
}

function log(msg: string): void {
  process.stderr.write(msg + '\n');
}

function failed(what: string, r: Measured): never {
  const tail = (r.stdout + r.stderr).split('\n').slice(-40).join('\n');
  throw new InternalError(`${what} failed (exit ${r.code}):\n${tail}`);
}

function phasesOf(stderr: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of stderr.matchAll(/^ {2}(.+) done in ([\d.]+) s$/gm)) out[m[1]!] = Number(m[2]) * 1000;
  return out;
}

const run = (m: Measured): Run => ({ ms: m.ms, peakKB: m.peakKB, cpuMs: m.cpuMs });

async function benchOne(n: number, opts: { seed: number; now: string; rounds: number; scratch: string; code: string }): Promise<NResult> {
  const kit = generateKit({ n, seed: opts.seed, now: opts.now });
  const fk = join(opts.scratch, `kit-${n}`);
  const floor = join(opts.scratch, `floor-${n}`);
  rmSync(fk, { recursive: true, force: true });
  rmSync(floor, { recursive: true, force: true });
  cpSync(opts.code, fk, { recursive: true });
  linkNodeModules(PROJECT_ROOT, fk);
  writeFiles(fk, kit.entries.map((e) => ({ path: e.path, text: e.text })));
  cpSync(join(PROJECT_ROOT, 'bench', 'floor'), floor, { recursive: true });
  linkNodeModules(PROJECT_ROOT, floor);
  writeFiles(floor, floorFiles(kit));

  const node = process.execPath;
  const base = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '' };
  const fkEnv = { ...base, FIELDKIT_ROOT: fk, FIELDKIT_NOW: opts.now };
  const astro = (dir: string) => join(dir, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const result: NResult = { n, counts: kit.counts, check: [], sync: [], build: [], incremental: [], floorAstro: [], floorPagefind: [], kit: undefined!, floor: undefined! };

  const steps = {
    check: async () => {
      makeCold(fk);
      const r = await measure(node, ['cli/main.ts', 'check', '--root', fk, '--now', opts.now], { cwd: fk, env: fkEnv });
      if (r.code !== 0) failed(`fieldkit check at N=${n}`, r);
      result.check.push(run(r));
      return r.ms;
    },
    sync: async () => {
      makeCold(floor);
      const r = await measure(node, [astro(floor), 'sync'], { cwd: floor, env: base });
      if (r.code !== 0) failed(`floor astro sync at N=${n}`, r);
      result.sync.push(run(r));
      return r.ms;
    },
    build: async () => {
      makeCold(fk);
      const r = await measure(node, ['cli/main.ts', 'build', '--now', opts.now], { cwd: fk, env: fkEnv });
      if (r.code !== 0) failed(`fieldkit build at N=${n}`, r);
      result.build.push({ ...run(r), phases: phasesOf(r.stderr) });
      return r.ms;
    },
    incremental: async () => {
      // One claim edited, as a writer does between two builds; Astro's store and Vite's cache stay.
      const claim = kit.entries.find((e) => e.collection === 'claims')!;
      const file = join(fk, claim.path);
      const before = readFileSync(file, 'utf8');
      writeFileSync(file, before.replace('Synthetic: ', 'Synthetic, edited: ')); // inside the statement
      try {
        const r = await measure(node, ['cli/main.ts', 'build', '--now', opts.now], { cwd: fk, env: fkEnv });
        if (r.code !== 0) failed(`fieldkit build (incremental) at N=${n}`, r);
        result.incremental.push(run(r));
        return r.ms;
      } finally {
        writeFileSync(file, before);
      }
    },
    floorBuild: async () => {
      makeCold(floor);
      const a = await measure(node, [astro(floor), 'build', '--silent'], { cwd: floor, env: base });
      if (a.code !== 0) failed(`floor astro build at N=${n}`, a);
      const p = await measure(node, [join(floor, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs'), '--site', 'dist', '--silent'], { cwd: floor, env: base });
      if (p.code !== 0) failed(`floor pagefind at N=${n}`, p);
      result.floorAstro.push(run(a));
      result.floorPagefind.push(run(p));
      return a.ms + p.ms;
    },
  };
  const labels: Record<keyof typeof steps, string> = {
    check: 'fieldkit check', sync: 'floor astro sync', build: 'fieldkit build', incremental: 'fieldkit build, one claim edited', floorBuild: 'floor astro build + pagefind',
  };
  for (let round = 1; round <= opts.rounds; round++) {
    // ABBA: alternate which side goes first so drift on a shared machine falls on both.
    const order: (keyof typeof steps)[] = round % 2 ? ['check', 'sync', 'build', 'incremental', 'floorBuild'] : ['sync', 'check', 'floorBuild', 'build', 'incremental'];
    for (const step of order) {
      const ms = await steps[step]();
      log(`  N=${n} round ${round}/${opts.rounds}: ${labels[step]} ${(ms / 1000).toFixed(1)} s (load ${loadavg()})`);
    }
  }
  result.kit = weighSite(join(fk, 'dist'));
  result.floor = weighSite(join(floor, 'dist'));
  return result;
}

// ---------------------------------------------------------------------------------------------
// Report

const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;
const kib = (b: number) => (b === 0 ? '0' : `${(b / 1024).toFixed(1)} KB`);
const mib = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const x = (r: number) => `${r.toFixed(2)}x`;

/** The floor's build in one round: Astro then Pagefind; memory is the larger of the two. */
function floorRuns(r: NResult): Run[] {
  return r.floorAstro.map((a, i) => {
    const p = r.floorPagefind[i]!;
    return { ms: a.ms + p.ms, cpuMs: a.cpuMs + p.cpuMs, peakKB: Math.max(a.peakKB, p.peakKB) };
  });
}

/** Median of a metric, and the median over rounds of the paired ratio a/b (same round). */
function pair(a: Run[], b: Run[], key: keyof Run) {
  return {
    a: median(a.map((r) => r[key])),
    b: median(b.map((r) => r[key])),
    ratio: median(a.map((r, i) => r[key] / b[i]![key])),
  };
}

/** Derived medians for one N. */
export function summarize(r: NResult) {
  const floor = floorRuns(r);
  const phase = (name: string) => median(r.build.map((b) => b.phases[name] ?? NaN));
  return {
    check: pair(r.check, r.sync, 'ms'),
    checkCpu: pair(r.check, r.sync, 'cpuMs'),
    build: pair(r.build, floor, 'ms'),
    buildCpu: pair(r.build, floor, 'cpuMs'),
    peak: pair(r.build, floor, 'peakKB'),
    // One pass since the content loader: the check runs inside Astro's build.
    pages: phase('validate and render'),
    index: phase('search index'),
    leak: phase('leak test'),
    floorAstro: median(r.floorAstro.map((a) => a.ms)),
    floorPagefind: median(r.floorPagefind.map((a) => a.ms)),
  };
}

export function formatReport(b: BenchResult): string {
  const lines: string[] = [];
  const rows = [...b.results].sort((p, q) => p.n - q.n).map((r) => ({ r, m: summarize(r) }));
  lines.push(`Fieldkit bench, ${b.date}: ${b.machine.cores} cores, ${b.machine.memGiB} GiB, Node ${b.machine.node}, ` +
    `${b.rounds} round(s) per cell, medians; ratios are medians of the per-round paired ratios; seed ${b.seed}; ` +
    `peak memory = largest process (${b.peakFrom}); load average ${b.machine.loadBefore} before, ${b.machine.loadAfter} after.`);
  lines.push('');
  lines.push('Wall time and memory (cold: Astro and Vite caches and output removed before every run)');
  lines.push('');
  lines.push('| N | pages kit / floor | `check` | floor `astro sync` | check ÷ sync | `build` (validate and render in Astro + Pagefind + leak test) | floor build (Astro + Pagefind) | build ÷ floor | peak memory build / floor | ÷ |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const { r, m } of rows) {
    lines.push(`| ${r.n} | ${r.kit.pages} / ${r.floor.pages} | ${sec(m.check.a)} | ${sec(m.check.b)} | ${x(m.check.ratio)} | ` +
      `${sec(m.build.a)} (${sec(m.pages)} + ${sec(m.index)} + ${Number.isNaN(m.leak) ? '–' : sec(m.leak)}) | ${sec(m.build.b)} (${sec(m.floorAstro)} + ${sec(m.floorPagefind)}) | ` +
      `${x(m.build.ratio)} | ${mb(m.peak.a)} / ${mb(m.peak.b)} | ${x(m.peak.ratio)} |`);
  }
  lines.push('');
  lines.push('CPU time (user + system, whole process tree): steadier than wall time on a shared machine');
  lines.push('');
  lines.push('| N | `check` | floor `astro sync` | check ÷ sync | `build` | floor build | build ÷ floor |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const { r, m } of rows) {
    lines.push(`| ${r.n} | ${sec(m.checkCpu.a)} | ${sec(m.checkCpu.b)} | ${x(m.checkCpu.ratio)} | ${sec(m.buildCpu.a)} | ${sec(m.buildCpu.b)} | ${x(m.buildCpu.ratio)} |`);
  }
  lines.push('');
  lines.push('Output (kit / floor)');
  lines.push('');
  lines.push('| N | output | all HTML | HTML, median page | JS, median page | kit pages shipping JS (count, largest) | chart page `/tco/<id>/`: HTML, JS (gzip) | Pagefind index |');
  lines.push('|---|---|---|---|---|---|---|---|');
  for (const { r } of rows) {
    const k = r.kit;
    const f = r.floor;
    const chart = k.chartPage
      ? `${kib(k.chartPage.html)}, ${kib(k.chartPage.js)} (${kib(k.chartPage.jsGzip)})${k.chartPage.hasChart ? '' : ', no chart yet'}`
      : 'no chart page';
    lines.push(`| ${r.n} | ${mib(k.outputBytes)} / ${mib(f.outputBytes)} | ${mib(k.htmlBytes)} / ${mib(f.htmlBytes)} | ${kib(k.medianHtml)} / ${kib(f.medianHtml)} | ` +
      `${kib(k.medianJs)} / ${kib(f.medianJs)} | ${withJs(k)} | ${chart} | ${mib(k.pagefindBytes)} / ${mib(f.pagefindBytes)} |`);
  }
  lines.push('');
  lines.push(...ratios(b));
  return lines.join('\n') + '\n';
}

function withJs(k: SiteStats): string {
  return Object.entries(k.pagesWithJs).map(([kind, v]) => `\`${kind}\` ${v.pages} (${kib(v.maxJs)})`).join(', ') || 'none';
}

/** The issue's targets, measured as ratios in this run. */
export function ratios(b: BenchResult): string[] {
  const out: string[] = ['Ratios against the targets (issues 10 and 14)', ''];
  const rows = [...b.results].sort((a, c) => a.n - c.n);
  const big = rows.at(-1);
  if (!big) return out;
  const m = summarize(big);
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const at = big.n === 3000 ? 'N = 3000' : `N = ${big.n} (the target is stated at 3000)`;
  out.push(`- build wall time vs floor at ${at}: ${x(m.build.ratio)} (target <= 1.2x): ${verdict(m.build.ratio <= 1.2)}; CPU time ${x(m.buildCpu.ratio)} (target <= 1.2x): ${verdict(m.buildCpu.ratio <= 1.2)}`);
  if (big.incremental.length) {
    const inc = median(big.incremental.map((r, i) => r.ms / big.build[i]!.ms));
    out.push(`- build after editing one claim vs a cold build at ${at}: ${(inc * 100).toFixed(0)} % (target <= 30 %): ${verdict(inc <= 0.3)}`);
  }
  out.push(`- build peak memory vs floor at ${at}: ${x(m.peak.ratio)} (target <= 1.5x): ${verdict(m.peak.ratio <= 1.5)}`);
  out.push(`- check vs floor astro sync at ${at}: ${x(m.check.ratio)} (target <= 0.5x): ${verdict(m.check.ratio <= 0.5)}; CPU time ${x(m.checkCpu.ratio)}`);
  const lo = rows.find((r) => r.n === 1000) && big.n === 3000 ? rows.find((r) => r.n === 1000)! : rows.at(-2);
  if (lo && lo !== big) {
    const a = summarize(lo);
    const limit = big.n === 3000 && lo.n === 1000 ? 3.3 : (big.n / lo.n) * 1.1;
    const g = (hi: number, l: number) => (hi / l).toFixed(2);
    const label = `time(${big.n}) / time(${lo.n})`;
    out.push(`- growth ${label}, check: ${g(m.check.a, a.check.a)} (target <= ${limit.toFixed(2)}): ${verdict(m.check.a / a.check.a <= limit)}; ` +
      `CPU ${g(m.checkCpu.a, a.checkCpu.a)}; floor astro sync ${g(m.check.b, a.check.b)}`);
    out.push(`- growth ${label}, build: ${g(m.build.a, a.build.a)} (target <= ${limit.toFixed(2)}): ${verdict(m.build.a / a.build.a <= limit)}; ` +
      `CPU ${g(m.buildCpu.a, a.buildCpu.a)}; floor build ${g(m.build.b, a.build.b)}`);
  }
  const k = big.kit;
  const textKinds = Object.entries(k.pagesWithJs).filter(([kind]) => !INTERACTIVE_KINDS.has(kind));
  const textPages = textKinds.reduce((sum, [, v]) => sum + v.pages, 0);
  const largest = Math.max(0, ...textKinds.map(([, v]) => v.maxJs));
  out.push(`- text pages ship 0 KB of JS: median page ${kib(k.medianJs)}; ${textPages} of ${k.pages} pages ship some ` +
    `(search, chart and triage pages aside), the largest ${kib(largest)}: ${verdict(largest === 0)}` +
    `${textPages ? ` (${textKinds.map(([kind, v]) => `\`${kind}\` ${v.pages}, up to ${kib(v.maxJs)}`).join('; ')})` : ''}`);
  if (k.chartPage) {
    out.push(`- chart page ${k.chartPage.url}: ${kib(k.chartPage.jsGzip)} of JS gzipped, ${kib(k.chartPage.js)} raw (target <= 80 KB gzipped): ${verdict(k.chartPage.jsGzip <= 80 * 1024)}` +
      (k.chartPage.hasChart ? '' : ' (the page has no chart yet)'));
  } else {
    out.push('- chart page: none in this build');
  }
  return out;
}

const loadavg = () => readFileSafe('/proc/loadavg').split(' ').slice(0, 3).join(' ');

// ---------------------------------------------------------------------------------------------
// The command

function git(args: string[]): string {
  const r = spawnSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

export async function benchCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['rounds', 'seed', 'now', 'scratch', 'report'], booleans: ['quick', 'keep'] });
  const saved = args.flags.get('report');
  if (saved !== undefined) {
    if (saved === true || args.positional.length > 0 || args.flags.size !== 1) throw new UsageError('--report takes a saved bench-*.json and no other option');
    process.stdout.write(formatReport(JSON.parse(readFileSync(resolve(saved), 'utf8')) as BenchResult));
    return EXIT.ok;
  }
  const ns = args.flags.has('quick') ? [50] : args.positional.length ? args.positional.map(Number) : DEFAULT_NS;
  if (args.flags.has('quick') && args.positional.length) throw new UsageError('--quick runs N = 50 only; give either N… or --quick');
  for (const [i, n] of ns.entries()) {
    if (!Number.isInteger(n) || n < MIN_N) throw new UsageError(`N must be a whole number of at least ${MIN_N} (got ${args.positional[i] ?? n})`);
  }
  const rounds = Number(args.flags.get('rounds') ?? 1);
  if (!Number.isInteger(rounds) || rounds < 1) throw new UsageError(`--rounds must be a whole number of at least 1 (got ${String(args.flags.get('rounds'))})`);
  const seed = Number(args.flags.get('seed') ?? 1);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number (got ${String(args.flags.get('seed'))})`);
  const nowFlag = args.flags.get('now');
  if (nowFlag !== undefined && (nowFlag === true || !/^\d{4}-\d{2}-\d{2}$/.test(nowFlag))) throw new UsageError('--now must be a date written YYYY-MM-DD');
  const now = (nowFlag as string | undefined) ?? new Date().toISOString().slice(0, 10);
  const scratchFlag = args.flags.get('scratch');
  if (scratchFlag === true) throw new UsageError('--scratch needs a folder');
  const content = join(PROJECT_ROOT, 'src', 'content');
  const scratch = scratchFlag ? resolve(scratchFlag) : mkdtempSync(join(tmpdir(), 'fieldkit-bench-'));
  if (scratch === PROJECT_ROOT || scratch.startsWith(content + sep) || scratch === content) {
    throw new UsageError('--scratch must be a folder outside the project and its src/content');
  }
  mkdirSync(scratch, { recursive: true });

  const peakFrom = haveTime() ? '/usr/bin/time -v and /proc sampling' : '/proc sampling';
  log(`bench: N = ${ns.join(', ')}, ${rounds} round(s), scratch ${scratch}; peak memory from ${peakFrom}`);
  // One snapshot of the code for every N: the tree may change while the benchmark runs.
  const code = join(scratch, 'code');
  rmSync(code, { recursive: true, force: true });
  copyProjectCode(PROJECT_ROOT, code);

  const result: BenchResult = {
    date: new Date().toISOString(),
    now,
    seed,
    rounds,
    machine: {
      cores: cpus().length,
      memGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      loadBefore: loadavg(),
      loadAfter: '',
    },
    commit: git(['rev-parse', '--short', 'HEAD']),
    dirtyFiles: git(['status', '--porcelain', '--', 'src', 'cli', 'astro.config.mjs', 'fieldkit.config.ts', 'package.json']).split('\n').filter(Boolean).length,
    peakFrom,
    results: [],
  };
  try {
    for (const n of ns) {
      log(`bench: N = ${n}: generating and copying…`);
      result.results.push(await benchOne(n, { seed, now, rounds, scratch, code }));
    }
  } finally {
    if (!args.flags.has('keep') && !scratchFlag) rmSync(scratch, { recursive: true, force: true });
  }
  result.machine.loadAfter = loadavg();
  const report = formatReport(result);
  process.stdout.write(report);
  const outDir = join(PROJECT_ROOT, 'bench', 'out');
  mkdirSync(outDir, { recursive: true });
  const stamp = result.date.replace(/[:.]/g, '-');
  writeFileSync(join(outDir, `bench-${stamp}.json`), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(join(outDir, `bench-${stamp}.md`), report);
  log(`bench: results in ${posix.join('bench', 'out', `bench-${stamp}.json`)} and .md`);
  return EXIT.ok;
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
