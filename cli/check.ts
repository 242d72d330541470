/** `check` and `export`: the validator over the content tree, rendered for people or scripts. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkExitCode } from '#lib/problems.ts';
import { formatReport, formatText } from '#lib/report.ts';
import { CONTENT_DIR, today, validateTree } from './io/content-fs.ts';
import { audienceFlag, dateFlag, EXIT, oneOf, parseArgs, PROJECT_ROOT, UsageError } from './util.ts';

function rootFlag(value: string | true | undefined): string {
  const root = resolve(String(value ?? PROJECT_ROOT));
  if (!existsSync(join(root, CONTENT_DIR))) throw new UsageError(`no content folder at ${join(root, CONTENT_DIR)}`);
  return root;
}

export async function checkCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'now', 'root', 'audience'], booleans: ['strict'] });
  if (args.positional.length) throw new UsageError(`unexpected argument "${args.positional[0]}"`);
  const format = oneOf('format', args.flags.get('format'), ['text', 'github', 'json'] as const, 'text');
  const now = dateFlag(args.flags.get('now')) ?? today();
  const root = rootFlag(args.flags.get('root'));
  const { problems, files } = validateTree(root, now, audienceFlag(args.flags.get('audience')));
  process.stdout.write(formatReport(format, problems, files));
  return checkExitCode(problems, args.flags.has('strict'));
}

export async function exportCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['now', 'root'], booleans: [] });
  if (args.positional.length) throw new UsageError(`unexpected argument "${args.positional[0]}"`);
  const now = dateFlag(args.flags.get('now')) ?? today();
  const root = rootFlag(args.flags.get('root'));
  const { snapshot, problems, files } = validateTree(root, now);
  if (checkExitCode(problems, false) !== 0) {
    process.stderr.write(formatText(problems, files));
    process.stderr.write('export: refused, the content has errors (see above)\n');
    return EXIT.problems;
  }
  process.stdout.write(JSON.stringify({ generated: now, ...snapshot }, null, 2) + '\n');
  return EXIT.ok;
}
