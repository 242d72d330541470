/**
 * The build lock: a lock whose pid is gone, or is alive but not a Fieldkit command (a reused pid),
 * is stale and taken over; a live Fieldkit command's lock is not.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isFieldkitProcess, withBuildLock } from '../../cli/build.ts';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill();
});

function longRunning(args: string[]): ChildProcess {
  const c = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', ...args], { stdio: 'ignore' });
  children.push(c);
  return c;
}

describe('build lock', () => {
  // Without /proc (macOS) a live pid is trusted as the holder.
  it.skipIf(!existsSync('/proc'))('a live process that is not Fieldkit does not hold the lock; a Fieldkit command does', () => {
    const other = longRunning([]);
    const fieldkit = longRunning(['/somewhere/fieldkit/cli/main.ts', 'build']);
    expect(isFieldkitProcess(other.pid!)).toBe(false);
    expect(isFieldkitProcess(fieldkit.pid!)).toBe(true);
  });

  it.skipIf(!existsSync('/proc'))('takes over a lock held by a reused pid, and releases it afterwards', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fieldkit-lock-'));
    const lock = join(root, '.fieldkit', 'build.lock');
    mkdirSync(lock, { recursive: true });
    writeFileSync(join(lock, 'pid'), String(longRunning([]).pid));
    expect(await withBuildLock(root, async () => existsSync(join(lock, 'pid')))).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });
});
