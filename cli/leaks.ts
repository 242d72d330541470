/**
 * The leak scan over a built site: HTML, XML, JSON, text, the Pagefind index (decompressed) and
 * PDFs (text extracted with pdftotext). Runs after every build; there is no switch to skip it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { applyAudience } from '#lib/audience.ts';
import { findHashedTerms, findPlain, leakNeedles, parseTermsFile, type TermRecord } from '#lib/leaks.ts';
import type { KitSnapshot } from '#lib/snapshot.ts';
import type { Audience } from '#schemas/common.ts';
import { InternalError } from './util.ts';

export const TERMS_FILE = 'confidential-terms.txt';
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function readTerms(root: string): TermRecord[] {
  const path = join(root, TERMS_FILE);
  if (!existsSync(path)) return [];
  try {
    return parseTermsFile(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InternalError(`${TERMS_FILE}: ${(e as Error).message}`);
  }
}

/** The text of one built file as a reader (or a crawler) would get it. */
export function extractText(file: string): string | undefined {
  if (/\.(html|xml|json|txt|js|mjs|css|svg)$/.test(file)) return readFileSync(file, 'utf8');
  if (/\.pf_(fragment|index|meta|filter)$|\.pagefind$/.test(file)) {
    const raw = readFileSync(file);
    try {
      return gunzipSync(raw).toString('utf8');
    } catch {
      return raw.toString('utf8');
    }
  }
  if (file.endsWith('.pdf')) {
    const r = spawnSync('pdftotext', ['-q', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.error || r.status !== 0) {
      throw new InternalError(`cannot scan ${file} for leaks: pdftotext failed (install Debian's poppler-utils)`);
    }
    return r.stdout;
  }
  return undefined;
}

/**
 * What the leak test looks for in an edition: the confidential terms (always) and the addresses
 * and titles of the entries this edition leaves out. The build and `pdf` both scan with this.
 */
export function leakRules(root: string, snapshot: KitSnapshot, audience: Audience): { terms: TermRecord[]; needles: string[] } {
  return { terms: readTerms(root), needles: leakNeedles(applyAudience(snapshot, audience).withheld) };
}

export interface Leak {
  file: string;
  what: string;
}

export function scanForLeaks(dir: string, terms: TermRecord[], needles: string[], only: (rel: string) => boolean = () => true): { leaks: Leak[]; files: number } {
  const leaks: Leak[] = [];
  let files = 0;
  for (const rel of readdirSync(dir, { recursive: true }).map(String).sort()) {
    if (!only(rel)) continue;
    const full = join(dir, rel);
    const text = extractText(full);
    if (text === undefined) continue;
    files++;
    for (const hit of findHashedTerms(text, terms, sha256)) {
      leaks.push({ file: rel, what: `confidential term sha256:${hit.sha256.slice(0, 12)}… (see ${TERMS_FILE})` });
    }
    for (const n of findPlain(text, needles)) leaks.push({ file: rel, what: `"${n}" (an entry left out of this edition)` });
  }
  return { leaks, files };
}
