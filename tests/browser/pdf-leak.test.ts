/**
 * The leak test covers the PDFs, and nothing is published before it has run: a leak found only in a
 * PDF fails `build --pdf` and `pdf`, and dist/ stays byte-identical.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_TREE, fieldkit, projectWith, treeHash } from '../helpers.ts';


const TERMS = { FIELDKIT_TERMS: 'Initech Labs\n', FIELDKIT_TERMS_FILE: '' };

describe('pdf leak test', () => {
  it('build --pdf: a term that only the PDF shows fails the build before anything is published', () => {
    // Two blocks shown inline: the HTML has "Ini" and "tech Labs" in separate blocks (no word), the
    // printed page reads "Initech Labs". Only the PDF scan can see it.
    // Content cannot carry style (check and the sanitizer refuse it), so the two blocks sit in a
    // template: the kit's cover, which only the printed kit shows.
    const dir = projectWith({});
    const cover = join(dir, 'src', 'components', 'kit', 'KitCover.astro');
    writeFileSync(cover, readFileSync(cover, 'utf8').replace('<p class="kit-cover__kicker">', '<div><div style="display:inline">Ini</div><div style="display:inline">tech Labs</div></div>\n  <p class="kit-cover__kicker">'));
    mkdirSync(join(dir, 'dist', 'kits'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'index.html'), '<p>previous good build</p>');
    writeFileSync(join(dir, 'dist', 'kits', 'old.pdf'), 'previous pdf');
    const before = treeHash(join(dir, 'dist'));
    const r = fieldkit(['build', '--pdf', '--now', '2026-11-26'], { cwd: dir, env: { FIELDKIT_ROOT: dir, ...TERMS } });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^leak: kits\/azure\.pdf: confidential term 1 in PDF text: "[^"]*\[term 1\]/m);
    expect(r.stderr).not.toMatch(/^leak: [^ ]+\.html/m);
    expect(r.stderr).toContain('nothing was published');
    expect(treeHash(join(dir, 'dist'))).toEqual(before);
  }, 240_000);

  it('pdf: a leaking PDF is never moved into dist/, which stays byte-identical', () => {
    const dir = projectWith({
      'src/content/clouds/azure.md': BASE_TREE['src/content/clouds/azure.md']!.replace('summary: An example cloud for tests.', 'summary: Built for Initech Labs.'),
    });
    const env = { FIELDKIT_ROOT: dir, FIELDKIT_TERMS: '', FIELDKIT_TERMS_FILE: '' };
    // Built (internal) before the term was listed: only the PDF run's scan can catch it now.
    expect(fieldkit(['build', '--now', '2026-11-26'], { cwd: dir, env }).code).toBe(0);
    const before = treeHash(join(dir, 'dist'));
    const r = fieldkit(['pdf', 'azure'], { cwd: dir, env: { ...env, ...TERMS } });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^leak: kits\/azure\.pdf: confidential term 1 in PDF text: "[^"]*\[term 1\]/m);
    expect(r.stderr).toContain('nothing was published');
    expect(existsSync(join(dir, 'dist', 'kits', 'azure.pdf'))).toBe(false);
    expect(treeHash(join(dir, 'dist'))).toEqual(before);
  }, 240_000);
});
