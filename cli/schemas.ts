/**
 * `schemas`: write the JSON Schemas editors use (`schemas/<collection>.schema.json`) and the field
 * reference (`docs/fields.md`) from the Zod schemas. `--check` only compares (exit 1 when stale).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { allJsonSchemas, FIELDS_DOC, fieldsMarkdown, SCHEMA_DIR } from '#lib/content/json-schema.ts';
import { EXIT, parseArgs, rootFlag, UsageError } from './util.ts';

export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, text] of allJsonSchemas()) files.set(`${SCHEMA_DIR}/${name}`, text);
  files.set(FIELDS_DOC, fieldsMarkdown());
  return files;
}

export async function schemasCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['root'], booleans: ['check'] });
  if (args.positional.length) throw new UsageError(`unexpected argument "${args.positional[0]}"`);
  const root = rootFlag(args.flags.get('root'));
  const stale: string[] = [];
  for (const [rel, text] of generatedFiles()) {
    const path = join(root, rel);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === text) continue;
    stale.push(rel);
    if (!args.flags.has('check')) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
  }
  if (args.flags.has('check')) {
    if (stale.length) {
      process.stderr.write(`out of date (run ./fieldkit schemas and commit): ${stale.join(', ')}\n`);
      return EXIT.problems;
    }
    process.stdout.write('JSON Schemas and docs/fields.md are up to date\n');
    return EXIT.ok;
  }
  process.stdout.write(stale.length ? `wrote ${stale.join(', ')}\n` : 'JSON Schemas and docs/fields.md were already up to date\n');
  return EXIT.ok;
}
