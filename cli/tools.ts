/**
 * Debian packages the test run needs besides Chromium: installed with apt-get the first time when
 * we are root (as `ensureChromium` does for the browser), otherwise explained.
 */
import { existsSync } from 'node:fs';
import { run } from './util.ts';

/** A Debian package and a file it provides (how we tell it is installed). */
export type SystemPackage = [pkg: string, provides: string];

/** The benchmark tools `measure import` reads, run for real by tests/cli/measure-tools.test.ts. */
export const MEASURE_TOOLS: SystemPackage[] = [
  ['fio', '/usr/bin/fio'],
  ['iperf3', '/usr/bin/iperf3'],
];

/** The packages still missing, or a message saying how to install them. */
export function missingPackages(pkgs: readonly SystemPackage[]): string[] {
  return pkgs.filter(([, file]) => !existsSync(file)).map(([pkg]) => pkg);
}

export function installHint(pkgs: readonly string[]): string {
  return `Install Debian's ${pkgs.join(' and ')}: apt-get install ${pkgs.join(' ')}`;
}

/** Installs missing packages when we are root and `install` is set; returns what is still missing and why. */
export async function ensurePackages(pkgs: readonly SystemPackage[], opts: { install: boolean }): Promise<{ missing: string[]; message?: string }> {
  let missing = missingPackages(pkgs);
  if (missing.length && opts.install && process.getuid?.() === 0) {
    process.stderr.write(`▸ installing ${missing.join(', ')} with apt-get (first run only)…\n`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const ok =
      (await run('apt-get', ['update', '-qq'], { env })) === 0 &&
      (await run('apt-get', ['install', '-y', '-qq', ...missing], { env })) === 0;
    missing = missingPackages(pkgs);
    if (!ok) return { missing, message: `apt-get could not install ${missing.join(', ')}. ${installHint(missing)}` };
  }
  return missing.length ? { missing, message: installHint(missing) } : { missing };
}
