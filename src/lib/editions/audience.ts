/**
 * One source, several editions. An entry is shown in an edition when its audience is no stricter
 * than the edition's (public < partner < internal). Some fields are internal even when their
 * entry is not. Everything that points at a left-out entry is reported, so nothing disappears
 * silently. Pure: snapshot in, filtered snapshot and findings out.
 */
import { AUDIENCES, type Audience, type Claim, type CollectionName } from '../../schemas/index.ts';
import { statementText } from '../site/views.ts';
import type { Finding } from '../checks/integrity.ts';
import { CLAIM_LINK, valuesAt, type FieldPath } from '../checks/integrity.ts';
import { INTERNAL_FIELDS, REFERENCE_FIELDS } from '../content/schema-fields.ts';
import { findInSegments, hitLine, makeFolder, textSegments, withheldNeedles, type Needle } from '../safety/leaks.ts';

/**
 * Sources are folded for case, width and entities like the build's scan, but without the confusables
 * table (data the CLI loads): a disguised address in a source still fails the build's leak test.
 */
const FOLD = makeFolder({});
import { pageOf, sectionByHref, SECTIONS, type Section } from '../site/routes.ts';
import { entriesOf, type AnyEntry, type KitSnapshot } from '../content/snapshot.ts';

export { AUDIENCES };
/** The editions as commands list them: the default (internal) first, then the wider ones. */
export const EDITIONS: readonly Audience[] = [...AUDIENCES].reverse();

export function isAudience(v: string): v is Audience {
  return (AUDIENCES as readonly string[]).includes(v);
}

/** 0 for public, 1 for partner, 2 for internal: a higher rank sees more. */
export const rankOf = (a: Audience): number => AUDIENCES.indexOf(a);

/** Whether an entry meant for `entry` may appear in an edition for `edition`. */
export function visibleIn(entry: Audience | undefined, edition: Audience): boolean {
  return rankOf(entry ?? 'internal') <= rankOf(edition);
}

/**
 * The sections an edition draws: those that keep at least one entry. `visible` is the edition's
 * snapshot (from applyAudience), so a section whose pages are all left out disappears.
 */
export function sectionsIn(visible: KitSnapshot): Section[] {
  return SECTIONS.filter((s) => visible[s.collection].length > 0);
}

/** Whether the edition of `visible` draws the section whose index is `href` (e.g. '/reviews/'). */
export function hasSection(visible: KitSnapshot, href: string): boolean {
  return visible[sectionByHref(href).collection].length > 0;
}

export interface Withheld {
  collection: CollectionName;
  id: string;
  file: string;
  /** Human title (name, title or statement) of the left-out entry. */
  title: string;
}

export function entryTitle(collection: CollectionName, e: AnyEntry): string {
  const d = e.data as Record<string, unknown>;
  // A claim's statement as pages show it (`{value}` filled in), so the leak test matches the page.
  if (collection === 'claims' && typeof d.statement === 'string' && d.metric) return statementText(d as unknown as Claim);
  return String(d.title ?? d.name ?? d.statement ?? e.id);
}

function audienceOf(collection: CollectionName, e: AnyEntry): Audience {
  // People carry no audience: names of owners are shown wherever their entries are.
  return collection === 'people' ? 'public' : ((e.data as { audience?: Audience }).audience ?? 'internal');
}

/** The snapshot for one edition: left-out entries removed, internal-only fields cleared. */
export function applyAudience(snapshot: KitSnapshot, edition: Audience): { snapshot: KitSnapshot; withheld: Withheld[] } {
  const out = {} as KitSnapshot;
  const withheld: Withheld[] = [];
  for (const c of Object.keys(snapshot) as CollectionName[]) {
    const kept: AnyEntry[] = [];
    for (const e of snapshot[c] as AnyEntry[]) {
      if (!visibleIn(audienceOf(c, e), edition)) {
        withheld.push({ collection: c, id: e.id, file: e.file, title: entryTitle(c, e) });
        continue;
      }
      kept.push(edition === 'internal' ? e : { ...e, data: withoutInternalFields(c, e.data) });
    }
    (out as unknown as Record<string, AnyEntry[]>)[c] = kept;
  }
  return { snapshot: out, withheld };
}

/** The entry's data with every internal-only field (`.meta(INTERNAL)` in its schema) cleared: a list emptied, anything else removed. */
function withoutInternalFields(collection: CollectionName, data: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(data);
  for (const pattern of INTERNAL_FIELDS[collection]) {
    for (const { path, value } of valuesAt(copy, pattern)) {
      const parent = path.slice(0, -1).reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], copy) as Record<string | number, unknown>;
      parent[path.at(-1)!] = Array.isArray(value) ? [] : undefined;
    }
  }
  return copy;
}

/** Every string in an entry's data, with its path (internal-only fields are already cleared). */
function stringsIn(value: unknown, path: FieldPath = []): { path: FieldPath; value: string }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (value === null || typeof value !== 'object') return [];
  const items = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return items.flatMap(([k, v]) => stringsIn(v, [...path, k]));
}

