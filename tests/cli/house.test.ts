/** The house rules are enforced by ESLint: a pure-lib file that does I/O fails lint. */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

const eslint = new ESLint({ cwd: ROOT });

async function lint(rel: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: join(ROOT, rel) });
  return result!.messages.map((m) => m.message);
}

describe('import rules', () => {
  it('src/lib may not import node:*', async () => {
    expect((await lint('src/lib/zz-x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).join()).toContain('src/lib is pure');
  });
  it('src/lib may not import astro:*', async () => {
    expect((await lint('src/lib/zz-x.ts', "import { getCollection } from 'astro:content';\nexport const x = getCollection;\n")).join()).toContain('src/lib knows no Astro');
  });
  it('src/ may not import cli/', async () => {
    expect((await lint('src/data/zz-x.ts', "import { EXIT } from '../../cli/util.ts';\nexport const x = EXIT;\n")).join()).toContain('src/ never imports cli/');
  });
  it('src/lib may not import an adapter (src/node, src/data)', async () => {
    expect((await lint('src/lib/tco/zz-x.ts', "import { today } from '../../node/env.ts';\nexport const x = today;\n")).join()).toContain('src/lib is the pure core');
    expect((await lint('src/lib/tco/zz-x.ts', "import { site } from '../../data/site.ts';\nexport const x = site;\n")).join()).toContain('src/lib is the pure core');
  });
  it('the loader and the integration may not import cli/ either (no exceptions left)', async () => {
    expect((await lint('src/integrations/fieldkit.ts', "import { EXIT } from '../../cli/util.ts';\nexport const x = EXIT;\n")).join()).toContain('src/ never imports cli/');
    expect((await lint('src/data/changes.ts', "import { EXIT } from '#cli/util.ts';\nexport const x = EXIT;\n")).join()).toContain('src/ never imports cli/');
  });
  it('a pure import passes', async () => {
    expect(await lint('src/lib/tco/zz-x.ts', "import { plural } from '../format/text.ts';\nimport { COLLECTIONS } from '../../schemas/index.ts';\nexport const x = [plural, COLLECTIONS];\n")).toEqual([]);
  });
});
