/**
 * What a pull request changes in the kit: two validated states (a git ref and the working tree)
 * in, a structured diff out. Claims are compared field by field (value with % change, status
 * upgrades and downgrades, sources, as-of date, freshness, audience) with the plays, clouds,
 * dagger pages and kits each one touches; every other collection by changed field paths; problems
 * by file, code, field and message. Pure: no node:*, no clock, no printing.
 */
import { AUDIENCES, COLLECTIONS, type Audience, type CollectionName } from '../../schemas/index.ts';
import { freshnessOf } from '../checks/freshness.ts';
import { entryId } from '../content/ids.ts';
import { claimLinkIds, valuesAt } from '../checks/integrity.ts';
import { REFERENCE_FIELDS } from '../content/schema-fields.ts';
import { parseContentFile } from '../content/parse.ts';
import type { Problem } from '../problems/problems.ts';
import { oldValueMentions, type OldValueMention } from '../checks/retyped.ts';
import type { AnyEntry, KitSnapshot } from '../content/snapshot.ts';
import { collectionOf, type ContentFile } from '../content/validate.ts';
import { measurementChanges, type MeasurementChange } from '../measure/diff.ts';

/** An entry as parsed from its file, before (or despite) its schema. */
export interface RawEntry {
  collection: CollectionName;
  id: string;
  file: string;
  /** Parsed YAML (frontmatter for Markdown); undefined when the file could not be parsed. */
  data: unknown;
  body?: string;
}

/** One side of the comparison: what `validateContent` returned, plus every file's raw parse. */
export interface DiffSide {
  snapshot: KitSnapshot;
  problems: Problem[];
  /**
   * Every content file as parsed (see {@link rawEntries}). Entries that fail their schema are not
   * in the snapshot; with `raw` they are still compared, from their raw data.
   */
  raw?: RawEntry[];
  /**
   * The content files' texts. With them (on the working-tree side), a claim whose value changed
   * lists the prose that still mentions its old value, with file and line.
   */
  files?: ContentFile[];
}

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface FieldChange {
  /** Dotted path, e.g. `metric.value`, `objections.1.proof`. */
  path: string;
  kind: ChangeKind;
  before?: unknown;
  after?: unknown;
}

/** Why an entry was compared from raw data: it failed validation (or parsing) on that side. */
export type Validity = 'invalid' | 'unparseable';

export interface BodyChange {
  linesAdded: number;
  linesRemoved: number;
  claimLinksAdded: string[];
  claimLinksRemoved: string[];
}

export interface EntryChange {
  collection: CollectionName;
  id: string;
  kind: ChangeKind;
  /** The file in the working tree, or in the base for a removed entry. */
  file: string;
  /** Set when the file name changed but the id did not (e.g. `.yml` -> `.yaml`). */
  baseFile?: string;
  /** A human label: title, name or metric name. */
  label?: string;
  /** Changed entries: every field that differs. */
  fields: FieldChange[];
  body?: BodyChange;
  /** Set when a side failed validation: the entry was compared from its raw YAML on that side. */
  invalid?: { base?: Validity; head?: Validity };
  /** Entries (`collection/id`) that reference this one, in either state. */
  usedBy: string[];
}

export type ClaimStatus = 'tbd' | 'provisional' | 'sourced' | 'measured';
/** Evidence strength, weakest first. */
export const STATUS_ORDER: readonly ClaimStatus[] = ['tbd', 'provisional', 'sourced', 'measured'];

export interface ValueChange {
  before: unknown;
  after: unknown;
  unitBefore?: string;
  unitAfter?: string;
  /** (after - before) / |before| x 100, one decimal; only when both are numbers and before is not 0. */
  changePct?: number;
  /**
   * Which way the competitor's figure moved for the customer, by `metric.better`: `improved`
   * narrows our gap, `worsened` widens it.
   */
  competitor?: 'improved' | 'worsened';
  /** `metric.better` in the working tree: which direction is better for the customer. */
  better?: 'higher' | 'lower';
}

