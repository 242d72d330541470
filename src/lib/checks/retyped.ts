/**
 * Numbers are never retyped: a claim's value lives in `metric.value`, and statements (`{value}`),
 * prose (claim links) and triage (band `claim:`) take it from there. This module finds numbers
 * with units in text and reports the ones that repeat, or contradict, a claim's own metric.
 * Pure: text and snapshot in, findings out.
 */
import type { Claim, Play, Triage } from '../../schemas/index.ts';
import type { Finding, FieldPath } from './integrity.ts';
import type { Entry, KitSnapshot } from '../content/snapshot.ts';
import { resolveTriage } from '../triage/triage.ts';
import { formatValue, VALUE_PLACEHOLDER } from '../site/views.ts';

/** A number in text, with the words that follow it (where its unit is). */
export interface NumberMention {
  value: number;
  /** The number as written, e.g. `5,500`, `2M`, `190.7`. */
  text: string;
  /** Offset of the number in the text. */
  index: number;
  /** Offset just after the unit words matched, or after the number. */
  end: number;
  /** Up to four normalized words after the number (a range's second number lends its words to the first). */
  after: string[];
}

const MULTIPLIER: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, thousand: 1e3, million: 1e6, billion: 1e9 };

/**
 * A number: digits with optional thousands separators and decimals, optionally followed directly
 * by k/K/M (`200k`, `2M`). Not part of a word or id (`S3`, `p99`, `GPv2`, `s3-prefix`) nor a version.
 */
