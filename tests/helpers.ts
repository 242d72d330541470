/** Test helpers: temporary content trees and running the real CLI. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import type { Problem } from '../src/lib/problems/problems.ts';
import type { ContentFile } from '../src/lib/content/validate.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A minimal valid kit: one person, source, cloud, claim and play. Cases override files. */
export const BASE_TREE: Record<string, string> = {
  'src/content/people/lead.yaml': 'name: Strategy lead\nrole: Owns the kit\n',
  'src/content/sources/doc.yaml': [
    'owner: lead',
    'reviewed: 2026-11-01',
    'title: Scale targets',
    'publisher: Example vendor',
    'url: https://example.com/limits',
    'kind: vendor-doc',
    'retrieved: 2026-11-01',
    '',
  ].join('\n'),
  'src/content/clouds/azure.md': [
    '---',
    'owner: lead',
    'reviewed: 2026-11-01',
    'name: Example cloud',
    'short: Example',
    'summary: An example cloud for tests.',
    '---',
    'The ingress limit is [limited](claim:azure/ingress).',
    '',
  ].join('\n'),
  'src/content/claims/azure/ingress.yaml': [
    'owner: lead',
    'reviewed: 2026-11-01',
    'cloud: azure',
    'service: Example storage',
    'category: throughput',
    'statement: An account takes at most {value} of ingress.',
    'metric:',
    '  name: Max ingress per account',
    '  value: 60',
    '  unit: Gbps',
    '  better: higher',
    'status: sourced',
    'sources: [doc]',
    'asOf: 2025-10-31',
    '',
  ].join('\n'),
  'src/content/plays/checkpoint.md': [
    '---',
    'owner: lead',
    'reviewed: 2026-11-01',
    'title: Checkpoint storms',
    'summary: Win checkpoint-heavy training.',
    'clouds: [azure]',
    'trigger: The customer trains large models.',
    'discovery: [How often do you checkpoint?]',
    'proofPoints: [azure/ingress]',
    'status: draft',
    '---',
    'Talk track.',
    '',
  ].join('\n'),
};

/** An in-memory content file: YAML for data, frontmatter plus `body` for prose. */
export function contentFile(path: string, data: Record<string, unknown>, body?: string): ContentFile {
  const yaml = stringify(data);
  return { path: `src/content/${path}`, text: body === undefined ? yaml : `---\n${yaml}---\n${body}\n` };
}

/** Writes BASE_TREE plus `overrides` (a null value deletes a base file) into a new temp dir. */
export function makeTree(overrides: Record<string, string | null> = {}, base = BASE_TREE): string {
  const dir = mkdtempSync(join(tmpdir(), 'fieldkit-test-'));
  const files = { ...base, ...overrides };
  for (const [path, text] of Object.entries(files)) {
    if (text === null) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `fieldkit <args>` with this Node (the launcher's set-up is tested separately). */
export function fieldkit(args: string[], opts: { cwd?: string; env?: Record<string, string>; main?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, ['--no-warnings', opts.main ?? join(ROOT, 'cli', 'main.ts'), ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, FIELDKIT_ROOT: ROOT, ...opts.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** `check --format json` over a tree, parsed. */
export function checkJson(dir: string, extra: string[] = []) {
  const r = fieldkit(['check', '--root', dir, '--format', 'json', '--now', '2026-11-26', ...extra]);
  return { ...r, json: JSON.parse(r.stdout) as { summary: { files: number; errors: number; warnings: number }; problems: Problem[] } };
}

export type { Problem } from '../src/lib/problems/problems.ts';

/**
 * A throwaway copy of the project (code and config, the given content) for build tests. Its
 * packages are links to ours: run `node cli/main.ts` in it, never `./fieldkit` or `npm ci`,
 * which would replace them.
 */
export function projectWith(overrides: Record<string, string | null>, base = BASE_TREE): string {
  const dir = makeTree(overrides, base);
  for (const p of ['astro.config.mjs', 'fieldkit.config.ts', 'package.json', 'tsconfig.json', 'cli']) cpSync(join(ROOT, p), join(dir, p), { recursive: true });
  const content = join(ROOT, 'src', 'content');
  cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true, filter: (src) => src !== content && !src.startsWith(`${content}/`) });
  linkNodeModules(dir);
  return dir;
}

/**
 * Links each package of our node_modules into `dir/node_modules`, but not the caches in it:
 * Astro keeps its content store in node_modules/.astro, so a shared folder would serve the other
 * project's content.
 */
export function linkNodeModules(dir: string): void {
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name.startsWith('.') && name !== '.bin') continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
}

/** sha256 of every file under dir, by path: equal before and after means byte-identical. */
export function treeHash(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true }).map(String).sort()) {
    const full = join(dir, f);
    if (statSync(full).isFile()) out[f] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return out;
}

/**
 * A loopback port nobody listens on now: the kernel picks it (bind port 0), and it is released for
 * the server the test starts. The one way the tests choose a port (never a fixed or derived one).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
