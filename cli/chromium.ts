/**
 * Finding (or installing) the Chromium that browser tests and PDF export drive, and the other
 * system packages the test suite uses. Chromium, Chrome and Edge are looked for where Debian,
 * Ubuntu (apt and snap), macOS and Windows put them; FIELDKIT_CHROMIUM overrides the search.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePackages, type SystemPackage } from './tools.ts';

export const CHROMIUM_ENV = 'FIELDKIT_CHROMIUM';
const DEFAULT = '/usr/bin/chromium';

/** Where browsers live, by platform, in the order they are tried. */
export function chromiumCandidates(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    return roots.flatMap((r) => [join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'), join(r, 'Chromium', 'Application', 'chrome.exe'), join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe')]);
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome', '/usr/bin/microsoft-edge', '/opt/google/chrome/chrome'];
}

/** The exact line that installs a browser on this platform. */
export function chromiumInstallLine(platform: NodeJS.Platform = process.platform, osRelease = readOsRelease()): string {
  if (platform === 'darwin') return 'brew install --cask chromium   (or install Google Chrome)';
  if (platform === 'win32') return 'winget install Google.Chrome';
  if (/^ID=ubuntu/m.test(osRelease)) return 'sudo snap install chromium   (Ubuntu ships Chromium as a snap)';
  return 'sudo apt-get install chromium';
}

function readOsRelease(): string {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}

export function chromiumPath(): string {
  const set = process.env[CHROMIUM_ENV];
  if (set) return set;
  return chromiumCandidates().find((p) => existsSync(p)) ?? DEFAULT;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** Debian packages the test suite needs, with a file each provides. */
export const SYSTEM_PACKAGES: SystemPackage[] = [
  ['chromium', '/usr/bin/chromium'],
  ['poppler-utils', '/usr/bin/pdftotext'],
  ['nginx', '/usr/sbin/nginx'],
];

/** Returns the Chromium path, installing missing Debian packages when we are root; else explains. */
export async function ensureChromium(opts: { install: boolean }): Promise<{ path?: string; message?: string }> {
  const explain = () =>
    `Chromium (or Chrome/Edge) not found${process.env[CHROMIUM_ENV] ? ` at ${process.env[CHROMIUM_ENV]}` : ''}. Install it: ${chromiumInstallLine()}; ` +
    `or point ${CHROMIUM_ENV} at another Chromium, Chrome or Edge binary.`;
  const wanted = SYSTEM_PACKAGES.filter(([pkg]) => pkg !== 'chromium' || !existsSync(chromiumPath()));
  if (opts.install && !(process.env[CHROMIUM_ENV] && !existsSync(chromiumPath()))) {
    const { message } = await ensurePackages(wanted, { install: true });
    if (message && !existsSync(chromiumPath())) return { message: `${message}. ${explain()}` };
  }
  const path = chromiumPath();
  return existsSync(path) ? { path } : { message: explain() };
}
