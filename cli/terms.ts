/**
 * `terms add` / `terms check`: the confidential-terms deny-list. The list is a plaintext file outside
 * the repository, named by FIELDKIT_TERMS_FILE (or, read-only, the FIELDKIT_TERMS variable): the
 * repository holds no term in any form.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { findInSegments, hitLine, markupSegments, parseTermList, termNeedles, termWords } from '#lib/safety/leaks.ts';
import { folder, HOW_TO_PROVIDE, loadDenyList, outsideProject, TERMS_FILE_ENV } from './leaks.ts';
import { EXIT, parseArgs, rootFlag, UsageError } from './util.ts';

function readAll(source: string): string {
  if (source === '-') return readFileSync(0, 'utf8');
  if (!existsSync(source)) throw new UsageError(`no file ${source}`);
  return readFileSync(source, 'utf8');
}

export async function termsCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['root'], booleans: [] });
  const root = rootFlag(args.flags.get('root'));
  const [action, ...rest] = args.positional;
  if (action === 'add') {
    const file = process.env[TERMS_FILE_ENV]?.trim();
    if (!file) throw new UsageError(`terms add writes to the file named by ${TERMS_FILE_ENV}, which is not set: ${HOW_TO_PROVIDE}`);
    outsideProject(root, file);
    const input = rest.length ? rest.join(' ') : readFileSync(0, 'utf8');
    const terms = parseTermList(input).map((t) => t.term);
    if (terms.length === 0) throw new UsageError('give the term on standard input (one per line) or as arguments');
    const fold = folder();
    try {
      termNeedles(parseTermList(input), fold);
    } catch (e) {
      throw new UsageError(`input ${(e as Error).message}`);
    }
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const known = new Set(parseTermList(current).map((t) => termWords(t.term, fold).join(' ')));
    let added = 0;
    let text = current && !current.endsWith('\n') ? '\n' : '';
    for (const t of terms) {
      const key = termWords(t, fold).join(' ');
      if (known.has(key)) continue;
      known.add(key);
      text += `${t}\n`;
      added++;
    }
    if (added) appendFileSync(file, text, { mode: 0o600 });
    process.stderr.write(`terms: ${added} added, ${terms.length - added} already listed, in ${file}\n`);
    return EXIT.ok;
  }
  if (action === 'check') {
    if (rest.length !== 1) throw new UsageError('terms check <file | ->');
    const list = loadDenyList(process.env, root);
    if (!list?.terms.length) throw new UsageError(`no confidential terms to check against (${list ? `${list.source} holds no term` : 'none is set'}): ${HOW_TO_PROVIDE}`);
    const text = readAll(rest[0]!);
    const fold = folder();
    const hits = findInSegments(markupSegments(text, { fragment: true }), termNeedles(list.terms, fold), fold);
    const name = rest[0] === '-' ? '<stdin>' : rest[0]!;
    for (const h of hits) {
      const pos = hitLine(text, h) ?? { line: 1, column: 1 };
      process.stdout.write(`${name}:${pos.line}:${pos.column}: ${h.needle.label} (${h.where}): "${h.context}"\n`);
    }
    process.stdout.write(hits.length ? `${hits.length} confidential term(s) found\n` : 'no confidential terms found\n');
    return hits.length ? EXIT.problems : EXIT.ok;
  }
  throw new UsageError('terms add [term…] | terms check <file | ->');
}
