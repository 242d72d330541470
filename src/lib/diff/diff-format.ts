/**
 * Renderers for `fieldkit diff`: Markdown for a pull-request comment or job summary (a short
 * summary table first, details folded in <details>), plain text for a terminal, JSON for scripts.
 * Pure: a KitDiff in, a string out.
 */
import { COLLECTIONS } from '../../schemas/index.ts';
import { isEmptyDiff, type ClaimChange, type EntryChange, type FieldChange, type Impact, type KitDiff, type ValueChange } from './diff.ts';
import { measurementLines } from '../measure/diff.ts';
import type { Problem } from '../problems/problems.ts';
import { plural } from '../format/text.ts';
import { formatValue } from '../site/views.ts';
import { route } from '../site/routes.ts';

export type DiffFormat = 'markdown' | 'json' | 'text';
export const DIFF_FORMATS: readonly DiffFormat[] = ['markdown', 'json', 'text'];

export interface DiffHeader {
  /** The ref as the user wrote it, e.g. `origin/main`. */
  base: string;
  /** The commit it resolved to (short or full). */
  commit?: string;
}

/** Rows in the Markdown summary table before the rest is left to the details. */
export const TABLE_LIMIT = 50;


/** A value as people read it: thousands separators, TBD as TBD, the unit after. */
export function showValue(value: unknown, unit?: string): string {
  let v: string;
  if (typeof value === 'number') v = formatValue(value);
  else if (value === undefined) return '(none)';
  else if (typeof value === 'string') v = value;
  else v = JSON.stringify(value);
  return unit && value !== 'TBD' ? `${v} ${unit}` : v;
}

const signed = (pct: number) => `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct)}%`;

/** `60 -> 80 Gbps (+33.3%)`; the unit is shown once when it did not change. */
export function showValueChange(vc: ValueChange, arrow: string): string {
  const sameUnit = vc.unitBefore === vc.unitAfter;
  const before = showValue(vc.before, sameUnit && vc.after !== 'TBD' && vc.before !== 'TBD' ? undefined : vc.unitBefore);
  const after = showValue(vc.after, vc.unitAfter);
  const pct = vc.changePct !== undefined ? ` (${signed(vc.changePct)})` : '';
  return `${before} ${arrow} ${after}${pct}`;
}

function competitorNote(vc: ValueChange): string {
  if (!vc.competitor) return '';
  const rule = vc.better ? `${vc.better} is better; ` : '';
  return vc.competitor === 'improved'
    ? ` (${rule}the competitor's figure improved: the gap narrows)`
    : ` (${rule}the competitor's figure worsened: the gap widens)`;
}

