/**
 * Rules that need more than one entry, or more than a field's shape: references, duplicate ids,
 * the claim rules, future dates, claim links in prose, placeholders. Pure: snapshot in, findings out.
 */
import { PLACEHOLDER, type Claim, type CollectionName } from '../../schemas/index.ts';
import type { ProblemCode } from '../problems/problems.ts';
import { proseDrops, withoutControls, type Drop, type SanitizeOptions } from '../safety/sanitize.ts';
import { entriesOf, type AnyEntry, type KitSnapshot } from '../content/snapshot.ts';
import { PAST_DATES, REFERENCE_FIELDS } from '../content/schema-fields.ts';
import { plural } from '../format/text.ts';

export type FieldPath = (string | number)[];

/** A problem before it has a line number: the caller maps `path` to a position in `file`. */
export interface Finding {
  code: ProblemCode;
  severity: 'error' | 'warning';
  file: string;
  path: FieldPath;
  /** Point at the key rather than the value. */
  atKey?: boolean;
  /** Known position (e.g. inside a Markdown body). */
  pos?: { line: number; column: number };
  message: string;
  expected?: string;
  found?: string;
  hint: string;
  /** What the finding suggests instead (a misspelt key's nearest known key), as data: the hint says it in words. */
  suggestion?: string;
  /** For `missing-field`: the absent field's own path (`path` points at its parent, which exists). */
  missing?: FieldPath;
}

/** Every value at a path pattern, with its concrete path. */
export function valuesAt(data: unknown, pattern: string): { path: FieldPath; value: unknown }[] {
  let current: { path: FieldPath; value: unknown }[] = [{ path: [], value: data }];
  for (const seg of pattern.split('.')) {
    const next: typeof current = [];
    for (const { path, value } of current) {
      if (value === null || typeof value !== 'object') continue;
      if (seg === '*') {
        const items = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
        for (const [k, v] of items) next.push({ path: [...path, k], value: v });
      } else if (seg in value) {
        next.push({ path: [...path, seg], value: (value as Record<string, unknown>)[seg] });
      }
    }
    current = next;
  }
  return current.filter((c) => c.value !== undefined);
}

/**
 * `knownIds` may hold ids of files that failed validation: a reference to an entry that exists
 * but is broken is reported once, on the broken file, not again as dangling on every referrer.
 */
export function checkReferences(
  snapshot: KitSnapshot,
  knownIds?: Map<CollectionName, Set<string>>,
  invalid: [CollectionName, AnyEntry][] = [],
): Finding[] {
  const ids = new Map<CollectionName, Set<string>>();
  for (const [c, e] of entriesOf(snapshot)) {
    if (!ids.has(c)) ids.set(c, new Set());
    ids.get(c)!.add(e.id);
  }
  for (const [c, set] of knownIds ?? []) {
    if (!ids.has(c)) ids.set(c, new Set());
    for (const id of set) ids.get(c)!.add(id);
  }
  const out: Finding[] = [];
  for (const [collection, entry] of [...entriesOf(snapshot), ...invalid]) {
    for (const [pattern, target] of REFERENCE_FIELDS[collection]) {
      for (const { path, value } of valuesAt(entry.data, pattern)) {
        // A TODO from `fieldkit new` is reported once, as a placeholder.
        if (typeof value !== 'string' || ids.get(target)?.has(value) || value.includes(PLACEHOLDER)) continue;
        const known = [...(ids.get(target) ?? [])];
        const near = closest(value, known);
        out.push({
          code: 'dangling-ref',
          severity: 'error',
          file: entry.file,
          path,
          message: `"${value}" is not an entry in ${target}`,
          expected: `the id of an entry in src/content/${target}/`,
          found: value,
          hint: near
            ? `Did you mean "${near}"? Otherwise add src/content/${target}/${value}.* or fix the id.`
            : `Add src/content/${target}/${value}.* or use an existing id (${known.slice(0, 5).join(', ') || 'none yet'}).`,
        });
      }
    }
  }
  return out;
}