const NUMBER = /(?<![\p{L}\p{N}_./:#-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([kKM](?![\p{L}\p{N}]))?(?![\p{N}\p{L}]|[.,]\d|\/\d)/gu;
/** Calendar dates and year-month forms: never figures. */
const DATE = /\b\d{4}-\d{2}(?:-\d{2})?\b/g;
/** What joins the two ends of a range: `100-200 ms`, `100 to 200 ms`. */
const RANGE_JOIN = /^\s*(?:-|–|—|to|and|or)?\s*$/;

/** Where the words that can hold a number's unit end: clause breaks, a sentence end, the next YAML key. */
const UNIT_END = /[;()[\]]|[.!?](?:\s|$)|,\s|\n\s*-?\s*[\w-]+:(?:\s|$)/;

/** Words normalized so that spellings of one unit compare equal. */
export function normalizeUnitText(s: string): string {
  return s
    .toLowerCase()
    .replace(/\bper\s+sec(?:ond)?\b/g, '/s')
    .replace(/\ba\s+second\b/g, '/s')
    .replace(/\bmilli-?seconds?\b/g, 'ms')
    .replace(/\bmsecs?\b/g, 'ms')
    .replace(/\bseconds?\b/g, 's')
    .replace(/\bmins?\b/g, 'minutes')
    .replace(/\bminute\b/g, 'minutes')
    .replace(/\bgbit\/s\b/g, 'gbps')
    .replace(/\bmbit\/s\b/g, 'mbps')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\btransactions?\/s\b/g, 'tps')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One word of a unit with its plural folded: `requests/s` and `request/s` are the same unit. */
function unitWord(w: string): string {
  return w
    .split('/')
    .map((p) => (p.length >= 4 && p.endsWith('s') ? p.slice(0, -1) : p))
    .join('/');
}

function words(s: string): string[] {
  return normalizeUnitText(s)
    .split(/[\s,;:()[\]"“”]+/)
    .map((w) => w.replace(/[.!?]+$/, ''))
    .filter(Boolean)
    .map(unitWord);
}

/** The words of a claim's unit as they are compared: `MB/s per TiB` -> [`mb/s`, `per`, `tib`]. */
export function unitKey(unit: string): string[] {
  return words(unit);
}

/** Every number in `text` with the words after it. Dates and years inside dates are skipped. */
export function numberMentions(text: string): NumberMention[] {
  // Dates are blanked; a range's dash (`100-200`) becomes a space so both ends read as numbers.
  const masked = text.replace(DATE, (d) => ' '.repeat(d.length)).replace(/(\d)[-–—](?=\d)/g, '$1 ');
  const found: { value: number; text: string; index: number; numEnd: number }[] = [];
  for (const m of masked.matchAll(NUMBER)) {
    let value = Number(m[1]!.replace(/,/g, '') + (m[2] ?? ''));
    if (m[3]) value *= MULTIPLIER[m[3]]!;
    found.push({ value, text: m[0], index: m.index!, numEnd: m.index! + m[0].length });
  }
  const out: NumberMention[] = found.map((f, i) => {
    let tail = masked.slice(f.numEnd, f.numEnd + 80);
    // Sentence ends and clause breaks end the unit.
    tail = tail.split(UNIT_END)[0] ?? '';
    const next = found[i + 1];
    if (next && RANGE_JOIN.test(masked.slice(f.numEnd, next.index))) {
      tail = masked.slice(next.numEnd, next.numEnd + 80).split(UNIT_END)[0] ?? '';
    }
    let w = words(tail);
    const mult = w[0] ? MULTIPLIER[w[0]] : undefined;
    const value = mult ? f.value * mult : f.value;
    if (mult) w = w.slice(1);
    return { value, text: f.text, index: f.index, end: f.numEnd, after: w.slice(0, 4) };
  });
  return out;
}

/**
 * Whether a mention is in `unit`: its following words start with the unit's words, allowing up to
 * two qualifying words first when they hold no digits (`5,500 GET/HEAD requests per second`).
 */
export function inUnit(m: NumberMention, unit: string): boolean {
  const key = unitKey(unit);
  if (!key.length) return false;
  // `5,000 per second` is in `reads/s`: a bare rate takes the claim's noun.
  const rate = key.length === 1 && key[0]!.includes('/') ? key[0]!.slice(key[0]!.indexOf('/')) : undefined;
  if (rate && m.after[0] === rate) return true;
  for (let skip = 0; skip <= 2; skip++) {
    const w = m.after.slice(skip, skip + key.length);
    if (w.length < key.length) return false;
    if (key.every((k, i) => w[i] === k)) return true;
    if (/\d/.test(m.after[skip] ?? '')) return false;
  }
  return false;
}

export const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Mentions of `value` in `unit` (the old value of a changed claim, for `diff`). */
export function mentionsOf(text: string, value: number, unit: string): NumberMention[] {
  return numberMentions(text).filter((m) => sameNumber(m.value, value) && inUnit(m, unit));
}

/** 1-based line (from `firstLine`) and column of an offset in `text`. */
export function lineColumn(text: string, offset: number, firstLine = 1): { line: number; column: number } {
  const before = text.slice(0, offset);
  const nl = before.lastIndexOf('\n');
  return { line: firstLine + (before.match(/\n/g)?.length ?? 0), column: offset - nl };
}

/**
 * Where a mention of a YAML field's text sits in its file: the field's value starts at `from`;
 * folded and quoted scalars lose their line breaks, so the number is looked up in the lines of the
 * file from there on (falling back to the field's own line).
 */
export function locateInFile(fileText: string | undefined, from: { line: number; column: number }, written: string): { line: number; column: number } {
  if (!fileText) return from;
  const lines = fileText.split('\n');
  for (let i = from.line - 1; i < lines.length && i < from.line + 40; i++) {
    const line = lines[i]!;
    const start = i === from.line - 1 ? Math.max(0, from.column - 1) : 0;
    const at = findNumber(line, written, start);
    if (at >= 0) return { line: i + 1, column: at + 1 };
  }
  return from;
}

function findNumber(line: string, written: string, start: number): number {
  let at = line.indexOf(written, start);
  while (at >= 0) {
    const before = line[at - 1] ?? ' ';
    const after = line[at + written.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/\p{N}/u.test(after)) return at;
    at = line.indexOf(written, at + 1);
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------------------------

export interface RetypedContext {
  /** Position of a field's value in a file (from the positioned YAML parse). */
  locate: (file: string, path: FieldPath) => { line: number; column: number };
  /** The text of a file, to point at the line of a number inside a folded YAML scalar. */
  text: (file: string) => string | undefined;
}

const shown = (c: Claim) => formatValue(c.metric.value, c.metric.unit);

const STATEMENT_HINT =
  'Write `{value}` where the number goes (e.g. "at most {value} of ingress"): the page shows the current value and unit, so the sentence cannot go out of date.';
const PROSE_HINT =
  'Drop the typed number and let the claim link carry it: `[the ingress limit](claim:<id>)` shows the value, status badge and as-of date.';

/** `{...}` in a statement that is not `{value}`: it would reach the page as typed. */
function placeholderFindings(e: Entry<Claim>, ctx: RetypedContext): Finding[] {
  return [...e.data.statement.matchAll(/\{[^{}]*\}/g)].filter((m) => m[0] !== VALUE_PLACEHOLDER).map((m): Finding => ({
    code: 'bad-placeholder', severity: 'error', file: e.file, path: ['statement'],
    pos: locateInFile(ctx.text(e.file), ctx.locate(e.file, ['statement']), m[0]),
    message: `the statement has ${m[0]}, which is not a placeholder; only {value} is replaced by the claim's value`,
    expected: VALUE_PLACEHOLDER, found: m[0],
    hint: 'Write `{value}` exactly (lower case, no spaces), or remove the braces.',
  }));
}

/** A claim's statement against its own metric. */
function statementFindings(e: Entry<Claim>, ctx: RetypedContext): Finding[] {
  const c = e.data;
  if (c.metric.value === 'TBD') return [];
  const value = c.metric.value;
  const inOwnUnit = numberMentions(c.statement).filter((m) => inUnit(m, c.metric.unit));
  const repeats = inOwnUnit.filter((m) => sameNumber(m.value, value));
  const usesPlaceholder = c.statement.includes(VALUE_PLACEHOLDER);
  const contradicting = repeats.length || usesPlaceholder ? [] : inOwnUnit;
  const from = ctx.locate(e.file, ['statement']);
  const pos = (m: NumberMention) => locateInFile(ctx.text(e.file), from, m.text);
  return [
    ...repeats.map((m): Finding => ({
      code: 'retyped-number', severity: 'warning', file: e.file, path: ['statement'], pos: pos(m),
      message: `the statement retypes the claim's own value (${m.text} ${c.metric.unit}); it goes out of date when metric.value changes`,
      expected: `{value} in the statement (renders as ${shown(c)})`, found: m.text,
      hint: STATEMENT_HINT,
    })),
    ...contradicting.map((m): Finding => ({
      code: 'retyped-number', severity: 'warning', file: e.file, path: ['statement'], pos: pos(m),
      message: `the statement says ${m.text} ${c.metric.unit}, but the claim's metric is ${shown(c)}`,
      expected: `{value} in the statement (renders as ${shown(c)})`, found: m.text,
      hint: `${STATEMENT_HINT} If ${m.text} ${c.metric.unit} is another figure, make it its own claim and link it from the prose that needs it.`,
    })),
  ];
}

/**
 * A play's objection answered with a proof claim: the objection and response retyping the claim's
 * value, or (a single number in its unit, not the value) contradicting it.
 */
function objectionFindings(e: Entry<Play>, claims: Map<string, Entry<Claim>>, ctx: RetypedContext): Finding[] {
  const out: Finding[] = [];
  e.data.objections.forEach((o, i) => {
    const proof = o.proof ? claims.get(o.proof) : undefined;
    if (!proof || proof.data.metric.value === 'TBD') return;
    const c = proof.data;
    const value = c.metric.value as number;
    for (const field of ['objection', 'response'] as const) {
      const inUnitHere = numberMentions(o[field]).filter((m) => inUnit(m, c.metric.unit));
      const repeats = inUnitHere.filter((m) => sameNumber(m.value, value));
      const contradicting = repeats.length === 0 && inUnitHere.length === 1 ? inUnitHere : [];
      const path = ['objections', i, field];
      const at = (m: NumberMention) => locateInFile(ctx.text(e.file), ctx.locate(e.file, path), m.text);
      for (const m of repeats) {
        out.push({
          code: 'retyped-number', severity: 'warning', file: e.file, path, pos: at(m),
          message: `the objection's ${field} retypes the value of its proof claim ${proof.id} (${m.text} ${c.metric.unit})`,
          expected: `the proof claim alone (the page shows ${shown(c)})`, found: m.text,
          hint: 'Drop the typed number: the objection shows its proof claim with the current value, badge and date.',
        });
      }
      for (const m of contradicting) {
        out.push({
          code: 'retyped-number', severity: 'warning', file: e.file, path, pos: at(m),
          message: `the objection's ${field} says ${m.text} ${c.metric.unit}, but its proof claim ${proof.id} is ${shown(c)}`,
          expected: `the proof claim alone (the page shows ${shown(c)})`, found: m.text,
          hint: 'Drop the typed number: the objection shows its proof claim with the current value, badge and date.',
        });
      }
    }
  });
  return out;
}

/** Claim links in Markdown (`[text](claim:id)`), with their offsets. */
const LINK = /\[([^\]]*)\]\(claim:([^)\s]+)\)/g;

/** Sentence spans of a paragraph: ends at `.`, `!` or `?` followed by space (not `190.7`). */
function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?](?=\s+\S)|\n\s*\n/g)) {
    const end = m.index! + m[0].length;
    out.push([start, end]);
    start = end;
  }
  out.push([start, text.length]);
  return out;
}

