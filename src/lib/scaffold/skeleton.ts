/**
 * Skeleton entries for `fieldkit new <collection> <id>`: every required field present, facts left
 * as the placeholder `TODO` (check reports `placeholder` until an author fills them), sensible
 * defaults where there is one, a comment on each line saying what goes there. Pure: text out.
 */
import { COLLECTIONS, ID_PATTERN, PLACEHOLDER, plainContext, type CollectionName, type CollectionSpec } from '../../schemas/index.ts';
import { MEDIUM_PARAMS, SCENARIO_PARAMS } from '../../schemas/tco.ts';
import { MEDIUM_UNITS, SCENARIO_UNITS } from '../tco/tco.ts';

const T = PLACEHOLDER;

/** Singular and other friendly spellings accepted on the command line. */
const ALIASES: Record<string, CollectionName> = {
  cloud: 'clouds', play: 'plays', claim: 'claims', source: 'sources', scenario: 'tco',
  frd: 'frds', person: 'people', persons: 'people', review: 'reviews', signal: 'signals', partner: 'partners',
};

export function findCollection(name: string): CollectionSpec | undefined {
  const n = name.toLowerCase();
  const canonical = ALIASES[n] ?? n;
  return COLLECTIONS.find((c) => c.name === canonical);
}

/** Collections written by a command from a tool's output, never from a skeleton. */
export const WRITTEN_BY_COMMAND: Partial<Record<CollectionName, string>> = {
  measurements: '`./fieldkit measure import <claim> <result files>` writes measurements from the tool\'s own output',
};

export type SkeletonResult =
  | { ok: true; collection: CollectionName; id: string; path: string; collides: string[]; text: string }
  | { ok: false; message: string };

const FRD_NAME = /^customer-([a-z0-9]+)-([a-z0-9]+)-(\d{8})$/i;
const cap = (s: string) => (s === s.toLowerCase() ? s.charAt(0).toUpperCase() + s.slice(1) : s);

/**
 * The file to write for `new <collection> <id>`: its path from the project root, the other
 * paths that would give the same id (`.yml` next to `.yaml`), and its text.
 */
export function skeleton(spec: CollectionSpec, rawId: string, opts: { today: string; contentDir?: string }): SkeletonResult {
  const contentDir = opts.contentDir ?? 'src/content';
  const byCommand = WRITTEN_BY_COMMAND[spec.name];
  if (byCommand) return { ok: false, message: `${spec.name} are not written by hand: ${byCommand}` };
  let id = rawId.replace(/\.(ya?ml|md)$/i, '');
  let frdName: string | undefined;
  if (spec.name === 'frds') {
    const m = FRD_NAME.exec(id);
    if (!m) {
      return { ok: false, message: `an FRD id is its name, Customer-<Name>-<UseCase>-<YYYYMMDD> (letters and digits in each part), e.g. Customer-Media1-Checkpointing-20261015 (got "${rawId}")` };
    }
    frdName = `Customer-${cap(m[1]!)}-${cap(m[2]!)}-${m[3]}`;
    id = frdName.toLowerCase();
  } else if (spec.name === 'claims') {
    const parts = id.split('/');
    if (parts.length !== 2 || !parts.every((p) => ID_PATTERN.test(p))) {
      return { ok: false, message: `a claim id is <cloud>/<id> in lower case, e.g. azure/account-ingress (got "${rawId}")` };
    }
  } else if (spec.name === 'reviews' && !/^\d{4}-(0[1-9]|1[0-2])$/.test(id)) {
    return { ok: false, message: `a review id is its month, YYYY-MM, e.g. 2026-11 (got "${rawId}")` };
  } else if (id.includes('/') || !ID_PATTERN.test(id)) {
    return { ok: false, message: `an id is lower-case letters and digits joined by - or _, e.g. checkpoint-storms (got "${rawId}")` };
  }
  const exts = spec.kind === 'data' ? ['.yaml', '.yml'] : ['.md'];
  const path = `${contentDir}/${spec.dir}/${id}${exts[0]}`;
  const collides = exts.slice(1).map((e) => `${contentDir}/${spec.dir}/${id}${e}`);
  const ctx = { id, today: opts.today, frdName: frdName ?? id };
  const template = TEMPLATES[spec.name];
  const text = template ? template(ctx) : fromSchema(spec, ctx);
  return { ok: true, collection: spec.name, id, path, collides, text };
}

