/** Finding (or installing) the Chromium that browser tests and PDF export drive. */
import { existsSync } from 'node:fs';
import { run } from './util.ts';

export const CHROMIUM_ENV = 'FIELDKIT_CHROMIUM';
const DEFAULT = '/usr/bin/chromium';

export function chromiumPath(): string {
  return process.env[CHROMIUM_ENV] ?? DEFAULT;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** Returns the Chromium path, installing Debian's package when missing and we are root; else explains. */
export async function ensureChromium(opts: { install: boolean }): Promise<{ path?: string; message?: string }> {
  const path = chromiumPath();
  if (existsSync(path)) return { path };
  const explain =
    `Chromium not found at ${path}. Install Debian's package (apt-get install chromium poppler-utils) ` +
    `or point ${CHROMIUM_ENV} at another Chromium or Chrome binary.`;
  if (process.env[CHROMIUM_ENV] || !opts.install || process.getuid?.() !== 0) return { message: explain };
  process.stderr.write('▸ installing chromium and poppler-utils with apt-get (first run only)…\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const ok =
    (await run('apt-get', ['update', '-qq'], { env })) === 0 &&
    (await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'poppler-utils'], { env })) === 0;
  return ok && existsSync(path) ? { path } : { message: `apt-get could not install chromium. ${explain}` };
}
