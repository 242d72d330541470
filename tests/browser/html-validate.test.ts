/**
 * Every built page is valid HTML by html-validate's recommended rules (the project's
 * .htmlvalidate.json): dist/ (the internal edition) and every edition `./fieldkit test` builds into
 * .fieldkit/editions/<name>/ (partner, public, internal one and two years later). It builds
 * nothing: `./fieldkit test` runs the browser project after its builds. A failure lists each
 * error as `file:line:col: rule: message`, the file relative to the project.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate, type ConfigData } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { extraBuilds, testDate } from '../../cli/test.ts';
import { ROOT } from '../helpers.ts';

/** The project's configuration, used as is for every folder (root: no other config file is searched). */
const CONFIG = JSON.parse(readFileSync(join(ROOT, '.htmlvalidate.json'), 'utf8')) as ConfigData;
const validator = new HtmlValidate(new FileSystemConfigLoader({ ...CONFIG, root: true }));

const SITES = [
  { name: 'internal edition (dist/)', dir: join(ROOT, 'dist'), missing: 'run ./fieldkit build first' },
  ...extraBuilds(ROOT, testDate(ROOT)).map((b) => ({ name: b.name, dir: b.outDir, missing: 'run ./fieldkit test (it builds it)' })),
];

/** Every error html-validate reports in the .html files under `dir`, one line each. */
async function htmlErrors(dir: string): Promise<{ pages: number; errors: string[] }> {
  const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.html')).sort();
  const errors: string[] = [];
  for (const f of files) {
    const report = await validator.validateFile(join(dir, f));
    for (const r of report.results) {
      for (const m of r.messages) errors.push(`${relative(ROOT, r.filePath)}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
    }
  }
  return { pages: files.length, errors };
}

describe('the configuration', () => {
  it('reports invalid markup (the rules are on)', async () => {
    const report = await validator.validateString('<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><p>a<div hidden="">b</div><p id="x"></p><p id="x"></p></body></html>', 'page.html');
    expect(report.results[0]!.messages.map((m) => m.ruleId).sort()).toEqual(['attribute-empty-style', 'no-dup-id', 'no-implicit-close']);
  });
});

for (const site of SITES) {
  describe(`html-validate over ${site.name}`, () => {
    // About 10 to 25 s for 145 pages on a shared 2-core machine: more than the project's 60 s default allows under load.
    it('every page has no error', { timeout: 300_000 }, async () => {
      if (!existsSync(join(site.dir, 'index.html'))) throw new Error(`no built site in ${relative(ROOT, site.dir) || site.dir}: ${site.missing}`);
      const { pages, errors } = await htmlErrors(site.dir);
      expect(pages).toBeGreaterThan(10);
      expect(errors, `${errors.length} html-validate errors in ${pages} pages:\n${errors.join('\n')}`).toEqual([]);
    });
  });
}
