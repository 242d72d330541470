/** `terms add` / `terms check`: keep the confidential-terms list without ever storing a term. */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findHashedTerms, formatTermRecord, termRecord } from '#lib/leaks.ts';
import { readTerms, sha256, TERMS_FILE } from './leaks.ts';
import { EXIT, parseArgs, rootFlag, UsageError } from './util.ts';

const HEADER = `# Confidential terms that must never appear in any build (e.g. the real name behind an
# anonymized anecdote). Stored as SHA-256 of the normalized term: never write the plaintext here.
# Add with: ./fieldkit terms add  (reads the term from standard input, so it stays out of shell history)
`;

function readAll(source: string): string {
  return source === '-' ? readFileSync(0, 'utf8') : readFileSync(source, 'utf8');
}

export async function termsCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['root'], booleans: [] });
  const root = rootFlag(args.flags.get('root'));
  const [action, ...rest] = args.positional;
  const path = join(root, TERMS_FILE);
  if (action === 'add') {
    const input = rest.length ? rest.join(' ') : readFileSync(0, 'utf8');
    const terms = input.split('\n').map((t) => t.trim()).filter(Boolean);
    if (terms.length === 0) throw new UsageError('give the term on standard input (one per line) or as arguments');
    const known = new Set(readTerms(root).map((r) => r.sha256));
    if (!existsSync(path)) writeFileSync(path, HEADER);
    let added = 0;
    for (const t of terms) {
      const r = termRecord(t, sha256);
      if (known.has(r.sha256)) continue;
      appendFileSync(path, `${formatTermRecord(r)}\n`);
      known.add(r.sha256);
      added++;
    }
    process.stderr.write(`terms: ${added} added, ${terms.length - added} already listed, in ${TERMS_FILE}\n`);
    return EXIT.ok;
  }
  if (action === 'check') {
    if (rest.length !== 1) throw new UsageError('terms check <file | ->');
    const text = readAll(rest[0]!);
    const hits = findHashedTerms(text, readTerms(root), sha256);
    for (const h of hits) process.stdout.write(`confidential term sha256:${h.sha256.slice(0, 12)}… at word ${h.word + 1}\n`);
    process.stdout.write(hits.length ? `${hits.length} confidential term(s) found\n` : 'no confidential terms found\n');
    return hits.length ? EXIT.problems : EXIT.ok;
  }
  throw new UsageError('terms add [term…] | terms check <file | ->');
}
