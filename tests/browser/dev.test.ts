/**
 * `fieldkit dev` never lies: the check re-runs after an editor's atomic save (write a temp file,
 * rename it over), a rename, a new file and a deleted file; the problems show in the browser; and
 * stopping `dev` by its pid stops the dev server with it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../cli/chromium.ts';
import { freePort, projectWith } from '../helpers.ts';

interface Problems { errors: number; warnings: number; problems: { file: string; code: string; line?: number }[] }

const claim = 'src/content/claims/azure/ingress.yaml';
let dir: string;
let dev: ChildProcess;
let base: string;
let output = '';

async function problems(): Promise<Problems> {
  const r = await fetch(`${base}/__fieldkit/problems`);
  return (await r.json()) as Problems;
}

/** Polls the dev server until `ok` holds for its current problems (or fails with the last seen). */
async function until(ok: (p: Problems) => boolean, what: string): Promise<Problems> {
  let last: Problems | undefined;
  for (let i = 0; i < 200; i++) {
    try {
      last = await problems();
      if (ok(last)) return last;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${what}: last problems ${JSON.stringify(last)}\n--- dev output ---\n${output.slice(-2000)}`);
}

/** Astro's own routes come up after the integration's endpoint (and again after a content sync). */
async function homeServed() {
  // The first page of a dev server compiles everything it needs (slow on a busy machine): poll with
  // a deadline, each request with its own timeout.
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (await fetch(`${base}/`, { signal: AbortSignal.timeout(30_000) }).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the dev server never served /\n${output.slice(-1500)}`);
}

/** What editors do: write a temp file next to the target, then rename it over the target. */
function atomicSave(rel: string, text: string) {
  const tmp = join(dir, `${rel}.swp`);
  writeFileSync(tmp, text);
  renameSync(tmp, join(dir, rel));
}

beforeAll(async () => {
  dir = projectWith({});
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dev = spawn(process.execPath, ['--no-warnings', join(dir, 'cli', 'main.ts'), 'dev', '--port', String(port)], {
    cwd: dir,
    // As a user runs it: without the test runner's NODE_ENV=test and VITEST* variables, under which
    // Astro's dev server answers its own endpoints but no page.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST') && !k.startsWith('VITE_'))), FIELDKIT_ROOT: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout!.on('data', (d) => (output += d));
  dev.stderr!.on('data', (d) => (output += d));
  await until((p) => p.errors === 0, 'the dev server starts with a clean kit');
  await homeServed();
}, 240_000);

afterAll(() => {
  if (dev && dev.exitCode === null) dev.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('dev', () => {
  it('re-checks after an atomic save, and again after the fix', async () => {
    const good = readFileSync(join(dir, claim), 'utf8');
    atomicSave(claim, good.replace('value: 60', 'value: sixty'));
    const bad = await until((p) => p.errors > 0, 'an atomic save that breaks the claim is reported');
    expect(bad.problems.some((p) => p.file === claim)).toBe(true);
    atomicSave(claim, good);
    await until((p) => p.errors === 0, 'the atomic save that fixes it clears the problem');
    // A second save of the same file is still seen (the watch survived the rename).
    atomicSave(claim, good.replace('status: sourced', 'status: sourcd'));
    await until((p) => p.problems.some((x) => x.file === claim), 'a second atomic save of the same file');
    atomicSave(claim, good);
    await until((p) => p.errors === 0, 'fixed again');
  });

  it('sees a rename, a new file and a deleted file', async () => {
    const renamed = 'src/content/claims/azure/ingress-renamed.yaml';
    renameSync(join(dir, claim), join(dir, renamed));
    // The play's proof point now points at a claim that no longer exists.
    await until((p) => p.problems.some((x) => x.code === 'dangling-ref'), 'a renamed claim leaves a dangling reference');
    renameSync(join(dir, renamed), join(dir, claim));
    await until((p) => p.errors === 0, 'renamed back');

    const extra = 'src/content/claims/azure/new-one.yaml';
    writeFileSync(join(dir, extra), 'owner: nobody-here\n');
    await until((p) => p.problems.some((x) => x.file === extra), 'a new broken file is reported');
    rmSync(join(dir, extra));
    await until((p) => p.errors === 0, 'deleting it clears the report');
  });

  it('shows the current problems in a banner on the page, and removes it once fixed', async () => {
    // A problem only Fieldkit's rules see (Astro renders the page; a schema error would stop it
    // and show Astro's own error overlay instead): a source that does not exist.
    const good = readFileSync(join(dir, claim), 'utf8');
    atomicSave(claim, good.replace('sources: [doc]', 'sources: [no-such-source]'));
    await until((p) => p.errors > 0, 'broken for the banner');
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await homeServed();
      await page.goto(`${base}/`, { waitUntil: 'load', timeout: 60_000 });
      const banner = page.locator('#fieldkit-dev-problems');
      await banner.waitFor({ timeout: 30_000 }).catch(async (e: Error) => {
        throw new Error(`${e.message}\n--- page ---\n${(await page.content()).slice(0, 1500)}\n--- dev output ---\n${output.slice(-1500)}`);
      });
      expect(await banner.textContent()).toContain(claim);
      atomicSave(claim, good);
      await banner.waitFor({ state: 'detached', timeout: 30_000 });
    } finally {
      await browser.close();
    }
  }, 240_000);

  it('stopping dev by its pid stops the dev server too', async () => {
    dev.kill('SIGTERM');
    await new Promise((r) => dev.once('close', r));
    let refused = false;
    for (let i = 0; i < 50 && !refused; i++) {
      try {
        await fetch(`${base}/__fieldkit/problems`);
        await new Promise((r) => setTimeout(r, 100));
      } catch {
        refused = true;
      }
    }
    expect(refused).toBe(true);
  });
});