export interface Impact {
  /** Plays that use the claim, with how: `proof point`, `objection`, `talk track link`. */
  plays: { id: string; via: string[] }[];
  /** Clouds whose one-pager links the claim or whose dagger page ranks it (`dagger #1`). */
  clouds: { id: string; via: string[] }[];
  /** Clouds whose dagger page (`/clouds/<id>/dagger/`) shows the claim. */
  dagger: string[];
  /** Clouds whose printable kit (`/kits/<id>/`) includes a touched page. */
  kits: string[];
  /** Other entries (`collection/id`) whose prose links the claim, e.g. FRDs. */
  other: string[];
}

export interface ClaimChange extends EntryChange {
  collection: 'claims';
  /** Current value (or last value for a removed claim), for the summary. */
  value: unknown;
  unit?: string;
  status?: string;
  /** Set when the value or the unit changed. */
  valueChange?: ValueChange;
  statusChange?: { before: unknown; after: unknown; move: 'upgrade' | 'downgrade' | 'other' };
  sourcesChange?: { added: string[]; removed: string[] };
  asOfChange?: { before?: string; after?: string };
  reviewedChange?: { before?: string; after?: string };
  /** Set when `reviewed` or `asOf` moved later than both were: the review clock starts again. */
  freshnessReset?: { sinceBefore: string; sinceAfter: string; dueBefore: string; dueAfter: string };
  audienceChange?: { before: unknown; after: unknown; wider: boolean };
  daggerChange?: { before?: number; after?: number };
  /**
   * Set when the value changed: places that still mention the old value in its unit (the claim's
   * statement, prose and text fields of entries that link or cite the claim, triage text).
   */
  oldValueMentions?: OldValueMention[];
  impact: Impact;
}

export interface CollectionCounts {
  added: number;
  removed: number;
  changed: number;
}

export interface KitDiff {
  summary: {
    collections: Record<CollectionName, CollectionCounts>;
    valuesChanged: number;
    statusUpgrades: number;
    statusDowngrades: number;
    problemsIntroduced: number;
    problemsFixed: number;
    /** Errors among the introduced problems. */
    errorsIntroduced: number;
  };
  /** Changed first, then added, then removed; by id within each. */
  claims: ClaimChange[];
  /** Measured figures whose measurement changed (src/lib/measure/diff.ts), by claim then side. */
  measurements: MeasurementChange[];
  /** Every other collection, in COLLECTIONS order, same ordering within. */
  entries: EntryChange[];
  problems: { introduced: Problem[]; fixed: Problem[] };
  /** Files that failed validation and were compared from raw data. */
  invalid: { base: string[]; head: string[] };
}

// ---------------------------------------------------------------------------------------------
// Raw entries
// ---------------------------------------------------------------------------------------------

/** Every content file parsed into its raw data (no schema), for entries that fail validation. */
export function rawEntries(files: ContentFile[], contentDir = 'src/content'): RawEntry[] {
  const out: RawEntry[] = [];
  for (const f of files) {
    const hit = collectionOf(f.path, contentDir);
    if (!hit) continue;
    const parsed = parseContentFile(f.text, hit.spec.kind);
    out.push({
      collection: hit.spec.name,
      id: entryId(hit.rel),
      file: f.path,
      data: parsed.missingFrontmatter || parsed.syntax.length ? undefined : normalize(parsed.data),
      body: parsed.body,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Generic comparison
// ---------------------------------------------------------------------------------------------

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isScalar = (v: unknown) => v === null || typeof v !== 'object';

/** Dates to YYYY-MM-DD, so a raw YAML date and a validated one compare equal. */
function normalize(v: unknown): unknown {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString().slice(0, 10);
  if (Array.isArray(v)) return v.map(normalize);
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalize(x)]));
  return v;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/**
 * Every changed leaf. Lists of plain values (ids, questions) are one change with both lists;
 * lists of objects are compared item by item.
 */
export function diffFields(before: unknown, after: unknown, path: string[] = []): FieldChange[] {
  if (deepEqual(before, after)) return [];
  const p = path.join('.');
  if (before === undefined) return [{ path: p, kind: 'added', after }];
  if (after === undefined) return [{ path: p, kind: 'removed', before }];
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => diffFields(before[k], after[k], [...path, k]));
  }
  if (Array.isArray(before) && Array.isArray(after) && !(before.every(isScalar) && after.every(isScalar))) {
    const n = Math.max(before.length, after.length);
    return Array.from({ length: n }, (_, i) => diffFields(before[i], after[i], [...path, String(i)])).flat();
  }
  return [{ path: p, kind: 'changed', before, after }];
}


