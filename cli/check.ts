/** `check` and `export`: the validator over the content tree, rendered for people or scripts. */
import { confidentialTermProblems, termNeedles } from '#lib/safety/leaks.ts';
import { checkExitCode, sortProblems } from '#lib/problems/problems.ts';
import { formatReport, formatText } from '#lib/problems/report.ts';
import { readContentFiles, validateTree } from '../src/node/content-fs.ts';
import { today } from '../src/node/env.ts';
import { folder, loadDenyList, TERMS_ENV, TERMS_FILE_ENV } from './leaks.ts';
import { statementText } from '#lib/site/views.ts';
import { audienceFlag, dateFlag, EXIT, oneOf, parseArgs, rootFlag, UsageError } from './util.ts';

export async function checkCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'now', 'root', 'audience'], booleans: ['strict'] });
  if (args.positional.length) throw new UsageError(`unexpected argument "${args.positional[0]}"`);
  const format = oneOf('format', args.flags.get('format'), ['text', 'github', 'json'] as const, 'text');
  const now = dateFlag(args.flags.get('now')) ?? today();
  const root = rootFlag(args.flags.get('root'), { requireContent: true });
  const result = validateTree(root, now, audienceFlag(args.flags.get('audience')));
  const { files } = result;
  // The deny-list applies to the sources too, in any spelling (cli/leaks.ts, src/lib/safety/leaks.ts).
  const list = loadDenyList(process.env, root);
  let problems = result.problems;
  if (list?.terms.length) {
    const fold = folder();
    const sources = readContentFiles(root).filter((f) => /\.(md|ya?ml|json|txt)$/i.test(f.path));
    problems = sortProblems([...problems, ...confidentialTermProblems(sources, termNeedles(list.terms, fold), fold)]);
  } else if (format === 'text') {
    process.stderr.write(`check: confidential terms were not checked (no ${TERMS_FILE_ENV} or ${TERMS_ENV}; see README.md, "Security")\n`);
  }
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