/** Numbers next to a claim link in a Markdown body, against that claim's metric. */
function proseFindings(e: Entry<unknown>, claims: Map<string, Entry<Claim>>): Finding[] {
  const body = e.body;
  if (!body || !body.includes('](claim:')) return [];
  const out: Finding[] = [];
  // Link targets are blanked so ids (`s3-...`) never read as numbers; offsets stay the same.
  const masked = body.replace(/\]\(claim:[^)\s]+\)/g, (m) => `]${' '.repeat(m.length - 1)}`);
  const seen = new Set<number>();
  for (const [s, t] of sentences(body)) {
    const sentence = body.slice(s, t);
    const links = [...sentence.matchAll(LINK)].map((m) => ({ id: m[2]!, start: s + m.index!, end: s + m.index! + m[0].length, textEnd: s + m.index! + 1 + m[1]!.length }));
    if (!links.length) continue;
    const mentions = numberMentions(masked.slice(s, t)).map((m) => ({ ...m, index: m.index + s, end: m.end + s }));
    const linked = links.flatMap((l) => {
      const c = claims.get(l.id);
      return c && c.data.metric.value !== 'TBD' ? [{ ...l, claim: c.data, value: c.data.metric.value }] : [];
    });
    for (const l of linked) {
      const own = mentions.filter((m) => inUnit(m, l.claim.metric.unit));
      const repeats = own.filter((m) => sameNumber(m.value, l.value));
      const report = (m: NumberMention, message: string) => {
        if (seen.has(m.index)) return;
        seen.add(m.index);
        out.push({
          code: 'retyped-number', severity: 'warning', file: e.file, path: [],
          pos: lineColumn(body, m.index, e.bodyLine ?? 1),
          message, expected: `the claim link alone (it shows ${shown(l.claim)})`, found: m.text, hint: PROSE_HINT,
        });
      };
      for (const m of repeats) report(m, `the prose retypes the value of claim ${l.id} (${m.text} ${l.claim.metric.unit}) next to its link`);
      if (repeats.length) continue;
      for (const m of own) {
        // Another linked claim's value in the same unit is that claim's business, not a contradiction.
        if (linked.some((o) => o !== l && sameNumber(o.value, m.value) && inUnit(m, o.claim.metric.unit))) continue;
        const inText = m.index >= l.start && m.index < l.textEnd;
        const between = m.index < l.start ? body.slice(m.end, l.start) : body.slice(l.end, m.index);
        const adjacent = inText || (between.length <= 30 && !between.includes('](claim:') && !/\d/.test(between));
        if (adjacent) report(m, `the prose says ${m.text} ${l.claim.metric.unit} next to the link to claim ${l.id}, whose value is ${shown(l.claim)}`);
      }
    }
  }
  return out;
}

