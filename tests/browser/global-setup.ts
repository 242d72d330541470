/**
 * The browser project's global setup: before any browser starts, every built site the queued test
 * files read must exist, or the run stops with one line that says which build is missing and the
 * command that makes it (instead of every test of every file failing in its own beforeAll).
 * `./fieldkit test` makes all of them before it runs this project.
 */
import { existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { TestProject } from 'vitest/node';
import { extraBuilds, testDate } from '../../cli/test.ts';
import { ROOT } from '../helpers.ts';

/** Test files that build (or fake) every site they read, in a scratch folder of their own. */
export const SELF_BUILT = new Set(['dev.test.ts', 'measure.test.ts', 'pdf-leak.test.ts', 'slides.test.ts']);

/** Test files that read the extra builds `./fieldkit test` makes (cli/test.ts `extraBuilds`), and which of them. */
export const EDITION_READERS: Readonly<Record<string, (b: ReturnType<typeof extraBuilds>[number]) => boolean>> = {
  'editions.test.ts': (b) => b.audience !== 'internal',
  'time-travel.test.ts': (b) => b.audience === 'internal',
};

/** A site folder that a test needs and is not built, with how to build it. */
export interface MissingBuild { dir: string; fix: string; files: string[] }

/**
 * The builds `files` (test file paths) need that have no index.html under `root`. Every file not
 * listed above reads the internal edition in dist/. `now` gives the date for the build command.
 */
export function missingBuilds(root: string, files: readonly string[], now: () => string): MissingBuild[] {
  const needs = new Map<string, { fix: () => string; files: string[] }>();
  const need = (dir: string, fix: () => string, file: string) => {
    const n = needs.get(dir) ?? { fix, files: [] };
    n.files.push(file);
    needs.set(dir, n);
  };
  for (const file of files) {
    const name = basename(file);
    if (SELF_BUILT.has(name)) continue;
    const reads = EDITION_READERS[name];
    if (reads) {
      // The folders do not depend on the date the builds are made for.
      for (const b of extraBuilds(root, '2000-01-01').filter(reads)) need(b.outDir, () => './fieldkit test (it builds the partner, public and later editions)', name);
    } else {
      need(join(root, 'dist'), () => `./fieldkit build --now ${now()} first, or ./fieldkit test`, name);
    }
  }
  return [...needs].filter(([dir]) => !existsSync(join(dir, 'index.html')))
    .map(([dir, n]) => ({ dir: relative(root, dir) || '.', fix: n.fix(), files: n.files }));
}

/** The line the run stops with. */
export function missingLine(m: MissingBuild): string {
  const who = m.files.length > 3 ? `${m.files.slice(0, 3).join(', ')} and ${m.files.length - 3} more` : m.files.join(', ');
  return `no built site in ${m.dir}/: run ${m.fix} (needed by ${who})`;
}

export default async function setup(project: TestProject): Promise<void> {
  // The files this run queued: the command line's filters (vitest keeps them as filenamePattern), else all.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const { testFiles } = await project.globTestFiles(filters);
  let date: string | undefined;
  const now = () => (date ??= (() => {
    try {
      return testDate(ROOT);
    } catch {
      return 'YYYY-MM-DD';
    }
  })());
  const missing = missingBuilds(ROOT, testFiles, now);
  if (!missing.length) return;
  // One line per missing build and nothing else: a thrown error would come after vitest's
  // misleading "No test files found" and a stack trace.
  process.stderr.write(`${missing.map(missingLine).join('\n')}\n`);
  process.exit(1);
}
