/**
 * Debian packages the test run needs besides Chromium: installed with apt-get the first time when
 * we are root (as `ensureChromium` does for the browser), otherwise explained.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * The one apt installer of the project (Chromium, poppler, nginx, LibreOffice, fio, iperf3): installs
 * missing packages when we are root on a Debian-like system and `install` is set; returns what is still
 * missing and why. Package scripts may not start or enable services: a temporary policy-rc.d answers
 * "not allowed" (101) for the length of the install, so nginx is installed but never started on port 80.
 */
export async function ensurePackages(pkgs: readonly SystemPackage[], opts: { install: boolean; noRecommends?: boolean }): Promise<{ missing: string[]; message?: string }> {
  let missing = missingPackages(pkgs);
  if (missing.length && opts.install && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    process.stderr.write(`▸ installing ${missing.join(', ')} with apt-get (first run only)…\n`);
    const policy = '/usr/sbin/policy-rc.d';
    const ownPolicy = !existsSync(policy);
    if (ownPolicy) writeFileSync(policy, '#!/bin/sh\n# fieldkit test: install packages without starting their services\nexit 101\n', { mode: 0o755 });
    let ok: boolean;
    try {
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      ok =
        (await run('apt-get', ['update', '-qq'], { env })) === 0 &&
        (await run('apt-get', ['install', '-y', '-qq', ...(opts.noRecommends ? ['--no-install-recommends'] : []), ...missing], { env })) === 0;
    } finally {
      if (ownPolicy) rmSync(policy, { force: true });
    }
    missing = missingPackages(pkgs);
    if (!ok || missing.length) return { missing, message: `apt-get could not install ${missing.join(', ')}. ${installHint(missing)}` };
  }
  return missing.length ? { missing, message: installHint(missing) } : { missing };
}