/** Two files that produce the same id in one collection (e.g. `a.yaml` and `a.yml`). */
export function checkDuplicateIds(snapshot: KitSnapshot): Finding[] {
  const out: Finding[] = [];
  for (const collection of Object.keys(snapshot) as CollectionName[]) {
    const seen = new Map<string, string>();
    for (const e of snapshot[collection] as AnyEntry[]) {
      const first = seen.get(e.id);
      if (first === undefined) {
        seen.set(e.id, e.file);
        continue;
      }
      out.push({
        code: 'duplicate-id',
        severity: 'error',
        file: e.file,
        path: [],
        message: `id "${e.id}" in ${collection} is already used by ${first}`,
        expected: 'one file per id',
        found: `${first} and ${e.file}`,
        hint: 'Rename or delete one of the two files; ids come from the file path.',
      });
    }
  }
  return out;
}

/** The evidence rules: what makes a claim defensible. */
export function checkClaimRules(snapshot: KitSnapshot, invalid: [CollectionName, AnyEntry][] = []): Finding[] {
  const out: Finding[] = [];
  // Claims that failed their schema are checked from raw data too, so one run reports everything.
  const raw = invalid.filter(([c]) => c === 'claims').map(([, e]) => ({ file: e.file, data: e.data as Partial<Claim> }));
  for (const { file, data: c } of [...snapshot.claims, ...raw] as { file: string; data: Partial<Claim> }[]) {
    const firm = c.status === 'sourced' || c.status === 'measured';
    if (!firm) continue;
    if (c.metric?.value === 'TBD') {
      out.push({
        code: 'claim-needs-value', severity: 'error', file, path: ['metric', 'value'],
        message: `a ${c.status} claim cannot have the value TBD`,
        expected: 'a number', found: 'TBD',
        hint: 'Put the sourced number here, or set `status: tbd` (or provisional) until you have one.',
      });
    }
    // A measured claim's own measurement (evidence.metric) is its source.
    if ((!Array.isArray(c.sources) || c.sources.length === 0) && !(c.status === 'measured' && c.evidence?.metric)) {
      out.push({
        code: 'claim-needs-source', severity: 'error', file, path: ['status'],
        message: `a ${c.status} claim must cite at least one source`,
        expected: 'sources: [<source id>, ...]', found: 'no sources',
        hint: 'Add the source under src/content/sources/ and list its id in `sources`, or set `status: provisional`.',
      });
    }
    if (c.asOf === undefined) {
      out.push({
        code: 'claim-needs-as-of', severity: 'error', file, path: ['status'],
        message: `a ${c.status} claim must say when the figure was true`,
        expected: 'asOf: YYYY-MM-DD', found: 'no asOf',
        hint: "Add `asOf:` with the source document's date or the day of the measurement.",
      });
    }
    if (c.status === 'measured' && c.repro === undefined) {
      out.push({
        code: 'claim-needs-repro', severity: 'error', file, path: ['status'],
        message: 'a measured claim must carry its reproduction steps',
        expected: 'repro: {environment, steps: [{run, note, expect}]}', found: 'no repro',
        hint: 'Add `repro` with the environment and the commands someone else can rerun.',
      });
    }
  }
  return out;
}

/**
 * A dagger slide in front of a customer needs proof numbers: warn when a cloud's dagger has fewer
 * than two gaps with a number (TBD gaps read "Not yet measured").
 */
export function checkDaggerNumbers(snapshot: KitSnapshot): Finding[] {
  const out: Finding[] = [];
  for (const cloud of snapshot.clouds) {
    if (!(cloud.data as { dagger?: unknown }).dagger) continue;
    const ranked = snapshot.claims.filter((c) => c.data.cloud === cloud.id && c.data.dagger);
    const numbers = ranked.filter((c) => c.data.metric.value !== 'TBD').length;
    if (numbers >= 2) continue;
    out.push({
      code: 'dagger-few-numbers', severity: 'warning', file: cloud.file, path: ['dagger'], atKey: true,
      message: `the ${cloud.id} dagger slide has ${plural(numbers, 'quantified gap')} of ${ranked.length}: a customer slide needs at least two numbers`,
      expected: 'at least 2 dagger claims (dagger.rank) with a number in metric.value', found: `${numbers} with a number`,
      hint: 'Source or measure a figure for a ranked claim (status sourced or measured), or rank a claim of this cloud that already has one.',
    });
  }
  return out;
}