/**
 * What the build's leak test would catch on this visible entry's page: the address or title of a
 * left-out entry in its data or prose (a Markdown link to the page, its title retyped). The same
 * needles and matching as the leak test (leaks.ts), so `check --audience` and the build agree.
 */
function leakFindings(collection: CollectionName, entry: AnyEntry, needles: readonly Needle[], withheld: Withheld[], edition: Audience): Finding[] {
  const owner = (label: string) => withheld.find((w) => pageOf(w.collection, w.id).endsWith(label) || w.title.trim() === label);
  const finding = (needle: string, where: Pick<Finding, 'path' | 'pos'>): Finding => {
    const w = owner(needle);
    return {
      code: 'audience-leak', severity: 'error', file: entry.file, ...where,
      message: `${pageOf(collection, entry.id)} would show "${needle}", ${w ? `the ${w.title === needle ? 'title' : 'address'} of the ${w.collection} entry "${w.id}", ` : ''}left out of the ${edition} edition: the build's leak test fails on it`,
      expected: `no address or title of an entry stricter than ${edition}`, found: needle,
      hint: w
        ? `Refer to it with a reference field or a claim link (the page then says it was withheld), drop the mention, or set \`audience: ${edition}\` in ${w.file}.`
        : 'Drop the mention, or make the entry it names visible to this edition.',
    };
  };
  const hits = (text: string) => findInSegments(textSegments(text, 'text', 'prose'), needles, FOLD);
  const bare = (label: string) => label.replace(/^"|"$/g, ''); // withheld needles are labelled in quotes
  const out: Finding[] = [];
  for (const { path, value } of stringsIn(entry.data)) {
    for (const label of new Set(hits(value).map((h) => bare(h.needle.label)))) out.push(finding(label, { path }));
  }
  const body = entry.body ?? '';
  const seen = new Set<string>();
  for (const hit of hits(body)) {
    if (seen.has(hit.needle.label)) continue;
    seen.add(hit.needle.label);
    const at = hitLine(body, hit);
    out.push(finding(bare(hit.needle.label), { path: [], pos: { line: (entry.bodyLine ?? 1) + (at ? at.line - 1 : 0), column: 1 } }));
  }
  return out;
}

/**
 * What an edition loses: a warning for each visible page that loses something to a left-out
 * entry; an error where a page would lose its point (a dagger page with no visible gap) and where
 * it would show a left-out entry's address or title (what the build's leak test fails on).
 */
export function audienceFindings(snapshot: KitSnapshot, edition: Audience): Finding[] {
  if (edition === 'internal') return [];
  const { snapshot: visible, withheld } = applyAudience(snapshot, edition);
  const gone = new Map(withheld.map((w) => [`${w.collection}:${w.id}`, w]));
  const needles = withheldNeedles(withheld, FOLD);
  const out: Finding[] = [];
  for (const [collection, entry] of entriesOf(visible)) {
    for (const [pattern, target] of REFERENCE_FIELDS[collection]) {
      for (const { path, value } of valuesAt(entry.data, pattern)) {
        const w = gone.get(`${target}:${String(value)}`);
        if (!w) continue;
        out.push({
          code: 'withheld', severity: 'warning', file: entry.file, path,
          message: `${pageOf(collection, entry.id)} loses ${target} "${w.id}" (${w.title}) in the ${edition} edition`,
          expected: `an entry visible to ${edition}`, found: `${w.id} (audience stricter than ${edition})`,
          hint: `Fine if intended: the page says it was withheld. To show it, set \`audience: ${edition}\` in ${w.file}.`,
        });
      }
    }
    (entry.body ?? '').split('\n').forEach((text, i) => {
      for (const m of text.matchAll(CLAIM_LINK)) {
        const w = gone.get(`claims:${m[1]!}`);
        if (!w) continue;
        out.push({
          code: 'withheld', severity: 'warning', file: entry.file, path: [],
          pos: { line: (entry.bodyLine ?? 1) + i, column: (m.index ?? 0) + 9 },
          message: `${pageOf(collection, entry.id)} prose cites claim "${w.id}", shown as "withheld in this edition" in the ${edition} edition`,
          expected: `a claim visible to ${edition}`, found: w.id,
          hint: `Fine if intended. To show it, set \`audience: ${edition}\` in ${w.file}.`,
        });
      }
    });
    out.push(...leakFindings(collection, entry, needles, withheld, edition));
  }
  for (const cloud of visible.clouds) {
    if (!cloud.data.dagger) continue;
    const ranked = snapshot.claims.filter((c) => c.data.cloud === cloud.id && c.data.dagger);
    const shown = visible.claims.filter((c) => c.data.cloud === cloud.id && c.data.dagger);
    if (ranked.length > 0 && shown.length === 0) {
      out.push({
        code: 'audience-gap', severity: 'error', file: cloud.file, path: ['dagger'],
        message: `the ${edition} edition of /clouds/${cloud.id}/dagger/ would show no gap: all ${ranked.length} ranked claims are withheld`,
        expected: `at least one dagger claim visible to ${edition}`, found: `0 of ${ranked.length}`,
        hint: `Make a ranked claim visible (\`audience: ${edition}\`) or set this cloud's \`audience\` to internal.`,
      });
    }
  }
  return out;
}
