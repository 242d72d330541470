/**
 * `new <collection> <id>`: writes a skeleton entry in the right folder, with every required
 * field and TODO placeholders that `check` reports until they are filled. Never overwrites.
 * Prints the path written (stdout) and what to do next (stderr).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { COLLECTIONS } from '#schemas/index.ts';
import { findCollection, skeleton } from '#lib/scaffold/skeleton.ts';
import { CONTENT_DIR } from '../src/node/content-fs.ts';
import { today } from '../src/node/env.ts';
import { dateFlag, EXIT, parseArgs, rootFlag, UsageError } from './util.ts';

const collectionList = () => COLLECTIONS.map((c) => c.name).join(', ');

export async function newCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['root', 'now'], booleans: [] });
  const [name, id, ...extra] = args.positional;
  if (!name) throw new UsageError(`which collection? one of: ${collectionList()}`);
  const spec = findCollection(name);
  if (!spec) throw new UsageError(`unknown collection "${name}"; collections: ${collectionList()}`);
  if (!id) {
    const example = spec.name === 'claims' ? 'azure/account-ingress' : spec.name === 'frds' ? 'Customer-Media1-Checkpointing-20261015' : 'my-entry';
    throw new UsageError(`which id? e.g. ./fieldkit new ${spec.name} ${example}`);
  }
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const root = rootFlag(args.flags.get('root'));
  if (!existsSync(join(root, CONTENT_DIR))) throw new UsageError(`no content folder at ${join(root, CONTENT_DIR)}`);
  const now = dateFlag(args.flags.get('now')) ?? today();

  const s = skeleton(spec, id, { today: now, contentDir: CONTENT_DIR });
  if (!s.ok) throw new UsageError(s.message);
  const taken = [s.path, ...s.collides].find((p) => existsSync(join(root, p)));
  if (taken) {
    process.stderr.write(`fieldkit new: ${taken} already exists; not overwriting it. Edit that file, or pick another id.\n`);
    return EXIT.problems;
  }
  const full = join(root, s.path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, s.text, { flag: 'wx' });
  process.stdout.write(`${s.path}\n`);
  const notes: string[] = [];
  if (spec.name === 'claims') {
    const cloud = s.id.split('/')[0]!;
    if (!existsSync(join(root, CONTENT_DIR, 'clouds', `${cloud}.md`))) {
      notes.push(`note: there is no cloud "${cloud}" yet (src/content/clouds/${cloud}.md); check will report the claim's cloud until there is.`);
    }
  }
  notes.push(`Replace every TODO in ${s.path}, then run ./fieldkit check (it lists each TODO left, with its line).`);
  process.stderr.write(notes.join('\n') + '\n');
  return EXIT.ok;
}
