/**
 * Editor help: the JSON Schemas generated from the Zod schemas are committed and current, describe
 * every field, accept the shipped content and reject what Zod rejects (checked with ajv).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../../cli/schemas.ts';
import { undocumentedFields } from '../../src/lib/content/json-schema.ts';
import { parseContentFile } from '../../src/lib/content/parse.ts';
import { COLLECTIONS, plainContext, type CollectionSpec } from '../../src/schemas/index.ts';
import { ROOT } from '../helpers.ts';

function validatorFor(spec: CollectionSpec) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addKeyword({ keyword: 'ref', schemaType: 'string' }); // which collection an id points into (documentation)
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('uri', { validate: (s: string) => URL.canParse(s) });
  ajv.addFormat('date-time', { validate: (s: string) => !Number.isNaN(Date.parse(s)) });
  return ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', `${spec.name}.schema.json`), 'utf8')));
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

describe('JSON Schemas for editors', () => {
  it('are committed and up to date (./fieldkit schemas regenerates them)', () => {
    for (const [rel, text] of generatedFiles()) expect(readFileSync(join(ROOT, rel), 'utf8'), `${rel} is stale: run ./fieldkit schemas`).toBe(text);
  });

  it('describe every field', () => {
    expect(undocumentedFields()).toEqual([]);
  });

  it('the editor settings wire every YAML collection to its schema', () => {
    const settings = JSON.parse(readFileSync(join(ROOT, '.vscode', 'settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string | string[]> };
    for (const spec of COLLECTIONS.filter((c) => c.kind === 'data')) {
      const globs = [settings['yaml.schemas'][`./schemas/${spec.name}.schema.json`]].flat();
      expect(globs, spec.name).toContain(`src/content/${spec.dir}/**/*.yaml`);
    }
    const ext = JSON.parse(readFileSync(join(ROOT, '.vscode', 'extensions.json'), 'utf8')) as { recommendations: string[] };
    expect(ext.recommendations).toContain('redhat.vscode-yaml');
  });

  it('accept every shipped content file', () => {
    let n = 0;
    for (const spec of COLLECTIONS) {
      const validate = validatorFor(spec);
      const dir = join(ROOT, 'src', 'content', spec.dir);
      if (!existsSync(dir)) continue; // a collection with no entries yet (measurements)
      for (const f of files(dir).filter((p) => /\.(ya?ml|md)$/.test(p))) {
        const parsed = parseContentFile(readFileSync(f, 'utf8'), spec.kind);
        const ok = validate(parsed.data);
        expect(ok, `${relative(ROOT, f)}: ${JSON.stringify(validate.errors)}`).toBe(true);
        n++;
      }
    }
    expect(n).toBeGreaterThan(50);
  });

  // Golden inputs: each is a shipped entry with one thing changed. Zod and the JSON Schema must agree.
  const claim = () => parseContentFile(readFileSync(join(ROOT, 'src/content/claims/azure/account-ingress.yaml'), 'utf8'), 'data').data as Record<string, unknown>;
  const cases: [name: string, mutate: (d: Record<string, unknown>) => void, accepted: boolean][] = [
    ['unchanged', () => {}, true],
    ['a misspelt key', (d) => { d.statment = 'x'; }, false],
    ['a missing required field', (d) => { delete d.statement; }, false],
    ['an unknown category', (d) => { d.category = 'speed'; }, false],
    ['a value that is text but not TBD', (d) => { (d.metric as Record<string, unknown>).value = 'sixty'; }, false],
    ['TBD as the value', (d) => { (d.metric as Record<string, unknown>).value = 'TBD'; }, true],
    ['a badly written date', (d) => { d.asOf = '31/10/2025'; }, false],
    ['an id with upper case', (d) => { d.cloud = 'Azure'; }, false],
    ['an unknown audience', (d) => { d.audience = 'everyone'; }, false],
    ['reviewEvery of zero', (d) => { d.reviewEvery = 0; }, false],
    ['an empty statement', (d) => { d.statement = ''; }, false],
  ];
  const spec = COLLECTIONS.find((c) => c.name === 'claims')!;
  const validate = validatorFor(spec);
  const zod = spec.schema(plainContext);
  for (const [name, mutate, accepted] of cases) {
    it(`agree with Zod on a claim with ${name} (${accepted ? 'accepted' : 'rejected'})`, () => {
      const d = structuredClone(claim());
      mutate(d);
      expect(zod.safeParse(d).success, 'Zod').toBe(accepted);
      expect(validate(d), `JSON Schema: ${JSON.stringify(validate.errors)}`).toBe(accepted);
    });
  }
});
