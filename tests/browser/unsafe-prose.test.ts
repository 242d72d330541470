/**
 * Defence in depth (issue 13): a site built with every payload in a partner-visible play and the
 * content check skipped (plain `astro build` with FIELDKIT_UNSAFE_SKIP_CHECK=1, as if someone bypassed
 * `fieldkit build`) publishes only sanitized prose. Served by nginx with deploy/nginx.conf's CSP,
 * and by a plain server with no CSP at all (the sanitizer alone), the play runs no script on load
 * or when any of its links is clicked, and fetches nothing from the "other site" (a listener on
 * another loopback port).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../cli/chromium.ts';
import { serveDir } from '../../cli/serve.ts';
import { BASE_TREE, projectWith } from '../helpers.ts';
import { payloads } from '../payloads.ts';
import { cspEvents, startNginx, watchedPage, type Nginx } from './nginx.ts';

const PLAY = 'src/content/plays/checkpoint.md';
let outside: Server;
const outsideRequests: string[] = [];
let dist = '';
let nginx: Nginx;
let plain: { server: Server; url: string };
let browser: Browser;

beforeAll(async () => {
  outside = createServer((req, res) => {
    outsideRequests.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/html' }).end('<script>alert("outside")</script>');
  });
  await new Promise<void>((r) => outside.listen(0, '127.0.0.1', r));
  const remote = `http://127.0.0.1:${(outside.address() as { port: number }).port}`;
  const body = payloads(remote).map((p) => p.md).join('\n\n');
  const play = BASE_TREE[PLAY]!.replace('status: draft', 'status: draft\naudience: partner').replace('Talk track.\n', `Talk track.\n\n${body}\n`);
  const dir = projectWith({ [PLAY]: play });
  dist = join(dir, 'dist');
  chmodSync(dir, 0o755); // a temp folder is private; nginx's worker must read it
  const r = spawnSync(process.execPath, [join(dir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent'], {
    cwd: dir, encoding: 'utf8', timeout: 240_000,
    env: { ...process.env, FIELDKIT_UNSAFE_SKIP_CHECK: '1', FIELDKIT_NOW: '2026-11-26', FIELDKIT_AUDIENCE: 'partner' },
  });
  if (r.status !== 0) throw new Error(`astro build failed: ${r.stdout}${r.stderr}`);
  nginx = await startNginx(dist);
  plain = await serveDir(dist);
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  nginx?.stop();
  await new Promise((r) => (plain ? plain.server.close(r) : r(undefined)));
  await new Promise((r) => outside?.close(r));
});

describe('a play full of payloads, built without the check', () => {
  it('publishes the talk track without the payloads (the build really contains it)', () => {
    const page = readFileSync(join(dist, 'plays', 'checkpoint', 'index.html'), 'utf8');
    const html = page.slice(page.indexOf('<main'), page.indexOf('</main>'));
    expect(html).toContain('Talk track.');
    expect(html).toMatch(/<details open(?:="")?>x<\/details>/); // the play page re-serializes its HTML (heading anchors)
    expect(html).toContain('<p>See <a>x</a>.</p>'); // the javascript: link, without its href
    expect(html).not.toMatch(/href="[^"]*(script|data):|\son\w+=|<svg|<iframe|<script>|style="|127\.0\.0\.1:\d+/i);
  });

  it.each([
    ['through nginx with the deploy CSP', () => nginx.url],
    ['through a plain server, no CSP', () => plain.url],
  ])('%s: no script runs on load or on any click, nothing is fetched from the other site', async (_name, base) => {
    outsideRequests.length = 0;
    const ctx = await browser.newContext();
    const page = await watchedPage(ctx);
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    const url = `${base()}/plays/checkpoint/`;
    expect((await page.goto(url, { waitUntil: 'load' }))?.status()).toBe(200);
    await page.waitForLoadState('networkidle');
    const links = page.locator('main a');
    const n = await links.count();
    expect(n).toBeGreaterThan(5);
    for (let i = 0; i < n; i++) {
      const link = links.nth(i);
      if (!(await link.isVisible())) continue;
      await link.click({ noWaitAfter: true, timeout: 5_000 });
      await page.waitForTimeout(50);
      if (page.url() !== url) await page.goto(url, { waitUntil: 'load' });
    }
    await page.waitForLoadState('networkidle');
    expect(dialogs).toEqual([]);
    // The payload's own <img src=x> is a broken relative image: a 404, not a script.
    expect(page.errors.filter((e) => !e.startsWith('Failed to load resource: the server responded with a status of 404'))).toEqual([]);
    expect([...(await cspEvents(page)), ...page.violations]).toEqual([]);
    expect(outsideRequests).toEqual([]);
    await ctx.close();
  });
});
