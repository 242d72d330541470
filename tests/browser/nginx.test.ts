/** The nginx configuration in deploy/ serves the built site with the promised headers. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

const NGINX = '/usr/sbin/nginx';
const PORT = 18080 + (process.pid % 1000);
let proc: ChildProcess;
const base = `http://127.0.0.1:${PORT}`;

beforeAll(async () => {
  if (!existsSync(NGINX)) throw new Error(`nginx not installed at ${NGINX}: apt-get install nginx (./fieldkit test does this as root)`);
  const dir = mkdtempSync(join(tmpdir(), 'fieldkit-nginx-'));
  const server = readFileSync(join(ROOT, 'deploy', 'nginx.conf'), 'utf8')
    .replace('root FIELDKIT_ROOT;', `root ${join(ROOT, 'dist')};`)
    .replace('listen 127.0.0.1:8080;', `listen 127.0.0.1:${PORT};`);
  writeFileSync(join(dir, 'nginx.conf'), [
    'daemon off;', 'worker_processes 1;', `pid ${dir}/nginx.pid;`, `error_log ${dir}/error.log;`,
    'events { worker_connections 64; }',
    `http { include /etc/nginx/mime.types; access_log off; client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};`,
    server, '}',
  ].join('\n'));
  const t = spawnSync(NGINX, ['-t', '-c', join(dir, 'nginx.conf'), '-p', dir], { encoding: 'utf8' });
  if (t.status !== 0) throw new Error(`nginx -t failed: ${t.stderr}`);
  proc = spawn(NGINX, ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`${base}/`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('nginx did not start');
});

afterAll(() => {
  proc?.kill('SIGQUIT');
});

describe('deploy/nginx.conf', () => {
  it('serves the home page with no-cache and security headers', async () => {
    const r = await fetch(`${base}/`);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('Multi-cloud field kit');
    expect(r.headers.get('cache-control')).toBe('no-cache');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('server')).toBe('nginx');
  });

  it('caches hashed assets for a year', async () => {
    const html = await (await fetch(`${base}/`)).text();
    const asset = /href="(\/_astro\/[^"]+\.css)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const r = await fetch(`${base}${asset}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('serves directory pages without a trailing slash problem, 404s with the site page, and never lists a folder', async () => {
    expect((await fetch(`${base}/clouds/azure/`)).status).toBe(200);
    const missing = await fetch(`${base}/no/such/page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
    const folder = await fetch(`${base}/_astro/`);
    expect(folder.status).toBe(404);
  });
});
