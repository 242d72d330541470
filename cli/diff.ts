/**
 * `diff --base <ref>`: the content at a git ref against the working tree, both through the same
 * validator and snapshot as the build, rendered for a pull-request comment, a terminal or a script.
 * Changes are not errors: exit 0 whenever the comparison ran.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { diffKits, rawEntries, type DiffSide } from '#lib/diff/diff.ts';
import { DIFF_FORMATS, formatDiff } from '#lib/diff/diff-format.ts';
import { validateContent, type ContentFile } from '#lib/content/validate.ts';
import { CONTENT_DIR, readContentFiles, renderMarkdown } from '../src/node/content-fs.ts';
import { today } from '../src/node/env.ts';
import { gitTopLevel, readContentFilesAt, resolveCommit } from '../src/node/git.ts';
import { dateFlag, EXIT, oneOf, parseArgs, rootFlag, UsageError } from './util.ts';

function side(files: ContentFile[], now: string): DiffSide {
  const { snapshot, problems } = validateContent(files, { contentDir: CONTENT_DIR, now, renderMarkdown });
  return { snapshot, problems, raw: rawEntries(files, CONTENT_DIR), files };
}

export async function diffCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['base', 'format', 'now', 'root'], booleans: [] });
  if (args.positional.length) throw new UsageError(`unexpected argument "${args.positional[0]}"`);
  const base = args.flags.get('base');
  if (base === undefined) throw new UsageError('--base <git ref> is required (e.g. --base origin/main or --base HEAD~1)');
  if (base === true || base === '') throw new UsageError('--base needs a git ref');
  const format = oneOf('format', args.flags.get('format'), DIFF_FORMATS, 'markdown');
  const now = dateFlag(args.flags.get('now')) ?? today();
  const root = rootFlag(args.flags.get('root'));
  if (!existsSync(root)) throw new UsageError(`no such folder: ${root}`);

  gitTopLevel(root);
  const commit = resolveCommit(root, base);
  const before = side(readContentFilesAt(root, commit), now);
  const after = existsSync(join(root, CONTENT_DIR)) ? side(readContentFiles(root), now) : side([], now);
  const diff = diffKits(before, after);
  process.stdout.write(formatDiff(format, diff, { base, commit: commit.slice(0, 12) }));
  return EXIT.ok;
}