function diffBody(before: string | undefined, after: string | undefined): BodyChange | undefined {
  if ((before ?? '') === (after ?? '')) return undefined;
  const count = (text: string | undefined) => {
    const m = new Map<string, number>();
    for (const l of (text ?? '').split('\n')) if (l.trim()) m.set(l, (m.get(l) ?? 0) + 1);
    return m;
  };
  const a = count(before);
  const b = count(after);
  let linesAdded = 0;
  let linesRemoved = 0;
  for (const [l, n] of b) linesAdded += Math.max(0, n - (a.get(l) ?? 0));
  for (const [l, n] of a) linesRemoved += Math.max(0, n - (b.get(l) ?? 0));
  const la = claimLinkIds(before);
  const lb = claimLinkIds(after);
  return {
    linesAdded,
    linesRemoved,
    claimLinksAdded: [...lb].filter((x) => !la.has(x)).sort(),
    claimLinksRemoved: [...la].filter((x) => !lb.has(x)).sort(),
  };
}

// ---------------------------------------------------------------------------------------------
// Sides
// ---------------------------------------------------------------------------------------------

interface SideEntry {
  collection: CollectionName;
  id: string;
  file: string;
  /** Validated data, or raw data for an invalid entry (undefined when unparseable). */
  data: unknown;
  /** Raw data as written, when known. */
  raw: unknown;
  body?: string;
  validity?: Validity;
}

const keyOf = (collection: string, id: string) => `${collection}:${id}`;

function sideEntries(side: DiffSide): Map<string, SideEntry> {
  const map = new Map<string, SideEntry>();
  for (const spec of COLLECTIONS) {
    for (const e of (side.snapshot[spec.name] ?? []) as AnyEntry[]) {
      const k = keyOf(spec.name, e.id);
      if (!map.has(k)) map.set(k, { collection: spec.name, id: e.id, file: e.file, data: normalize(e.data), raw: undefined, body: e.body });
    }
  }
  for (const r of side.raw ?? []) {
    const k = keyOf(r.collection, r.id);
    const known = map.get(k);
    if (known) {
      if (known.file === r.file) known.raw = r.data;
      continue;
    }
    map.set(k, {
      collection: r.collection, id: r.id, file: r.file, data: r.data, raw: r.data, body: r.body,
      validity: r.data === undefined ? 'unparseable' : 'invalid',
    });
  }
  return map;
}

// ---------------------------------------------------------------------------------------------
// Claims
// ---------------------------------------------------------------------------------------------

function at(data: unknown, path: string): unknown {
  let v: unknown = data;
  for (const seg of path.split('.')) v = isRecord(v) ? v[seg] : undefined;
  return v;
}
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const strList = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function percentChange(before: unknown, after: unknown): number | undefined {
  if (typeof before !== 'number' || typeof after !== 'number' || before === 0) return undefined;
  return Math.round(((after - before) / Math.abs(before)) * 1000) / 10;
}

export function statusMove(before: unknown, after: unknown): 'upgrade' | 'downgrade' | 'other' {
  const a = STATUS_ORDER.indexOf(before as ClaimStatus);
  const b = STATUS_ORDER.indexOf(after as ClaimStatus);
  if (a < 0 || b < 0 || a === b) return 'other';
  return b > a ? 'upgrade' : 'downgrade';
}

/** How a claim is used in one state of the kit. */
export function claimImpact(snapshot: KitSnapshot, claimId: string): Impact {
  return impactIndex(snapshot).get(claimId) ?? emptyImpact();
}

