/** Small CLI helpers: usage errors, phases with timings, child processes. */
import { spawn, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = process.env.FIELDKIT_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..');

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, problems: 1, usage: 2, internal: 3 } as const;

import { InternalError, UsageError } from '../src/node/errors.ts';
import { EDITIONS } from '../src/lib/editions/audience.ts';

export { InternalError, UsageError };

export interface Phase {
  name: string;
  ms: number;
}

/** Runs a named phase and prints its duration to stderr as it ends. */
export async function phase<T>(phases: Phase[], name: string, fn: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now();
  process.stderr.write(`▸ ${name}…\n`);
  const result = await fn();
  const ms = performance.now() - t0;
  phases.push({ name, ms });
  process.stderr.write(`  ${name} done in ${(ms / 1000).toFixed(1)} s\n`);
  return result;
}

export function run(cmd: string, args: string[], opts: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...opts });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Runs a command and captures its output. */
export function capture(cmd: string, args: string[], opts: SpawnOptions = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/** `--name value`, `--name=value` and boolean `--name` (for names listed in `booleans`). */
export function parseArgs(argv: string[], known: { values: string[]; booleans: string[] }): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (known.booleans.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
    } else if (known.values.includes(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      flags.set(name, v);
    } else {
      const hint = suggest(name, [...known.values, ...known.booleans]);
      throw new UsageError(`unknown option --${name}${hint ? ` (did you mean --${hint}?)` : ''}`);
    }
  }
  return { positional, flags };
}

export function oneOf<T extends string>(name: string, value: string | true | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (value === true || !allowed.includes(value as T)) {
    throw new UsageError(`--${name} must be one of: ${allowed.join(', ')} (got ${String(value)})`);
  }
  return value as T;
}

export function dateFlag(value: string | true | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === true || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new UsageError(`--now must be a date written YYYY-MM-DD (got ${String(value)})`);
  }
  return value;
}

/**
 * `--root DIR` (default the project): the project tree a command works on. With `requireContent`,
 * a tree without src/content is a usage error rather than an empty, clean result.
 */
export function rootFlag(value: string | true | undefined, opts: { requireContent?: boolean } = {}): string {
  const root = resolve(String(value ?? PROJECT_ROOT));
  const content = join(root, 'src', 'content');
  if (opts.requireContent && !existsSync(content)) throw new UsageError(`no content folder at ${content}`);
  return root;
}

/** `--audience internal|partner|public` (default internal). */
export function audienceFlag(value: string | true | undefined): 'internal' | 'partner' | 'public' {
  return oneOf('audience', value, EDITIONS, 'internal');
}

/** `--port N`: an integer 0-65535 (0 picks a free port). */
export function portFlag(value: string | true | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = value === true ? NaN : Number(value);
  if (!/^\d+$/.test(String(value)) || !Number.isInteger(port) || port > 65535) throw new UsageError(`--port must be a port number from 0 to 65535 (got ${String(value)})`);
  return port;
}

/** Edit distance (insertions, deletions, substitutions, adjacent swaps). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest known name, when it is close enough to be a typo. */
export function suggest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const dist = distance(name.toLowerCase(), k.toLowerCase());
    if (dist < bestD) [best, bestD] = [k, dist];
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}
