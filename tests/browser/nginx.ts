/**
 * Debian's nginx on loopback serving a folder with deploy/nginx.conf (the real server block, only
 * `root` and `listen` replaced), on a free port, and Chromium pages that record CSP violations.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { freePort, ROOT } from '../helpers.ts';

const NGINX = '/usr/sbin/nginx';

export interface Nginx {
  url: string;
  port: number;
  stop: () => void;
}

async function startOnce(root: string, port: number): Promise<Nginx | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldkit-nginx-'));
  const server = readFileSync(join(ROOT, 'deploy', 'nginx.conf'), 'utf8')
    .replace('root FIELDKIT_ROOT;', `root ${root};`)
    .replace('listen 127.0.0.1:8080;', `listen 127.0.0.1:${port};`);
  writeFileSync(join(dir, 'nginx.conf'), [
    'daemon off;', 'worker_processes 1;', `pid ${dir}/nginx.pid;`, `error_log ${dir}/error.log;`,
    'events { worker_connections 64; }',
    `http { include /etc/nginx/mime.types; access_log off; client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};`,
    server, '}',
  ].join('\n'));
  const t = spawnSync(NGINX, ['-t', '-c', join(dir, 'nginx.conf'), '-p', dir], { encoding: 'utf8' });
  if (t.status !== 0) throw new Error(`nginx -t failed: ${t.stderr}`);
  const proc: ChildProcess = spawn(NGINX, ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  let exited = false;
  proc.once('exit', () => { exited = true; });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !exited; i++) {
    try {
      const r = await fetch(`${url}/`);
      // Another server that grabbed the port in between would not send nginx's header.
      if (r.headers.get('server') === 'nginx') return { url, port, stop: () => proc.kill('SIGQUIT') };
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  proc.kill('SIGQUIT');
  return undefined;
}

/** Starts nginx on `root`; retries on another free port if one was taken in between. */
export async function startNginx(root: string): Promise<Nginx> {
  if (!existsSync(NGINX)) throw new Error(`nginx not installed at ${NGINX}: apt-get install nginx (./fieldkit test does this as root)`);
  for (let attempt = 0; attempt < 5; attempt++) {
    const n = await startOnce(root, await freePort());
    if (n) return n;
  }
  throw new Error('nginx did not start on a free port after 5 attempts');
}

/** The headers every response must carry, whatever the location. */
export const SECURITY_HEADERS = ['content-security-policy', 'permissions-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'x-robots-tag'];

export type WatchedPage = Page & { violations: string[]; errors: string[] };

/**
 * A page that records every CSP violation (the `securitypolicyviolation` event, registered
 * before any page script, and Chromium's console report) and every script error.
 */
export async function watchedPage(ctx: BrowserContext): Promise<WatchedPage> {
  await ctx.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const page = (await ctx.newPage()) as WatchedPage;
  page.violations = [];
  page.errors = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) page.violations.push(m.text());
    else if (m.type() === 'error') page.errors.push(m.text());
  });
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}

/** CSP violations seen by the page's own listener. */
export async function cspEvents(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}
