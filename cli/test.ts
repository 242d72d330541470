/**
 * `test`: the whole suite, in the order a fresh machine needs it: unit and CLI tests, a real
 * build, then browser tests in Chromium over the built site. Ends with `N passed, N failed`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite } from './build.ts';
import { ensureChromium, CHROMIUM_ENV } from './chromium.ts';
import { ensurePackages, MEASURE_TOOLS } from './tools.ts';
import { today } from './io/content-fs.ts';
import { EXIT, parseArgs, phase, PROJECT_ROOT, run, UsageError, type Phase } from './util.ts';

interface Tally { passed: number; failed: number; skipped: number }

async function vitest(project: string, outFile: string, extraEnv: Record<string, string> = {}): Promise<Tally> {
  rmSync(outFile, { force: true });
  const bin = join(PROJECT_ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  const code = await run(process.execPath, [bin, 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${outFile}`], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...extraEnv },
  });
  if (!existsSync(outFile)) return { passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(readFileSync(outFile, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; testResults: { status: string }[] };
  // A file that failed to load counts as a failure even though it ran no test.
  const brokenFiles = r.testResults.filter((t) => t.status === 'failed').length;
  const failed = r.numFailedTests || (code !== 0 ? Math.max(1, brokenFiles) : 0);
  return { passed: r.numPassedTests, failed, skipped: r.numPendingTests + r.numTodoTests };
}

export async function testCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: [], booleans: ['no-browser'] });
  if (args.positional.length) throw new UsageError(`unexpected argument "${args.positional[0]}"`);
  const work = join(PROJECT_ROOT, '.fieldkit');
  mkdirSync(work, { recursive: true });
  const total: Tally = { passed: 0, failed: 0, skipped: 0 };
  const phases: Phase[] = [];
  const add = (t: Tally) => { total.passed += t.passed; total.failed += t.failed; total.skipped += t.skipped; };

  const types = await phase(phases, 'type check (astro check, strict)', () => run(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'check'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, FIELDKIT_PRECHECKED: '1', ASTRO_TELEMETRY_DISABLED: '1' },
  }));
  add(types === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 });

  const lint = await phase(phases, 'lint (eslint)', () => run(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.'], { cwd: PROJECT_ROOT }));
  add(lint === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 });

  await ensurePackages(MEASURE_TOOLS, { install: true }); // fio and iperf3, run for real by tests/cli/measure-tools.test.ts
  add(await phase(phases, 'unit and CLI tests', () => vitest('unit', join(work, 'vitest-unit.json'))));

  const build = await phase(phases, 'build', () => buildSite({ root: PROJECT_ROOT, now: today() })).catch((e: Error) => {
    process.stderr.write(`build failed: ${e.message}\n`);
    return { code: EXIT.internal };
  });
  add(build.code === EXIT.ok ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 });

  if (args.flags.has('no-browser')) {
    process.stderr.write('browser tests skipped (--no-browser)\n');
  } else if (build.code === EXIT.ok) {
    const { path: browser, message } = await ensureChromium({ install: true });
    if (!browser) {
      process.stderr.write(`${message}\n`);
      add({ passed: 0, failed: 1, skipped: 0 });
    } else {
      add(await phase(phases, 'browser tests (Chromium)', () => vitest('browser', join(work, 'vitest-browser.json'), { [CHROMIUM_ENV]: browser })));
    }
  }
  process.stderr.write(`\nphases: ${phases.map((p) => `${p.name} ${(p.ms / 1000).toFixed(1)} s`).join(', ')}\n`);
  const skipped = total.skipped ? `, ${total.skipped} skipped` : '';
  process.stdout.write(`\n${total.passed} passed, ${total.failed} failed${skipped}\n`);
  return total.failed === 0 ? EXIT.ok : EXIT.problems;
}