/** A value in a change line: plain tokens (ids, dates, enums) bare, text quoted, long values cut. */
function short(v: unknown, max = typeof v === 'string' ? 200 : 80): string {
  const s = v === undefined ? '(none)' : typeof v === 'string' && /^[\w./:@-]+$/.test(v) ? v : JSON.stringify(v) ?? String(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** One field change as a line: `path: before -> after`, lists as items added and removed. */
export function showField(f: FieldChange, arrow: string): string {
  if (f.kind === 'added') return `${f.path || '(entry)'}: added ${short(f.after)}`;
  if (f.kind === 'removed') return `${f.path || '(entry)'}: removed (was ${short(f.before)})`;
  if (Array.isArray(f.before) && Array.isArray(f.after)) {
    const before = f.before as unknown[];
    const after = f.after as unknown[];
    const added = after.filter((x) => !before.includes(x));
    const removed = before.filter((x) => !after.includes(x));
    const parts = [added.length ? `+ ${added.map((x) => short(x, 60)).join(', ')}` : '', removed.length ? `− ${removed.map((x) => short(x, 60)).join(', ')}` : ''].filter(Boolean);
    return `${f.path}: ${parts.length ? parts.join('; ') : 'reordered'}`;
  }
  return `${f.path}: ${short(f.before)} ${arrow} ${short(f.after)}`;
}

/** Paths the structured claim lines already explain. */
const CLAIM_COVERED = new Set(['metric.value', 'metric.unit', 'status', 'sources', 'asOf', 'reviewed', 'audience', 'dagger', 'dagger.rank']);

function claimLines(c: ClaimChange, arrow: string): string[] {
  const out: string[] = [];
  if (c.kind === 'added') out.push(`value: ${showValue(c.value, c.unit)}, status ${c.status ?? '(none)'}`);
  if (c.kind === 'removed') out.push(`was: ${showValue(c.value, c.unit)}, status ${c.status ?? '(none)'}`);
  if (c.valueChange) {
    out.push(`value: ${showValueChange(c.valueChange, arrow)}${competitorNote(c.valueChange)}`);
    if (c.valueChange.unitBefore !== c.valueChange.unitAfter) out.push(`unit: ${c.valueChange.unitBefore ?? '(none)'} ${arrow} ${c.valueChange.unitAfter ?? '(none)'}`);
  }
  if (c.statusChange) {
    const move = c.statusChange.move === 'other' ? '' : ` (${c.statusChange.move})`;
    out.push(`status: ${String(c.statusChange.before ?? '(none)')} ${arrow} ${String(c.statusChange.after ?? '(none)')}${move}`);
  }
  if (c.sourcesChange) {
    const parts = [
      c.sourcesChange.added.length ? `added ${c.sourcesChange.added.join(', ')}` : '',
      c.sourcesChange.removed.length ? `removed ${c.sourcesChange.removed.join(', ')}` : '',
    ].filter(Boolean);
    out.push(`sources: ${parts.join('; ')}`);
  }
  if (c.asOfChange) out.push(`asOf: ${c.asOfChange.before ?? '(none)'} ${arrow} ${c.asOfChange.after ?? '(none)'}`);
  if (c.reviewedChange) out.push(`reviewed: ${c.reviewedChange.before ?? '(none)'} ${arrow} ${c.reviewedChange.after ?? '(none)'}`);
  if (c.freshnessReset) {
    const r = c.freshnessReset;
    out.push(`freshness clock reset: last vouched for ${r.sinceBefore} ${arrow} ${r.sinceAfter}, review due ${r.dueBefore} ${arrow} ${r.dueAfter}`);
  }
  if (c.audienceChange) {
    out.push(`audience: ${String(c.audienceChange.before)} ${arrow} ${String(c.audienceChange.after)} (${c.audienceChange.wider ? 'shown to more people' : 'shown to fewer people'})`);
  }
  if (c.daggerChange) {
    const r = (n?: number) => (n === undefined ? 'not on the dagger page' : `#${n}`);
    out.push(`dagger rank: ${r(c.daggerChange.before)} ${arrow} ${r(c.daggerChange.after)}`);
  }
  if (c.oldValueMentions?.length && c.valueChange) {
    const old = showValue(c.valueChange.before, c.valueChange.unitBefore);
    out.push(`still mentions the old value ${old}: ${c.oldValueMentions.map((m) => `${m.file}:${m.line}`).join(', ')} (use {value} or a claim link)`);
  }
  for (const f of c.fields) {
    if (CLAIM_COVERED.has(f.path) || f.path.startsWith('sources.')) continue;
    out.push(showField(f, arrow));
  }
  return out;
}

function entryLines(e: EntryChange, arrow: string): string[] {
  const out = e.kind === 'changed' ? e.fields.map((f) => showField(f, arrow)) : [];
  if (e.baseFile) out.push(`file: ${e.baseFile} ${arrow} ${e.file}`);
  if (e.body) {
    const links = [
      e.body.claimLinksAdded.length ? `claim links added: ${e.body.claimLinksAdded.join(', ')}` : '',
      e.body.claimLinksRemoved.length ? `claim links removed: ${e.body.claimLinksRemoved.join(', ')}` : '',
    ].filter(Boolean);
    out.push(`body: +${e.body.linesAdded} −${e.body.linesRemoved} lines${links.length ? `; ${links.join('; ')}` : ''}`);
  }
  return out;
}

function invalidNote(e: EntryChange): string | undefined {
  if (!e.invalid) return undefined;
  const side = (v: string | undefined, where: string) =>
    v === 'unparseable' ? `could not be parsed in ${where} (fields not compared)` : v === 'invalid' ? `fails validation in ${where} (compared from its raw YAML)` : '';
  return [side(e.invalid.base, 'the base'), side(e.invalid.head, 'the working tree')].filter(Boolean).join('; ');
}

interface Item {
  name: string;
  note?: string;
}

function impactParts(i: Impact): { label: string; items: Item[] }[] {
  return [
    { label: 'plays', items: i.plays.map((p) => ({ name: p.id, note: p.via.join(', ') })) },
    { label: 'clouds', items: i.clouds.map((c) => ({ name: c.id, note: c.via.join(', ') })) },
    { label: 'dagger pages', items: i.dagger.map((d) => ({ name: route.dagger(d) })) },
    { label: 'kits', items: i.kits.map((k) => ({ name: route.kit(k) })) },
    { label: 'also linked from', items: i.other.map((o) => ({ name: o })) },
  ].filter((p) => p.items.length);
}

const itemText = (x: Item) => (x.note ? `${x.name} (${x.note})` : x.name);

/** Entries that reference a changed or removed entry (an added one has no history to break). */
export const USED_BY_LIMIT = 8;
function usedByList(e: EntryChange, show: (s: string) => string): string | undefined {
  if (e.kind === 'added' || !e.usedBy.length) return undefined;
  const head = e.usedBy.slice(0, USED_BY_LIMIT).map(show).join(', ');
  return e.usedBy.length > USED_BY_LIMIT ? `${head} and ${e.usedBy.length - USED_BY_LIMIT} more` : head;
}

function touchesCompact(i: Impact): string {
  const parts = [
    i.plays.length ? `plays: ${i.plays.map((p) => p.id).join(', ')}` : '',
    i.clouds.length ? `clouds: ${i.clouds.map((c) => c.id).join(', ')}` : '',
    i.dagger.length ? `dagger: ${i.dagger.join(', ')}` : '',
    i.kits.length ? `kits: ${i.kits.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : '—';
}

/** One-line headline counts, e.g. `claims: 2 changed, 1 added · values moved: 1 · ...`. */
export function headline(d: KitDiff): string[] {
  const s = d.summary;
  const counts = (c: { added: number; removed: number; changed: number }) =>
    [c.changed && `${c.changed} changed`, c.added && `${c.added} added`, c.removed && `${c.removed} removed`].filter(Boolean).join(', ');
  const lines: string[] = [];
  const claimCounts = counts(s.collections.claims);
  const claimBits = [claimCounts || 'none changed'];
  if (s.valuesChanged) claimBits.push(plural(s.valuesChanged, 'value moved', 'values moved'));
  if (s.statusUpgrades) claimBits.push(plural(s.statusUpgrades, 'status upgrade'));
  if (s.statusDowngrades) claimBits.push(plural(s.statusDowngrades, 'status downgrade'));
  lines.push(`claims: ${claimBits.join(', ')}`);
  const others = COLLECTIONS.filter((c) => c.name !== 'claims')
    .map((c) => [c.name, counts(s.collections[c.name])] as const)
    .filter(([, t]) => t)
    .map(([n, t]) => `${n} ${t}`);
  lines.push(`other entries: ${others.length ? others.join('; ') : 'none changed'}`);
  const probs = `problems: ${s.problemsIntroduced} introduced${s.problemsIntroduced ? ` (${plural(s.errorsIntroduced, 'error')})` : ''}, ${s.problemsFixed} fixed`;
  lines.push(probs);
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

/** Text safe inside a Markdown table cell or list item (no HTML, no cell breaks). */
const md = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (s: string) => (s.includes('`') ? `\`\` ${s.replace(/\|/g, '\\|')} \`\`` : `\`${s.replace(/\|/g, '\\|')}\``);

/** What changed in a claim, in a few words for the summary table. */
export function changeTags(c: ClaimChange): string {
  if (c.kind !== 'changed') return c.kind;
  const tags: string[] = [];
  if (c.invalid?.base || c.invalid?.head) tags.push(c.invalid.head ? 'now invalid' : 'was invalid');
  if (c.valueChange) tags.push(c.valueChange.unitBefore !== c.valueChange.unitAfter ? 'value, unit' : 'value');
  if (c.oldValueMentions?.length) tags.push(`old value still in ${plural(c.oldValueMentions.length, 'place')}`);
  if (c.statusChange) tags.push('status');
  if (c.sourcesChange) tags.push('sources');
  if (c.asOfChange) tags.push('asOf');
  if (c.reviewedChange) tags.push('reviewed');
  if (c.freshnessReset) tags.push('review clock reset');
  if (c.audienceChange) tags.push(`audience → ${String(c.audienceChange.after)}`);
  if (c.daggerChange) tags.push(c.daggerChange.after === undefined ? 'off the dagger page' : `dagger #${c.daggerChange.after}`);
  const covered = (p: string) => CLAIM_COVERED.has(p) || p.startsWith('sources.');
  const rest = [...new Set(c.fields.filter((f) => !covered(f.path)).map((f) => f.path.split('.').slice(0, f.path.startsWith('metric.') ? 2 : 1).join('.')))];
  tags.push(...rest);
  if (c.baseFile) tags.push('file');
  if (c.body) tags.push('body');
  return `changed: ${tags.join(', ') || 'formatting'}`;
}

function statusCell(c: ClaimChange): string {
  if (c.statusChange) {
    const mark = c.statusChange.move === 'upgrade' ? ' ↑' : c.statusChange.move === 'downgrade' ? ' ↓' : '';
    return md(`${String(c.statusChange.before ?? '(none)')} → ${String(c.statusChange.after ?? '(none)')}${mark}`);
  }
  return md(c.status ?? '(none)');
}

function valueCell(c: ClaimChange): string {
  if (c.valueChange) return `**${md(showValueChange(c.valueChange, '→'))}**`;
  const v = md(showValue(c.value, c.unit));
  return c.kind === 'removed' ? `~~${v}~~` : v;
}

function problemTable(ps: Problem[]): string[] {
  return [
    '| File | Line | Severity | Code | Field | Message |',
    '|---|--:|---|---|---|---|',
    ...ps.map((p) => `| ${code(p.file)} | ${p.line} | ${p.severity} | ${code(p.code)} | ${p.field ? code(p.field) : ''} | ${md(p.message)} |`),
  ];
}

export function formatDiffMarkdown(d: KitDiff, h: DiffHeader): string {
  const out: string[] = [];
  const at = h.commit ? ` (${code(h.commit)})` : '';
  out.push(`### Fieldkit content diff against ${code(h.base)}${at}`, '');
  const empty = isEmptyDiff(d);
  if (empty) {
    out.push(`No content changes against ${code(h.base)}.`, '');
    return out.join('\n');
  }
  out.push(headline(d).map((l) => `- ${md(l)}`).join('\n'), '');
  if (d.summary.errorsIntroduced) out.push(`> **This change introduces ${plural(d.summary.errorsIntroduced, 'content error')}** (see Problems below; \`./fieldkit check\` fails).`, '');
  const invalidFiles = [...d.invalid.base.map((f) => `${code(f)} in the base`), ...d.invalid.head.map((f) => `${code(f)} in the working tree`)];
  if (invalidFiles.length) {
    out.push(`> Note: ${plural(invalidFiles.length, 'file')} failed validation and ${invalidFiles.length === 1 ? 'was' : 'were'} compared from raw YAML as well as possible: ${invalidFiles.join(', ')}.`, '');
  }

  if (d.claims.length) {
    out.push('| Claim | Change | Value | Status | Touches |', '|---|---|---|---|---|');
    for (const c of d.claims.slice(0, TABLE_LIMIT)) {
      out.push(`| ${code(c.id)} | ${md(changeTags(c))} | ${valueCell(c)} | ${statusCell(c)} | ${md(touchesCompact(c.impact))} |`);
    }
    if (d.claims.length > TABLE_LIMIT) out.push('', `…and ${d.claims.length - TABLE_LIMIT} more claims in the details below.`);
    out.push('');
  }
  const names = ['claims', ...COLLECTIONS.map((c) => c.name).filter((n) => n !== 'claims')] as const;
  const rows = names.map((n) => [n, d.summary.collections[n]] as const).filter(([, n]) => n.added + n.removed + n.changed > 0);
  if (rows.length) {
    out.push('| Collection | Added | Removed | Changed |', '|---|--:|--:|--:|');
    for (const [name, n] of rows) out.push(`| ${name} | ${n.added} | ${n.removed} | ${n.changed} |`);
    out.push('');
  }

  if (d.claims.length) {
    out.push(`<details><summary><b>Claim details</b> (${d.claims.length})</summary>`, '');
    for (const c of d.claims) {
      out.push(`#### ${code(c.id)} ${c.kind}${c.label ? `: ${md(c.label)}` : ''}`, '');
      const note = invalidNote(c);
      if (note) out.push(`- ⚠ ${md(note)}`);
      for (const l of claimLines(c, '→')) out.push(`- ${md(l)}`);
      const parts = impactParts(c.impact);
      const item = (x: Item) => `${code(x.name)}${x.note ? ` (${md(x.note)})` : ''}`;
      out.push(`- touches: ${parts.length ? parts.map((p) => `${p.label} ${p.items.map(item).join(', ')}`).join('; ') : 'nothing else in the kit'}`);
      out.push('');
    }
    out.push('</details>', '');
  }
  out.push(...measurementsMarkdown(d));
  if (d.entries.length) {
    out.push(`<details><summary><b>Other entries</b> (${d.entries.length})</summary>`, '');
    for (const e of d.entries) {
      out.push(`- ${e.collection}/${code(e.id)} **${e.kind}**${e.label ? `: ${md(e.label)}` : ''}`);
      const note = invalidNote(e);
      if (note) out.push(`  - ⚠ ${md(note)}`);
      for (const l of entryLines(e, '→')) out.push(`  - ${md(l)}`);
      const used = usedByList(e, code);
      if (used) out.push(`  - used by: ${used}`);
    }
    out.push('', '</details>', '');
  }
  if (d.problems.introduced.length || d.problems.fixed.length) {
    out.push(`<details${d.summary.errorsIntroduced ? ' open' : ''}><summary><b>Problems</b>: ${d.problems.introduced.length} introduced, ${d.problems.fixed.length} fixed</summary>`, '');
    if (d.problems.introduced.length) out.push('Introduced:', '', ...problemTable(d.problems.introduced), '');
    if (d.problems.fixed.length) out.push('Fixed:', '', ...problemTable(d.problems.fixed), '');
    out.push('</details>', '');
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

const SIGN = { added: '+', removed: '-', changed: '~' } as const;

export function formatDiffText(d: KitDiff, h: DiffHeader): string {
  const out: string[] = [`content diff against ${h.base}${h.commit ? ` (${h.commit})` : ''}`];
  const empty = isEmptyDiff(d);
  if (empty) return `${out[0]}\nno content changes\n`;
  out.push(...headline(d));
  if (d.claims.length) {
    out.push('', 'claims');
    for (const c of d.claims) {
      out.push(`  ${SIGN[c.kind]} ${c.id}${c.label ? `  ${c.label}` : ''}`);
      const note = invalidNote(c);
      if (note) out.push(`      ! ${note}`);
      for (const l of claimLines(c, '->')) out.push(`      ${l}`);
      for (const p of impactParts(c.impact)) out.push(`      ${p.label}: ${p.items.map(itemText).join(', ')}`);
    }
  }
  out.push(...measurementsText(d));
  let current = '';
  for (const e of d.entries) {
    if (e.collection !== current) {
      current = e.collection;
      out.push('', current);
    }
    out.push(`  ${SIGN[e.kind]} ${e.id}${e.label ? `  ${e.label}` : ''}`);
    const note = invalidNote(e);
    if (note) out.push(`      ! ${note}`);
    for (const l of entryLines(e, '->')) out.push(`      ${l}`);
    const used = usedByList(e, (x) => x);
    if (used) out.push(`      used by: ${used}`);
  }
  const plines = (ps: Problem[]) => ps.map((p) => `  ${p.file}:${p.line}:${p.column}  ${p.severity}  ${p.message}  [${p.code}]`);
  if (d.problems.introduced.length) out.push('', 'problems introduced', ...plines(d.problems.introduced));
  if (d.problems.fixed.length) out.push('', 'problems fixed', ...plines(d.problems.fixed));
  return out.join('\n') + '\n';
}

/** Measured figures whose evidence changed: old and new median, %, gap, files (src/lib/measure/diff.ts). */
function measurementsMarkdown(d: KitDiff): string[] {
  if (!d.measurements?.length) return [];
  const out = [`<details open><summary><b>Measured figures</b> (${d.measurements.length})</summary>`, ''];
  for (const m of d.measurements) {
    out.push(`- ${code(m.claim)} (${m.side}) **${m.kind}**`);
    for (const l of measurementLines(m, '→')) out.push(`  - ${md(l)}`);
  }
  out.push('', '</details>', '');
  return out;
}

function measurementsText(d: KitDiff): string[] {
  if (!d.measurements?.length) return [];
  return ['', 'measured figures', ...d.measurements.flatMap((m) => [`  ${SIGN[m.kind]} ${m.claim} (${m.side})`, ...measurementLines(m, '->').map((l) => `      ${l}`)])];
}

export function formatDiffJson(d: KitDiff, h: DiffHeader): string {
  return JSON.stringify({ base: h.base, commit: h.commit, ...d }, null, 2) + '\n';
}

export function formatDiff(format: DiffFormat, d: KitDiff, h: DiffHeader): string {
  return format === 'json' ? formatDiffJson(d, h) : format === 'text' ? formatDiffText(d, h) : formatDiffMarkdown(d, h);
}