const impactCache = new WeakMap<KitSnapshot, Map<string, Impact>>();

/** Every claim's impact in one pass over the kit (a diff of thousands of claims stays linear). */
function impactIndex(snapshot: KitSnapshot): Map<string, Impact> {
  const cached = impactCache.get(snapshot);
  if (cached) return cached;
  const index = new Map<string, Impact>();
  const of = (id: string) => {
    let i = index.get(id);
    if (!i) index.set(id, (i = emptyImpact()));
    return i;
  };
  /** Claim ids linked from an entry's prose, in its body or any text field. */
  const linksOf = (e: AnyEntry) => new Set([...claimLinkIds(e.body), ...claimLinkIds(JSON.stringify(e.data))]);
  const use = (list: { id: string; via: string[] }[], id: string, via: string) => {
    const row = list.find((x) => x.id === id);
    if (!row) list.push({ id, via: [via] });
    else if (!row.via.includes(via)) row.via.push(via);
  };

  for (const p of snapshot.plays) {
    for (const c of p.data.proofPoints) use(of(c).plays, p.id, 'proof point');
    for (const o of p.data.objections) if (o.proof) use(of(o.proof).plays, p.id, 'objection');
    for (const c of linksOf(p as unknown as AnyEntry)) use(of(c).plays, p.id, 'talk track link');
  }
  const clouds = new Map(snapshot.clouds.map((c) => [c.id, c]));
  for (const c of snapshot.clouds) for (const id of linksOf(c as unknown as AnyEntry)) use(of(id).clouds, c.id, 'one-pager link');
  for (const claim of snapshot.claims) {
    const cloud = clouds.get(claim.data.cloud);
    if (!claim.data.dagger || !cloud) continue;
    const i = of(claim.id);
    use(i.clouds, cloud.id, `dagger #${claim.data.dagger.rank}`);
    if (cloud.data.dagger) i.dagger.push(cloud.id);
  }
  for (const spec of COLLECTIONS) {
    if (spec.name === 'plays' || spec.name === 'clouds') continue;
    for (const e of (snapshot[spec.name] ?? []) as AnyEntry[]) {
      for (const id of linksOf(e)) if (!(spec.name === 'claims' && e.id === id)) of(id).other.push(`${spec.name}/${e.id}`);
    }
  }
  const playClouds = new Map(snapshot.plays.map((p) => [p.id, p.data.clouds]));
  for (const i of index.values()) {
    i.plays.sort((a, b) => a.id.localeCompare(b.id));
    i.clouds.sort((a, b) => a.id.localeCompare(b.id));
    const kits = new Set(i.clouds.map((c) => c.id));
    for (const p of i.plays) for (const c of playClouds.get(p.id) ?? []) kits.add(c);
    i.kits = [...kits].filter((k) => clouds.has(k)).sort();
  }
  impactCache.set(snapshot, index);
  return index;
}

function mergeUses(a: { id: string; via: string[] }[], b: { id: string; via: string[] }[]) {
  const m = new Map<string, Set<string>>();
  for (const x of [...a, ...b]) {
    if (!m.has(x.id)) m.set(x.id, new Set());
    for (const v of x.via) m.get(x.id)!.add(v);
  }
  return [...m].sort(([x], [y]) => x.localeCompare(y)).map(([id, via]) => ({ id, via: [...via] }));
}
const union = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();

function mergeImpact(a: Impact, b: Impact): Impact {
  return {
    plays: mergeUses(a.plays, b.plays),
    clouds: mergeUses(a.clouds, b.clouds),
    dagger: union(a.dagger, b.dagger),
    kits: union(a.kits, b.kits),
    other: union(a.other, b.other),
  };
}

