/** Every problem code is explained in docs/problems.md, and every explained code exists. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from './problems.ts';

describe('docs/problems.md', () => {
  const headings = [...readFileSync(join(import.meta.dirname, '../../../docs/problems.md'), 'utf8').matchAll(/^## ([a-z-]+)/gm)].map((m) => m[1]!);
  it('has a section for every problem code, and none for a code that does not exist', () => {
    expect([...headings].sort()).toEqual(Object.keys(PROBLEM_CODES).sort());
  });
});
