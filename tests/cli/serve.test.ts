/** The static server of `preview`, `pdf` and the browser tests: 400 for malformed paths, nothing outside dist/. */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDir } from '../../cli/serve.ts';

let server: Server;
let port: number;

/** A raw request: the path goes on the wire as written (fetch would normalize `..`). */
function get(path: string): Promise<{ status: number; body: string; location?: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body, location: res.headers.location }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  const top = mkdtempSync(join(tmpdir(), 'fieldkit-serve-'));
  const dist = join(top, 'dist');
  mkdirSync(join(dist, 'clouds', 'azure'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), 'home page');
  writeFileSync(join(dist, '404.html'), 'not here');
  writeFileSync(join(dist, 'clouds', 'azure', 'index.html'), 'azure page');
  mkdirSync(join(top, 'dist-secret'));
  writeFileSync(join(top, 'dist-secret', 'key.txt'), 'SECRET');
  writeFileSync(join(top, 'outside.txt'), 'SECRET');
  symlinkSync(join(top, 'outside.txt'), join(dist, 'link.txt'));
  const s = await serveDir(dist);
  server = s.server;
  port = Number(new URL(s.url).port);
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('serveDir', () => {
  it('serves pages and redirects a folder without its slash', async () => {
    expect(await get('/')).toMatchObject({ status: 200, body: 'home page' });
    expect(await get('/clouds/azure/')).toMatchObject({ status: 200, body: 'azure page' });
    expect(await get('/clouds/azure?x=1')).toMatchObject({ status: 301, location: '/clouds/azure/?x=1' });
  });

  it('answers 400 to a malformed percent-encoding and stays up', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/')).status).toBe(200);
  });

  it('never serves a sibling folder that shares the prefix, or a parent', async () => {
    for (const path of ['/..%2Fdist-secret/key.txt', '/../dist-secret/key.txt', '/%2e%2e/outside.txt', '/clouds/..%2F..%2Foutside.txt']) {
      const r = await get(path);
      expect(r.status, path).toBe(400);
      expect(r.body).not.toContain('SECRET');
    }
  });

  it('does not follow a symlink out of the folder', async () => {
    const r = await get('/link.txt');
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('SECRET');
  });

  it('a missing page gets the site 404 page', async () => {
    expect(await get('/nope/')).toMatchObject({ status: 404, body: 'not here' });
  });
});