function claimDetails(change: EntryChange, before: unknown, after: unknown, impact: Impact): ClaimChange {
  const current = after ?? before;
  const out: ClaimChange = {
    ...change,
    collection: 'claims',
    value: at(current, 'metric.value'),
    unit: str(at(current, 'metric.unit')),
    status: str(at(current, 'status')),
    impact,
  };
  if (change.kind !== 'changed') return out;

  const vb = at(before, 'metric.value');
  const va = at(after, 'metric.value');
  const ub = str(at(before, 'metric.unit'));
  const ua = str(at(after, 'metric.unit'));
  if (!deepEqual(vb, va) || ub !== ua) {
    const vc: ValueChange = { before: vb, after: va, unitBefore: ub, unitAfter: ua };
    const pct = ub === ua ? percentChange(vb, va) : undefined;
    if (pct !== undefined) vc.changePct = pct;
    const better = at(after, 'metric.better');
    if (better === 'higher' || better === 'lower') vc.better = better;
    if (ub === ua && typeof vb === 'number' && typeof va === 'number' && vb !== va && (better === 'higher' || better === 'lower')) {
      vc.competitor = (va > vb) === (better === 'higher') ? 'improved' : 'worsened';
    }
    out.valueChange = vc;
  }
  const sb = at(before, 'status');
  const sa = at(after, 'status');
  if (!deepEqual(sb, sa)) out.statusChange = { before: sb, after: sa, move: statusMove(sb, sa) };

  const srcB = strList(at(before, 'sources'));
  const srcA = strList(at(after, 'sources'));
  const added = srcA.filter((s) => !srcB.includes(s));
  const removed = srcB.filter((s) => !srcA.includes(s));
  if (added.length || removed.length) out.sourcesChange = { added, removed };

  const asOfB = str(at(before, 'asOf'));
  const asOfA = str(at(after, 'asOf'));
  if (asOfB !== asOfA) out.asOfChange = { before: asOfB, after: asOfA };
  const revB = str(at(before, 'reviewed'));
  const revA = str(at(after, 'reviewed'));
  if (revB !== revA) out.reviewedChange = { before: revB, after: revA };
  if (revB && revA) {
    const every = (d: unknown) => (typeof at(d, 'reviewEvery') === 'number' ? (at(d, 'reviewEvery') as number) : 180);
    const fb = freshnessOf({ reviewed: revB, reviewEvery: every(before), asOf: asOfB }, '0000-00-00');
    const fa = freshnessOf({ reviewed: revA, reviewEvery: every(after), asOf: asOfA }, '0000-00-00');
    // The clock runs from the later of reviewed and asOf: it resets only when that moves later.
    if (fa.since > fb.since) {
      out.freshnessReset = { sinceBefore: fb.since, sinceAfter: fa.since, dueBefore: fb.due, dueAfter: fa.due };
    }
  }
  const audB = at(before, 'audience') ?? 'internal';
  const audA = at(after, 'audience') ?? 'internal';
  if (audB !== audA) {
    // Wider: an audience earlier in AUDIENCES (public, partner, internal) than before.
    const [ra, rb] = [AUDIENCES.indexOf(audA as Audience), AUDIENCES.indexOf(audB as Audience)];
    const wider = ra >= 0 && rb >= 0 && ra < rb;
    out.audienceChange = { before: audB, after: audA, wider };
  }
  const rank = (d: unknown) => (typeof at(d, 'dagger.rank') === 'number' ? (at(d, 'dagger.rank') as number) : undefined);
  if (rank(before) !== rank(after)) out.daggerChange = { before: rank(before), after: rank(after) };
  return out;
}

// ---------------------------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------------------------

/** Entries (`collection/id`) that reference `target` by id, in one state. */
function referrers(snapshot: KitSnapshot, target: CollectionName, id: string): string[] {
  return referrerIndex(snapshot).get(keyOf(target, id)) ?? [];
}

const referrerCache = new WeakMap<KitSnapshot, Map<string, string[]>>();