/** Claim links in a triage text field (`[text](claim:id)`). */
export function triageClaimLinks(text: string): string[] {
  return [...text.matchAll(LINK)].map((m) => m[2]!);
}

/** Every text field of a triage rubric, with its path. */
export function triageTexts(t: Triage): { path: FieldPath; text: string }[] {
  const out: { path: FieldPath; text: string }[] = [{ path: ['description'], text: t.description }];
  t.questions.forEach((q, i) => {
    out.push({ path: ['questions', i, 'text'], text: q.text }, { path: ['questions', i, 'why'], text: q.why });
    q.choices?.forEach((c, j) => out.push({ path: ['questions', i, 'choices', j, 'label'], text: c.label }));
    q.number?.bands.forEach((b, j) => out.push({ path: ['questions', i, 'number', 'bands', j, 'label'], text: b.label }));
  });
  for (const v of ['green', 'yellow', 'red'] as const) out.push({ path: ['next', v], text: t.next[v] });
  return out;
}

/** The claims a triage rubric uses: band thresholds and links in its text. */
export function triageClaimIds(t: Triage): Set<string> {
  const ids = new Set<string>();
  for (const q of t.questions) for (const b of q.number?.bands ?? []) if (b.claim) ids.add(b.claim);
  for (const { text } of triageTexts(t)) for (const id of triageClaimLinks(text)) ids.add(id);
  return ids;
}