/**
 * The newest of the past dates the content records (reviewed, asOf, retrieved, ...): a build date
 * taken from the content, not the clock, so tests of the real content give the same result any day.
 */
export function latestContentDate(snapshot: KitSnapshot): string | undefined {
  let latest: string | undefined;
  for (const [collection, entry] of entriesOf(snapshot)) {
    for (const pattern of PAST_DATES[collection]) {
      for (const { value } of valuesAt(entry.data, pattern)) {
        const date = value instanceof Date ? value.toISOString().slice(0, 10) : value;
        if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && (latest === undefined || date > latest)) latest = date;
      }
    }
  }
  return latest;
}

/**
 * `now` is YYYY-MM-DD; the clock is the caller's. `invalid` holds entries that failed their
 * schema, checked from their raw data so one run still reports everything.
 */
export function checkFutureDates(snapshot: KitSnapshot, now: string, invalid: [CollectionName, AnyEntry][] = []): Finding[] {
  const out: Finding[] = [];
  for (const [collection, entry] of [...entriesOf(snapshot), ...invalid]) {
    for (const pattern of PAST_DATES[collection]) {
      for (const { path, value } of valuesAt(entry.data, pattern)) {
        const date = value instanceof Date ? value.toISOString().slice(0, 10) : value;
        if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && date > now) {
          out.push({
            code: 'future-date', severity: 'error', file: entry.file, path,
            message: `${path.join('.')} ${date} is after today (${now})`,
            expected: `a date on or before ${now}`, found: date,
            hint: 'Check the year and month; a date that has not happened yet cannot be a review or as-of date.',
          });
        }
      }
    }
  }
  return out;
}

/** Claim links in Markdown prose: `[text](claim:azure/account-ingress)`. */
export const CLAIM_LINK = /\]\(claim:([^)\s]+)\)/g;

/** The claim ids a Markdown body links to, in reading order (first mention). */
export function claimLinkIds(body: string | undefined): Set<string> {
  return new Set([...(body ?? '').matchAll(CLAIM_LINK)].map((m) => m[1]!));
}

/** `extraBodies`: bodies of entries that failed their schema, checked all the same. */
export function checkClaimLinks(snapshot: KitSnapshot, knownClaimIds?: Set<string>, extraBodies: ProseBody[] = []): Finding[] {
  const known = new Set([...snapshot.claims.map((c) => c.id), ...(knownClaimIds ?? [])]);
  const out: Finding[] = [];
  for (const entry of [...entriesOf(snapshot).map(([, e]) => e), ...extraBodies]) {
    if (!entry.body) continue;
    const lines = entry.body.split('\n');
    lines.forEach((text, i) => {
      for (const m of text.matchAll(CLAIM_LINK)) {
        const id = m[1]!;
        if (known.has(id)) continue;
        const near = closest(id, [...known]);
        out.push({
          code: 'unknown-claim-link', severity: 'error', file: entry.file, path: [],
          pos: { line: (entry.bodyLine ?? 1) + i, column: (m.index ?? 0) + 9 },
          message: `the prose links to claim "${id}", which does not exist`,
          expected: 'the id of a claim, e.g. azure/account-ingress', found: id,
          hint: near ? `Did you mean "${near}"?` : 'Check the id under src/content/claims/.',
        });
      }
    });
  }
  return out;
}

/** Placeholders that `fieldkit new` writes (`TODO`) and an author has not replaced yet. */
export function findPlaceholders(data: unknown, path: FieldPath = []): FieldPath[] {
  if (typeof data === 'string') return data.includes(PLACEHOLDER) ? [path] : [];
  if (Array.isArray(data)) return data.flatMap((v, i) => findPlaceholders(v, [...path, i]));
  if (data && typeof data === 'object') {
    return Object.entries(data).flatMap(([k, v]) => findPlaceholders(v, [...path, k]));
  }
  return [];
}

/** The nearest candidate by edit distance, if it is close enough to be a typo. */
export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** Render a Markdown body to HTML exactly as the site does (injected: rendering needs node). */
export type RenderMarkdown = (body: string) => string;