interface Ctx {
  id: string;
  today: string;
  frdName: string;
}

/** Aligns trailing comments so a skeleton reads as a form. */
function lines(rows: [text: string, comment?: string][]): string {
  const width = Math.max(...rows.filter(([, c]) => c).map(([t]) => t.length)) + 2;
  return rows.map(([t, c]) => (c ? `${t.padEnd(width)}# ${c}` : t)).join('\n') + '\n';
}

const base = (today: string, reviewEveryNote = 'days after `reviewed` until the entry is due for review'): [string, string?][] => [
  [`owner: ${T}`, 'the person who answers for it: an id from src/content/people/'],
  [`reviewed: ${today}`, 'the day the owner last confirmed it is right (YYYY-MM-DD)'],
  ['reviewEvery: 180', reviewEveryNote],
  ['audience: internal', 'who may see it: public | partner | internal'],
];

const prose = (rows: [string, string?][], body: string) => `---\n${lines(rows)}---\n${body}`;

/** Hand-written skeletons, with a note on every line; other collections come from their schema. */
const TEMPLATES: Partial<Record<CollectionName, (c: Ctx) => string>> = {
  claims: ({ id, today }) =>
    lines([
      [`# Claim ${id}: one competitor-gap figure with its source. Replace every TODO, then run ./fieldkit check.`],
      ...base(today, 'days after `asOf` (or `reviewed`, if later) until the figure is due for review'),
      [`cloud: ${id.split('/')[0]}`, 'the cloud this claim is about (from the folder)'],
      [`service: ${T}`, 'the competing service, e.g. Azure Blob Storage (GPv2)'],
      [`category: ${T}`, 'throughput | latency | operations | scale | cost'],
      [`statement: ${T}`, 'the claim in one sentence, as an SE would say it'],
      ['metric:'],
      [`  name: ${T}`, 'what is measured, e.g. Default max ingress per account'],
      [`  value: ${T}`, 'the number (no unit, no quotes), or TBD while nobody has a defensible figure'],
      [`  unit: ${T}`, 'unit of the value, e.g. Gbps'],
      [`  better: ${T}`, 'higher | lower: which direction is better for the customer'],
      [`status: ${T}`, 'sourced (vendor figure) | measured (our run, add repro) | provisional | tbd'],
      [`sources: [${T}]`, 'ids from src/content/sources/; write [] for a tbd claim'],
      [`asOf: ${T}`, 'when the figure was true (YYYY-MM-DD, the source\'s date); delete the line for a tbd claim'],
    ]),

  clouds: ({ id, today }) =>
    prose(
      [
        [`# Cloud ${id}: the one-pager for this cloud. Replace every TODO, then run ./fieldkit check (clouds/aws.md is a full example).`],
        ...base(today),
        [`name: ${T}`, 'display name, e.g. Microsoft Azure'],
        [`short: ${T}`, 'short name for navigation, e.g. Azure'],
        ['tier: hyperscaler', 'hyperscaler | tier2 (GPU / neo clouds)'],
        [`summary: ${T}`, 'one sentence: our position on this cloud'],
      ],
      '\n<!-- The narrative: where we complement and where we compete on this cloud. Link numbers as\n     [the ingress limit](claim:<cloud>/<claim id>) instead of typing them. -->\n',
    ),

  plays: ({ id, today }) =>
    prose(
      [
        [`# Play ${id}: a repeatable sales play. Replace every TODO, then run ./fieldkit check.`],
        ...base(today),
        [`title: ${T}`, 'play name, e.g. Checkpoint storms on Azure'],
        [`summary: ${T}`, 'one sentence: what the play wins'],
        [`clouds: [${T}]`, 'cloud ids the play runs on'],
        [`trigger: ${T}`, 'the signal in a deal that says: run this play'],
        ['discovery:', 'questions for the first meeting (at least one)'],
        [`  - ${T}`],
        ['proofPoints: []', 'claim ids that prove the point, e.g. [azure/account-ingress]'],
        ['status: draft', 'draft | piloting | validated'],
      ],
      '\n<!-- The talk track. Link numbers as [the ingress limit](claim:<cloud>/<claim id>). -->\n',
    ),

  sources: ({ id, today }) =>
    lines([
      [`# Source ${id}: a document or measurement that claims cite. Replace every TODO, then run ./fieldkit check.`],
      ...base(today),
      [`title: ${T}`, 'title of the document, page or measurement run'],
      [`publisher: ${T}`, 'who published it: vendor, analyst, our own lab'],
      [`url: ${T}`, 'http(s) URL; for a non-public source write `internal: <where the record is kept>` instead'],
      [`kind: ${T}`, 'vendor-doc | measurement | field-report | customer-anecdote | analyst | press'],
      [`retrieved: ${today}`, 'when we read it (YYYY-MM-DD)'],
      [`published: ${T}`, 'the document\'s own date (YYYY-MM-DD); delete the line if it shows none'],
    ]),

  tco: ({ id, today }) => {
    const group = (name: string, keys: readonly string[], units: Record<string, string>): [string, string?][] => [
      [`${name}:`],
      ...keys.flatMap((k): [string, string?][] => [
        [`  ${k}:`],
        [`    value: ${T}`, 'a number'],
        [`    unit: ${units[k]}`],
        [`    assumption: ${T}`, 'why this value; or replace the line with `source: <source id>`'],
      ]),
    ];
    return lines([
      [`# TCO scenario ${id}: HDD vs SSD inputs, each with its unit and a source or an assumption. Replace every TODO, then run ./fieldkit check.`],
      ...base(today),
      [`title: ${T}`, 'scenario name, e.g. AI data lake, 10 PB effective'],
      [`description: ${T}`, 'the situation it models, in one or two sentences'],
      ...group('scenario', SCENARIO_PARAMS, SCENARIO_UNITS),
      ...group('hdd', MEDIUM_PARAMS, MEDIUM_UNITS),
      ...group('ssd', MEDIUM_PARAMS, MEDIUM_UNITS),
    ]);
  },

  triage: ({ id, today }) =>
    lines([
      [`# Triage ${id}: RFP questions whose answers push to green, yellow or red. Replace every TODO, then run ./fieldkit check.`],
      ...base(today),
      [`title: ${T}`],
      [`description: ${T}`, 'what the triage is for and how to use it'],
      ['questions:'],
      [`  - key: ${T}`, 'stable key: lower-case letters, digits and dashes'],
      [`    text: ${T}`, 'the question as asked of the RFP'],
      [`    why: ${T}`, 'why it matters for the bid'],
      ['    choices:', 'or, for a number question, `number: {unit, bands: [{below, verdict, label}]}`'],
      [`      - value: ${T}`, 'lower-case letters, digits and dashes'],
      [`        label: ${T}`],
      [`        verdict: ${T}`, 'green | yellow | red'],
      [`      - value: ${T}`],
      [`        label: ${T}`],
      [`        verdict: ${T}`],
      ['rule:'],
      ['  yellowAt: 1', 'this many yellow answers make the verdict yellow (any red makes it red)'],
      ['next:', 'the next step for each verdict'],
      [`  green: ${T}`],
      [`  yellow: ${T}`],
      [`  red: ${T}`],
    ]),

  frds: ({ id, today, frdName }) =>
    prose(
      [
        [`# FRD ${frdName}: a feature requirement from a deal. Replace every TODO, then run ./fieldkit check.`],
        ...base(today),
        [`name: ${frdName}`, `must match the file name (${id}.md)`],
        [`title: ${T}`, 'one-line title'],
        [`clouds: [${T}]`, 'cloud ids it applies to'],
        ['status: proposed', 'proposed | accepted | in-progress | shipped | declined'],
        ['decisions:', 'the decision log, oldest first'],
        [`  - date: ${today}`],
        [`    decision: ${T}`],
        [`    by: ${T}`, 'a people id'],
        ['metrics:', 'what success is measured by'],
        [`  - name: ${T}`],
        [`    target: ${T}`],
        [`crm: ${T}`, 'the CRM opportunity URL; delete the line if there is none'],
      ],
      '\n<!-- Context from the deal: the customer\'s situation (anonymized), what they asked for, and why. -->\n',
    ),

  people: ({ id }) =>
    lines([
      [`# Person ${id}: someone who owns entries (a role, not contact details). Replace every TODO, then run ./fieldkit check.`],
      [`name: ${T}`, 'display name'],
      [`role: ${T}`, 'role in the organisation, e.g. Product lead, multi-cloud'],
    ]),
};

