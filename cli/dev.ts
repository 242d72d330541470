/**
 * `dev`: Astro's dev server for a live preview. The Fieldkit integration re-runs `check` whenever a
 * content file changes and shows the problems in the terminal and in a banner on every page.
 * Stopping `dev` (Ctrl+C, or a signal to its pid) stops the dev server with it.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs, portFlag, PROJECT_ROOT } from './util.ts';

export async function devCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['port'], booleans: [] });
  const port = portFlag(args.flags.get('port'), 4321);
  const astro = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const child = spawn(process.execPath, [astro, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const stop = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, () => stop(s));
  process.on('exit', () => stop('SIGTERM'));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 0 : 1)));
  });
}