/**
 * Triage text that retypes the value of a claim the rubric uses (anywhere in the rubric), or, in a
 * question that takes a figure from exactly one claim in some unit, gives another number in that
 * unit (the claim moved, the text did not).
 */
function triageFindings(e: Entry<Triage>, claims: Map<string, Entry<Claim>>, ctx: RetypedContext): Finding[] {
  const numeric = (ids: Iterable<string>) => [...ids].flatMap((id) => {
    const c = claims.get(id);
    return c && c.data.metric.value !== 'TBD' ? [c] : [];
  });
  const used = numeric(triageClaimIds(e.data));
  if (!used.length) return [];
  const texts = triageTexts(e.data);
  /** Claims one question uses: its bands and the links in its own text. */
  const byQuestion = new Map<number, Entry<Claim>[]>();
  e.data.questions.forEach((q, i) => {
    const ids = new Set<string>((q.number?.bands ?? []).flatMap((b) => (b.claim ? [b.claim] : [])));
    for (const t of texts) if (t.path[0] === 'questions' && t.path[1] === i) for (const id of triageClaimLinks(t.text)) ids.add(id);
    byQuestion.set(i, numeric(ids));
  });
  const out: Finding[] = [];
  for (const { path, text } of texts) {
    const masked = text.replace(/\]\(claim:[^)\s]+\)/g, (m) => `]${' '.repeat(m.length - 1)}`);
    const local = path[0] === 'questions' ? byQuestion.get(path[1] as number) ?? [] : [];
    for (const m of numberMentions(masked)) {
      const pos = locateInFile(ctx.text(e.file), ctx.locate(e.file, path), m.text);
      const c = used.find((x) => sameNumber(m.value, x.data.metric.value as number) && inUnit(m, x.data.metric.unit));
      if (c) {
        out.push({
          code: 'retyped-number', severity: 'warning', file: e.file, path, pos,
          message: `the triage text retypes the value of claim ${c.id} (${m.text} ${c.data.metric.unit}), which this rubric uses`,
          expected: `a link to the claim, [text](claim:${c.id}), or the band's \`claim:\``, found: m.text,
          hint: `Replace the number with a claim link, \`[the figure](claim:${c.id})\`, which shows the current value.`,
        });
        continue;
      }
      const same = local.filter((x) => inUnit(m, x.data.metric.unit));
      if (same.length !== 1) continue;
      const only = same[0]!;
      out.push({
        code: 'retyped-number', severity: 'warning', file: e.file, path, pos,
        message: `the triage text says ${m.text} ${only.data.metric.unit}, but the claim this question uses, ${only.id}, is ${shown(only.data)}`,
        expected: `a link to the claim, [text](claim:${only.id})`, found: m.text,
        hint: `Replace the number with a claim link, \`[the figure](claim:${only.id})\`, which shows the current value.`,
      });
    }
  }
  return out;
}