// ---------------------------------------------------------------------------------------------
// Skeletons read off the schema, for collections without a hand-written one
// ---------------------------------------------------------------------------------------------

/** The parts of a Zod 4 schema definition the walker reads. */
interface ZodLike {
  _zod?: {
    def: {
      type: string;
      innerType?: ZodLike;
      in?: ZodLike;
      out?: ZodLike;
      shape?: Record<string, ZodLike>;
      element?: ZodLike;
      checks?: { _zod: { def: { check: string; minimum?: number; length?: number } } }[];
    };
  };
}

/** Values with an honest default for a new entry, per collection (the rest are TODO). */
const PREFILL: Partial<Record<CollectionName, (c: Ctx) => Record<string, string>>> = {
  reviews: ({ id }) => ({ month: id }),
  signals: ({ today }) => ({ date: today, status: 'new' }),
};

const def = (z: ZodLike | undefined) => z?._zod?.def;

/** How many items a required list needs: its `.min(n)` or `.length(n)`. */
function minItems(z: ZodLike): number {
  let n = 0;
  for (const c of def(z)?.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'min_length' && d.minimum !== undefined) n = Math.max(n, d.minimum);
    if (d.check === 'length_equals' && d.length !== undefined) n = Math.max(n, d.length);
  }
  return n;
}

