/** The browser project's global setup names each missing build once, with the command that makes it. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingBuilds, missingLine } from '../browser/global-setup.ts';

function root(built: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'fieldkit-setup-'));
  for (const b of built) {
    mkdirSync(join(dir, b), { recursive: true });
    writeFileSync(join(dir, b, 'index.html'), '<p>built</p>');
  }
  return dir;
}
const files = (...names: string[]) => names.map((n) => `/repo/tests/browser/${n}`);
const now = () => '2026-12-01';

describe('missing builds for the browser tests', () => {
  it('nothing built: dist/ once for all its readers, each edition for its reader, self-built files need nothing', () => {
    const missing = missingBuilds(root([]), files('a11y.test.ts', 'tco.test.ts', 'editions.test.ts', 'dev.test.ts', 'measure.test.ts', 'slides.test.ts', 'pdf-leak.test.ts'), now);
    expect(missing.map(missingLine)).toEqual([
      'no built site in dist/: run ./fieldkit build --now 2026-12-01 first, or ./fieldkit test (needed by a11y.test.ts, tco.test.ts)',
      'no built site in .fieldkit/editions/partner/: run ./fieldkit test (it builds the partner, public and later editions) (needed by editions.test.ts)',
      'no built site in .fieldkit/editions/public/: run ./fieldkit test (it builds the partner, public and later editions) (needed by editions.test.ts)',
    ]);
  });

  it('dist/ built: a run of dist readers needs nothing more; time-travel still needs its two later builds', () => {
    const dir = root(['dist']);
    expect(missingBuilds(dir, files('smoke.test.ts', 'nginx.test.ts'), now)).toEqual([]);
    expect(missingBuilds(dir, files('smoke.test.ts', 'time-travel.test.ts'), now).map((m) => m.dir)).toEqual([
      '.fieldkit/editions/internal-plus-1y',
      '.fieldkit/editions/internal-plus-2y',
    ]);
  });

  it('a folder without index.html is not a build', () => {
    const dir = root([]);
    mkdirSync(join(dir, 'dist'));
    expect(missingBuilds(dir, files('smoke.test.ts'), now).map((m) => m.dir)).toEqual(['dist']);
  });

  it('names three readers and counts the rest', () => {
    const line = missingLine({ dir: 'dist', fix: 'X', files: ['a.test.ts', 'b.test.ts', 'c.test.ts', 'd.test.ts', 'e.test.ts'] });
    expect(line).toBe('no built site in dist/: run X (needed by a.test.ts, b.test.ts, c.test.ts and 2 more)');
  });

  it('does not work out the date unless dist/ is missing', () => {
    let asked = 0;
    missingBuilds(root(['dist']), files('smoke.test.ts'), () => { asked++; return 'x'; });
    expect(asked).toBe(0);
  });
});