/** `retyped-number` (statements, prose next to claim links, objections, triage text) and `bad-placeholder`. */
export function checkRetypedNumbers(snapshot: KitSnapshot, ctx: RetypedContext): Finding[] {
  const claims = new Map(snapshot.claims.map((c) => [c.id, c]));
  const prose = [snapshot.clouds, snapshot.plays, snapshot.frds, snapshot.reviews] as Entry<unknown>[][];
  return [
    ...snapshot.claims.flatMap((e) => [...placeholderFindings(e, ctx), ...statementFindings(e, ctx)]),
    ...prose.flat().flatMap((e) => proseFindings(e, claims)),
    ...snapshot.plays.flatMap((e) => objectionFindings(e, claims, ctx)),
    ...snapshot.triage.flatMap((e) => triageFindings(e, claims, ctx)),
  ];
}

/**
 * Triage rubrics that take numbers from claims: each band's `claim` gives a number in order
 * (`triage-threshold`), and each claim link in the rubric's text names a claim (`unknown-claim-link`).
 */
export function checkTriageClaims(snapshot: KitSnapshot, knownClaimIds?: Set<string>): Finding[] {
  const claims = new Map(snapshot.claims.map((c) => [c.id, c.data]));
  const known = new Set([...claims.keys(), ...(knownClaimIds ?? [])]);
  const out: Finding[] = [];
  for (const e of snapshot.triage) {
    // A dangling band claim is reported once, as dangling-ref.
    const { problems } = resolveTriage(e.data, (id) => claims.get(id)?.metric ?? (known.has(id) ? undefined : { value: 0, unit: '' }));
    for (const p of problems) {
      if (!known.has(p.claim)) continue;
      out.push({
        code: 'triage-threshold', severity: 'error', file: e.file, path: ['questions', p.question, 'number', 'bands', p.band, 'claim'],
        message: p.message.replace('is not in this edition', 'failed validation, so it gives no threshold'),
        expected: 'a claim with a number, giving thresholds in ascending order', found: p.claim,
        hint: 'Point the band at a claim that has a number, or write `below:` with a policy number and say in `why` where it comes from.',
      });
    }
    for (const { path, text } of triageTexts(e.data)) {
      for (const id of triageClaimLinks(text)) {
        if (known.has(id)) continue;
        out.push({
          code: 'unknown-claim-link', severity: 'error', file: e.file, path,
          message: `the text links to claim "${id}", which does not exist`,
          expected: 'the id of a claim, e.g. azure/account-ingress', found: id,
          hint: 'Check the id under src/content/claims/.',
        });
      }
    }
  }
  return out;
}

/** A place in a file that still mentions a changed claim's old value. */
export interface OldValueMention {
  file: string;
  line: number;
  column: number;
  /** The number as written. */
  text: string;
}

/**
 * Mentions of `value` in `unit` in a content file's text, with positions. Claim link targets are
 * blanked (ids are not figures); in the claim's own file the `history` list, which records earlier
 * values on purpose, is left out.
 */
export function oldValueMentions(file: string, text: string, value: number, unit: string, ownFile = false): OldValueMention[] {
  let scan = text.replace(/\]\(claim:[^)\s]+\)/g, (m) => `]${' '.repeat(m.length - 1)}`);
  if (ownFile) {
    const h = /^history:/m.exec(scan);
    if (h) scan = scan.slice(0, h.index);
  }
  return mentionsOf(scan, value, unit).map((m) => ({ file, ...lineColumn(text, m.index), text: m.text }));
}
