/** Browser-test helpers: the built site served on loopback and Debian's Chromium via playwright-core. */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../cli/chromium.ts';
import { serveDir } from '../../cli/serve.ts';
import { ROOT } from '../helpers.ts';

export interface Site {
  url: string;
  browser: Browser;
  /** A fresh page that fails the test on console errors and uncaught exceptions. */
  page: (opts?: { width?: number; height?: number; colorScheme?: 'light' | 'dark' }) => Promise<Page & { errors: string[] }>;
}

/** Serves dist/ (built by `fieldkit test` before this runs) for the tests in one file. */
export function useSite(dir = join(ROOT, 'dist')): Site {
  const site = {} as Site;
  let server: Server;
  beforeAll(async () => {
    if (!existsSync(join(dir, 'index.html'))) throw new Error(`no built site in ${dir}: run ./fieldkit build first`);
    const s = await serveDir(dir);
    server = s.server;
    site.url = s.url;
    site.browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    site.page = async (opts = {}) => {
      const ctx = await site.browser.newContext({
        viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
        colorScheme: opts.colorScheme ?? 'light',
      });
      const page = (await ctx.newPage()) as Page & { errors: string[] };
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
      return page;
    };
  });
  afterAll(async () => {
    await site.browser?.close();
    await new Promise((r) => server?.close(r));
  });
  return site;
}