/** A Markdown body to check, also from an entry whose frontmatter failed its schema. */
export interface ProseBody {
  file: string;
  body?: string;
  bodyLine?: number;
}

function expectedFor(drop: Drop): string {
  if (drop.kind === 'url') return 'a link to https://, http://, a site page (/…), a #fragment or claim:<id>';
  if (drop.kind === 'remote-image') return 'an image stored with the site (a relative path), or a host listed in remoteImageHosts in src/site.config.ts';
  if (drop.kind === 'attribute') return 'Markdown, or HTML without event handlers, style or other attributes the sanitizer removes';
  return 'Markdown text, links to https:// or site pages, claim links';
}

function hintFor(drop: Drop): string {
  if (drop.kind === 'url') return 'Link to an https:// page or a site page instead; the page would show the text without the link.';
  if (drop.kind === 'remote-image') return 'Copy the image into the site (public/) and link it with a relative path, or add its host to remoteImageHosts in src/site.config.ts: pages and PDFs load nothing from another site.';
  if (drop.attribute?.toLowerCase() === 'style') return 'Remove the style attribute: pages carry no inline styles (the CSP refuses them); use Markdown formatting.';
  return 'Remove it: pages must not run scripts or load anything from another site, and the sanitizer would drop it. Use Markdown (or a Markdown link to an https:// page) instead.';
}

const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:/;

/** The 0-based index of the first body line (from `from` on, else anywhere) containing a candidate. */
function findLine(lines: string[], candidates: string[], from: number): { line: number; column: number } | undefined {
  for (const start of [from, 0]) {
    for (const c of candidates) {
      if (!c) continue;
      const needle = c.toLowerCase();
      for (let i = start; i < lines.length; i++) {
        const at = lines[i]!.toLowerCase().indexOf(needle);
        if (at >= 0) return { line: i, column: at };
      }
    }
  }
  return undefined;
}

/** What to look for in the Markdown source to find where a dropped thing was written. */
function tokensFor(drop: Drop): string[] {
  const value = drop.value ?? '';
  if (drop.kind === 'element') return [`<${drop.tag}`];
  if (drop.kind === 'remote-image') return [value, `<${drop.tag}`];
  if (drop.kind === 'url') {
    // The renderer percent-encodes some characters of a Markdown destination: look for both forms.
    let decoded = value;
    try { decoded = decodeURI(value); } catch { /* keep the value as it is */ }
    return [value, decoded, withoutControls(value), value.slice(value.indexOf(':') + 1), decoded.slice(decoded.indexOf(':') + 1), `${drop.attribute}=`];
  }
  return [`${drop.attribute}=`, value, drop.attribute ?? ''];
}

/**
 * Prose is rendered as HTML and sanitized (src/lib/safety/sanitize.ts). Everything the sanitizer would
 * drop from a body is an error here, at the first line of the source (from the previous finding
 * on) that contains it, else the body's first line.
 */
export function checkProseSafety(
  snapshot: KitSnapshot,
  render: RenderMarkdown,
  opts: SanitizeOptions,
  extraBodies: ProseBody[] = [],
): Finding[] {
  const out: Finding[] = [];
  for (const entry of [...entriesOf(snapshot).map(([, e]) => e), ...extraBodies]) {
    if (!entry.body?.trim()) continue;
    const lines = entry.body.split('\n');
    const first = entry.bodyLine ?? 1;
    let cursor = 0;
    for (const drop of proseDrops(render(entry.body), opts)) {
      const at = findLine(lines, tokensFor(drop), cursor);
      // A link reference definition (`[r]: url`) may sit below the text that uses it: no skipping ahead.
      if (at && !REFERENCE_DEFINITION.test(lines[at.line]!)) cursor = at.line;
      out.push({
        code: 'unsafe-markup', severity: 'error', file: entry.file, path: [],
        pos: at ? { line: first + at.line, column: at.column + 1 } : { line: first, column: 1 },
        message: `the prose contains ${drop.what}`,
        expected: expectedFor(drop),
        found: drop.value === undefined ? `<${drop.tag}>` : `${drop.attribute}="${drop.value}"`,
        hint: hintFor(drop),
      });
    }
  }
  return out;
}
