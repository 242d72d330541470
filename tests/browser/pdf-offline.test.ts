/**
 * `pdf` makes no outside request: a kit page that names resources on another server (a listener
 * on another loopback port) is printed, and that listener receives no connection at all. The same
 * page opened in a plain browser does reach it, so the test can tell the difference.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../cli/chromium.ts';
import { renderPdfs } from '../../cli/pdf.ts';
import { serveDir } from '../../cli/serve.ts';
import { ROOT } from '../helpers.ts';

let outside: Server;
let outsideUrl = '';
const requests: string[] = [];
let connections = 0;
let dist = '';

beforeAll(async () => {
  outside = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png' }).end();
  });
  outside.on('connection', () => connections++);
  await new Promise<void>((r) => outside.listen(0, '127.0.0.1', r));
  outsideUrl = `http://127.0.0.1:${(outside.address() as { port: number }).port}`;

  // A copy of the built site whose Azure kit names that server in every way a page can.
  dist = join(mkdtempSync(join(tmpdir(), 'fieldkit-pdf-offline-')), 'dist');
  cpSync(join(ROOT, 'dist'), dist, { recursive: true });
  const kit = join(dist, 'kits', 'azure', 'index.html');
  const refs = [
    `<img src="${outsideUrl}/img.png" alt="">`,
    `<link rel="stylesheet" href="${outsideUrl}/style.css">`,
    `<script src="${outsideUrl}/script.js"></script>`,
    `<iframe src="${outsideUrl}/frame.html"></iframe>`,
    `<div style="background:url(${outsideUrl}/bg.png);width:10px;height:10px"></div>`,
    `<object data="${outsideUrl}/object.bin"></object>`,
  ].join('\n');
  writeFileSync(kit, readFileSync(kit, 'utf8').replace('<article class="kit"', `${refs}\n<article class="kit"`));
});

afterAll(async () => {
  await new Promise((r) => outside?.close(r));
});

describe('pdf: no outside request', () => {
  it('a plain browser opening the doctored kit page does reach the other server (the control)', async () => {
    const { server, url } = await serveDir(dist);
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(`${url}/kits/azure/`, { waitUntil: 'load' });
      await expect.poll(() => requests.length).toBeGreaterThan(0);
      expect(requests).toContain('/img.png');
    } finally {
      await browser.close();
      await new Promise((r) => server.close(r));
    }
  });

  it('printing the kit and its dagger slide opens no connection to it', async () => {
    requests.length = 0;
    connections = 0;
    const out = mkdtempSync(join(tmpdir(), 'fieldkit-pdf-out-'));
    const r = await renderPdfs({ root: ROOT, distDir: dist, clouds: ['azure'], outDir: out });
    expect(r.code).toBe(0);
    expect(r.files.map((f) => f.kind)).toContain('kit');
    expect(requests).toEqual([]);
    expect(connections).toBe(0);
  }, 120_000);
});
