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

/** Debian packages the browser tests, PDF checks and the nginx test need, with a file each provides. */
const SYSTEM_PACKAGES: [pkg: string, provides: string][] = [
  ['chromium', '/usr/bin/chromium'],
  ['poppler-utils', '/usr/bin/pdftotext'],
  ['nginx', '/usr/sbin/nginx'],
];

/** Returns the Chromium path, installing missing Debian packages when we are root; else explains. */
export async function ensureChromium(opts: { install: boolean }): Promise<{ path?: string; message?: string }> {
  const path = chromiumPath();
  const missing = SYSTEM_PACKAGES.filter(([pkg, file]) => !existsSync(pkg === 'chromium' ? path : file)).map(([pkg]) => pkg);
  const explain =
    `Chromium not found at ${path}. Install Debian's package (apt-get install chromium poppler-utils nginx) ` +
    `or point ${CHROMIUM_ENV} at another Chromium or Chrome binary.`;
  if (missing.length && opts.install && process.getuid?.() === 0 && !(missing.includes('chromium') && process.env[CHROMIUM_ENV])) {
    process.stderr.write(`▸ installing ${missing.join(', ')} with apt-get (first run only)…\n`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const ok =
      (await run('apt-get', ['update', '-qq'], { env })) === 0 &&
      (await run('apt-get', ['install', '-y', '-qq', ...missing], { env })) === 0;
    if (!ok) return { message: `apt-get could not install ${missing.join(', ')}. ${explain}` };
  }
  return existsSync(path) ? { path } : { message: explain };
}