function referrerIndex(snapshot: KitSnapshot): Map<string, string[]> {
  const cached = referrerCache.get(snapshot);
  if (cached) return cached;
  const index = new Map<string, string[]>();
  for (const spec of COLLECTIONS) {
    for (const e of (snapshot[spec.name] ?? []) as AnyEntry[]) {
      const targets = new Set<string>();
      for (const [pattern, target] of REFERENCE_FIELDS[spec.name] ?? []) {
        for (const { value } of valuesAt(e.data, pattern)) if (typeof value === 'string') targets.add(keyOf(target, value));
      }
      for (const k of targets) {
        if (!index.has(k)) index.set(k, []);
        index.get(k)!.push(`${spec.name}/${e.id}`);
      }
    }
  }
  referrerCache.set(snapshot, index);
  return index;
}

function labelOf(collection: CollectionName, data: unknown): string | undefined {
  if (collection === 'claims') return str(at(data, 'metric.name')) ?? str(at(data, 'statement'));
  return str(at(data, 'title')) ?? str(at(data, 'name')) ?? str(at(data, 'short'));
}

// ---------------------------------------------------------------------------------------------
// Problems
// ---------------------------------------------------------------------------------------------

const problemKey = (p: Problem) => JSON.stringify([p.file, p.code, p.field, p.message]);

