/**
 * The leak test's matching. Confidential terms are stored only as SHA-256 hashes of their
 * normalized form, so the repository never holds the plaintext: text is normalized the same way
 * and every run of words of a stored length is hashed and looked up. Ids and titles of entries
 * left out of an edition are matched as plain text. Pure: the hash function is passed in.
 */
import type { CollectionName } from '../schemas/index.ts';
import { pageOf } from './routes.ts';

export type Hash = (s: string) => string;

export interface TermRecord {
  /** Number of words in the normalized term. */
  words: number;
  /** Hex SHA-256 of the normalized term. */
  sha256: string;
}

/** Lower-case, Unicode-compatible, punctuation and spacing folded to single spaces. */
export function normalizeTerm(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function termRecord(term: string, hash: Hash): TermRecord {
  const n = normalizeTerm(term);
  if (!n) throw new Error('a confidential term needs at least one letter or digit');
  return { words: n.split(' ').length, sha256: hash(n) };
}

/** The terms file: one `sha256:<hex> words:<n>` per line; `#` starts a comment. */
export function parseTermsFile(text: string): TermRecord[] {
  const out: TermRecord[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const m = /^sha256:([0-9a-f]{64})\s+words:(\d+)$/.exec(line);
    if (!m) throw new Error(`confidential terms file, line ${i + 1}: expected "sha256:<64 hex> words:<n>", found "${line}"`);
    out.push({ sha256: m[1]!, words: Number(m[2]) });
  });
  return out;
}

export function formatTermRecord(r: TermRecord): string {
  return `sha256:${r.sha256} words:${r.words}`;
}

/** Decodes the HTML entities that matter for matching text. */
export function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&');
}

export interface TermHit {
  sha256: string;
  /** Index of the first word of the match in the normalized text. */
  word: number;
}

/** Hashed terms found in `text`. */
export function findHashedTerms(text: string, records: TermRecord[], hash: Hash): TermHit[] {
  if (records.length === 0) return [];
  // Markup is not text: `<b>Acme</b> Media` must still match "Acme Media".
  const words = normalizeTerm(decodeEntities(text.replace(/<[^>]*>/g, ' '))).split(' ');
  const wanted = new Set(records.map((r) => r.sha256));
  const lengths = [...new Set(records.map((r) => r.words))];
  const hits: TermHit[] = [];
  for (const n of lengths) {
    for (let i = 0; i + n <= words.length; i++) {
      const h = hash(words.slice(i, i + n).join(' '));
      if (wanted.has(h)) hits.push({ sha256: h, word: i });
    }
  }
  return hits;
}

/**
 * Plain needles (ids, titles) found in `text`, case-insensitive, whole-token: `azure/limits` does
 * not match inside `azure/limits-other`.
 */
export function findPlain(text: string, needles: string[]): string[] {
  const hay = decodeEntities(text).toLowerCase().replace(/\s+/g, ' ');
  return needles.filter((n) => {
    const needle = n.toLowerCase().replace(/\s+/g, ' ');
    const re = new RegExp(`(?<![\\p{L}\\p{N}-])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}-])`, 'u');
    return re.test(hay);
  });
}

/**
 * What must not appear in an edition beyond the hashed terms: the addresses of left-out entries
 * and their multi-word titles (a single common word would match legitimate text).
 */
export function leakNeedles(withheld: { collection: CollectionName; id: string; title: string }[]): string[] {
  const out = new Set<string>();
  for (const w of withheld) {
    // Ids are matched as the page address they would have: a bare id like `gpu-cloud` is ordinary prose.
    const page = pageOf(w.collection, w.id);
    out.add(page.includes('#') ? page.slice(page.indexOf('#') + 1) : page);
    // A cloud's title is the provider's public name (it appears in public sources); its page is what is withheld.
    if (w.collection !== 'clouds' && w.title.trim().split(/\s+/).length >= 3) out.add(w.title.trim());
  }
  return [...out];
}