/** YAML lines for the required part of a schema: objects by key, lists at their minimum length. */
function required(z: ZodLike, indent: string, prefill: Record<string, string> = {}): string[] | undefined {
  const d = def(z);
  if (!d || d.type === 'optional' || d.type === 'default' || d.type === 'prefault') return undefined;
  if (d.type === 'object') {
    const out: string[] = [];
    for (const [key, field] of Object.entries(d.shape ?? {})) {
      if (key in prefill) {
        out.push(`${indent}${key}: ${prefill[key]}`);
        continue;
      }
      const fd = def(field);
      if (fd?.type === 'object') {
        const inner = required(field, `${indent}  `);
        if (inner) out.push(`${indent}${key}:`, ...(inner.length ? inner : [`${indent}  {}`]));
      } else if (fd?.type === 'array') {
        const items = arrayItems(field, `${indent}  `);
        if (items) out.push(...(items.length ? [`${indent}${key}:`, ...items] : [`${indent}${key}: []`]));
      } else if (required(field, indent)) {
        out.push(`${indent}${key}: ${T}`);
      }
    }
    return out;
  }
  return [];
}

function arrayItems(z: ZodLike, indent: string): string[] | undefined {
  const d = def(z);
  if (!d || d.type !== 'array') return undefined;
  const out: string[] = [];
  for (let i = 0; i < minItems(z); i++) {
    const ed = def(d.element);
    if (ed?.type === 'object') {
      const lines = required(d.element!, `${indent}  `) ?? [];
      if (!lines.length) out.push(`${indent}- {}`);
      else out.push(`${indent}- ${lines[0]!.trimStart()}`, ...lines.slice(1));
    } else out.push(`${indent}- ${T}`);
  }
  return out;
}

function fromSchema(spec: CollectionSpec, ctx: Ctx): string {
  const schema = spec.schema(plainContext) as unknown as ZodLike;
  const shape = def(schema)?.shape ?? {};
  const rows: [string, string?][] = [
    [`# ${spec.label} ${ctx.id}: see docs/fields.md#${spec.name} for what each field holds. Replace every TODO, then run ./fieldkit check.`],
  ];
  const prefill = PREFILL[spec.name]?.(ctx) ?? {};
  if ('owner' in shape && 'reviewed' in shape) rows.push(...base(ctx.today));
  const skip = new Set(['owner', 'reviewed', 'reviewEvery', 'audience'].filter((k) => 'owner' in shape && k in shape));
  const rest = Object.fromEntries(Object.entries(shape).filter(([k]) => !skip.has(k)));
  const fields = required({ _zod: { def: { type: 'object', shape: rest } } }, '', prefill) ?? [];
  rows.push(...fields.map((l): [string] => [l]));
  return spec.kind === 'prose'
    ? prose(rows, '\n<!-- The body: notes and discussion, in Markdown. Link numbers as [text](claim:<cloud>/<claim id>). -->\n')
    : lines(rows);
}