/** Problems in `a` without a counterpart in `b` (by file, code, field and message; not line). */
function problemsMissingFrom(a: Problem[], b: Problem[]): Problem[] {
  const pool = new Map<string, number>();
  for (const p of b) pool.set(problemKey(p), (pool.get(problemKey(p)) ?? 0) + 1);
  return a.filter((p) => {
    const n = pool.get(problemKey(p)) ?? 0;
    if (n > 0) {
      pool.set(problemKey(p), n - 1);
      return false;
    }
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// The diff
// ---------------------------------------------------------------------------------------------

const KIND_ORDER: Record<ChangeKind, number> = { changed: 0, added: 1, removed: 2 };

export function diffKits(base: DiffSide, head: DiffSide): KitDiff {
  const a = sideEntries(base);
  const b = sideEntries(head);
  const claims: ClaimChange[] = [];
  const entries: EntryChange[] = [];
  const invalid = { base: new Set<string>(), head: new Set<string>() };

  for (const key of [...new Set([...a.keys(), ...b.keys()])]) {
    const before = a.get(key);
    const after = b.get(key);
    const any = (after ?? before)!;
    const kind: ChangeKind = !before ? 'added' : !after ? 'removed' : 'changed';
    const rawCompare = Boolean(before?.validity || after?.validity);
    const dataB = before ? (rawCompare ? (before.raw ?? before.data) : before.data) : undefined;
    const dataA = after ? (rawCompare ? (after.raw ?? after.data) : after.data) : undefined;
    let fields: FieldChange[] = [];
    let body: BodyChange | undefined;
    if (kind === 'changed') {
      const unparseable = before!.validity === 'unparseable' || after!.validity === 'unparseable';
      fields = unparseable ? [] : diffFields(dataB, dataA);
      body = diffBody(before!.body, after!.body);
      const moved = before!.file !== after!.file;
      const sameText = !unparseable && fields.length === 0 && !body;
      if (sameText && !moved && before!.validity === after!.validity) continue;
    }
    const change: EntryChange = {
      collection: any.collection, id: any.id, kind, file: any.file, fields, usedBy: [],
    };
    if (before && after && before.file !== after.file) change.baseFile = before.file;
    const label = labelOf(any.collection, dataA ?? dataB);
    if (label) change.label = label;
    if (body) change.body = body;
    if (before?.validity || after?.validity) {
      change.invalid = {};
      if (before?.validity) {
        change.invalid.base = before.validity;
        invalid.base.add(before.file);
      }
      if (after?.validity) {
        change.invalid.head = after.validity;
        invalid.head.add(after.file);
      }
    }
    if (any.collection === 'claims') {
      const impact = mergeImpact(
        before ? claimImpact(base.snapshot, any.id) : emptyImpact(),
        after ? claimImpact(head.snapshot, any.id) : emptyImpact(),
      );
      claims.push(claimDetails(change, dataB, dataA, impact));
    } else {
      change.usedBy = union(
        before ? referrers(base.snapshot, any.collection, any.id) : [],
        after ? referrers(head.snapshot, any.collection, any.id) : [],
      );
      entries.push(change);
    }
  }

  const order = (x: EntryChange, y: EntryChange) =>
    COLLECTIONS.findIndex((c) => c.name === x.collection) - COLLECTIONS.findIndex((c) => c.name === y.collection) ||
    KIND_ORDER[x.kind] - KIND_ORDER[y.kind] ||
    x.id.localeCompare(y.id);
  claims.sort(order);
  entries.sort(order);

  if (head.files) addOldValueMentions(claims, head);

  const introduced = problemsMissingFrom(head.problems, base.problems);
  const fixed = problemsMissingFrom(base.problems, head.problems);
  const collections = Object.fromEntries(
    COLLECTIONS.map((c) => {
      const list: EntryChange[] = c.name === 'claims' ? claims : entries.filter((e) => e.collection === c.name);
      return [c.name, {
        added: list.filter((e) => e.kind === 'added').length,
        removed: list.filter((e) => e.kind === 'removed').length,
        changed: list.filter((e) => e.kind === 'changed').length,
      }];
    }),
  ) as Record<CollectionName, CollectionCounts>;
  return {
    summary: {
      collections,
      valuesChanged: claims.filter((c) => c.valueChange).length,
      statusUpgrades: claims.filter((c) => c.statusChange?.move === 'upgrade').length,
      statusDowngrades: claims.filter((c) => c.statusChange?.move === 'downgrade').length,
      problemsIntroduced: introduced.length,
      problemsFixed: fixed.length,
      errorsIntroduced: introduced.filter((p) => p.severity === 'error').length,
    },
    claims,
    measurements: measurementChanges(base.snapshot, head.snapshot),
    entries,
    problems: { introduced, fixed },
    invalid: { base: [...invalid.base].sort(), head: [...invalid.head].sort() },
  };
}

/** Entry files (in `side`) that use a claim: its own file, linking prose, referencing fields. */
function filesUsing(side: DiffSide, claimId: string): { file: string; own: boolean }[] {
  const files = new Map<string, boolean>();
  const fileOf = (ref: string) => {
    const [collection, ...rest] = ref.split('/');
    const id = rest.join('/');
    return ((side.snapshot[collection as CollectionName] ?? []) as AnyEntry[]).find((e) => e.id === id)?.file;
  };
  const own = side.snapshot.claims.find((c) => c.id === claimId);
  if (own) files.set(own.file, true);
  const i = claimImpact(side.snapshot, claimId);
  const refs = [
    ...i.plays.map((p) => `plays/${p.id}`),
    ...i.clouds.filter((c) => c.via.includes('one-pager link')).map((c) => `clouds/${c.id}`),
    ...i.other,
    ...referrers(side.snapshot, 'claims', claimId),
  ];
  for (const r of refs) {
    const f = fileOf(r);
    if (f && !files.has(f)) files.set(f, false);
  }
  return [...files].map(([file, isOwn]) => ({ file, own: isOwn })).sort((a, b) => a.file.localeCompare(b.file));
}

function addOldValueMentions(claims: ClaimChange[], head: DiffSide): void {
  const texts = new Map((head.files ?? []).map((f) => [f.path, f.text]));
  for (const c of claims) {
    const vc = c.valueChange;
    if (!vc || typeof vc.before !== 'number' || !vc.unitBefore || vc.unitBefore !== vc.unitAfter) continue;
    const found = filesUsing(head, c.id).flatMap(({ file, own }) => {
      const text = texts.get(file);
      return text === undefined ? [] : oldValueMentions(file, text, vc.before as number, vc.unitBefore!, own);
    });
    if (found.length) c.oldValueMentions = found;
  }
}

function emptyImpact(): Impact {
  return { plays: [], clouds: [], dagger: [], kits: [], other: [] };
}

/** True when nothing differs: no entry and no problem changed. */
export function isEmptyDiff(d: KitDiff): boolean {
  return d.claims.length === 0 && d.entries.length === 0 && d.problems.introduced.length === 0 && d.problems.fixed.length === 0;
}
