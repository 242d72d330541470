/** `check` and `export`: the validator over the content tree, rendered for people or scripts. */
import { checkExitCode } from '#lib/problems.ts';
import { formatReport, formatText } from '#lib/report.ts';
import { statementText } from '#lib/views.ts';
import { today, validateTree } from './io/content-fs.ts';
import { audienceFlag, dateFlag, EXIT, oneOf, parseArgs, rootFlag, UsageError } from './util.ts';

export async function checkCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'now', 'root', 'audience'], booleans: ['strict'] });
  if (args.positional.length) throw new UsageError(`unexpected argument "${args.positional[0]}"`);
  const format = oneOf('format', args.flags.get('format'), ['text', 'github', 'json'] as const, 'text');
  const now = dateFlag(args.flags.get('now')) ?? today();
  const root = rootFlag(args.flags.get('root'), { requireContent: true });
  const { problems, files } = validateTree(root, now, audienceFlag(args.flags.get('audience')));
  process.stdout.write(formatReport(format, problems, files));
  return checkExitCode(problems, args.flags.has('strict'));
}

export async function exportCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['now', 'root'], booleans: [] });
  if (args.positional.length) throw new UsageError(`unexpected argument "${args.positional[0]}"`);
  const now = dateFlag(args.flags.get('now')) ?? today();
  const root = rootFlag(args.flags.get('root'), { requireContent: true });
  const { snapshot, problems, files } = validateTree(root, now);
  if (checkExitCode(problems, false) !== 0) {
    process.stderr.write(formatText(problems, files));
    process.stderr.write('export: refused, the content has errors (see above)\n');
    return EXIT.problems;
  }
  // Each claim also carries its statement as pages show it (`{value}` filled in from the metric).
  const claims = snapshot.claims.map((c) => ({ ...c, statementText: statementText(c.data) }));
  process.stdout.write(JSON.stringify({ generated: now, ...snapshot, claims }, null, 2) + '\n');
  return EXIT.ok;
}
