/** The leak test covers the PDFs: a confidential term in a kit PDF fails `pdf` and the PDFs are deleted. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_TREE, fieldkit, projectWith } from '../helpers.ts';

describe('pdf leak test', () => {
  it('a confidential term in a kit fails the PDF export and leaves no PDF behind', () => {
    const dir = projectWith({
      'src/content/clouds/azure.md': BASE_TREE['src/content/clouds/azure.md']!.replace('summary: An example cloud for tests.', 'summary: Built for Initech Labs.'),
    });
    const env = { FIELDKIT_ROOT: dir };
    expect(fieldkit(['build', '--now', '2026-11-26'], { cwd: dir, env }).code).toBe(0);
    expect(fieldkit(['pdf', 'azure', '--out', join(dir, 'clean')], { cwd: dir, env }).code).toBe(0);
    // The term is listed after the site was built: only the PDF scan can catch it now.
    // printf 'initech labs' | sha256sum
    writeFileSync(join(dir, 'confidential-terms.txt'), 'sha256:9f239f4c8f599815d73c5725135199fe9ec95e25188aaf2af0e8c01d39e8a126 words:2\n');
    const r = fieldkit(['pdf', 'azure'], { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/leak: azure\.pdf: confidential term sha256:9f239f4c8f59/);
    expect(existsSync(join(dir, 'dist', 'kits', 'azure.pdf'))).toBe(false);
  }, 120_000);
});
