/**
 * A deterministic generator of synthetic field kits for the benchmark: N entries spread across
 * every collection, sized like the real content (400–800 words of Markdown prose with GFM tables,
 * lists, links between entries and claim links in clouds, plays and FRDs; claims with sources;
 * TCO scenarios; people). The same seed, N and `now` always give byte-identical files.
 *
 * Everything it writes says it is synthetic: titles start with "Synthetic", every body opens with
 * a notice, every claim is `tbd` or `provisional`, or `sourced` from a source titled "Synthetic
 * benchmark source …" on example.com. Nothing here is a real figure.
 *
 * `floorFiles` turns the same entries into one-collection Markdown for the bare Astro floor
 * (bench/floor/): one page per entry carrying the same text.
 */
import { stringify } from 'yaml';
import type { CollectionName } from '../src/schemas/index.ts';
import { MEDIUM_PARAMS, SCENARIO_PARAMS } from '../src/schemas/tco.ts';

export interface GenerateOptions {
  /** Number of entries across all collections (at least 20). */
  n: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Today, YYYY-MM-DD: every date is on or before it and nothing is due for review. */
  now?: string;
}

export interface GeneratedEntry {
  collection: CollectionName;
  id: string;
  /** Path from the project root, e.g. `src/content/claims/syn-cloud-01/syn-claim-0001.yaml`. */
  path: string;
  /** The file's text. */
  text: string;
  /** Display title (starts with "Synthetic"). */
  title: string;
  /** Frontmatter or YAML data. */
  data: Record<string, unknown>;
  /** Markdown body (prose collections only). */
  body?: string;
}

export interface GeneratedKit {
  n: number;
  seed: number;
  now: string;
  entries: GeneratedEntry[];
  counts: Record<CollectionName, number>;
}

export const DEFAULT_NOW = '2026-11-26';
export const MIN_N = 20;

/** Share of N per collection; claims take what is left (about half, as in the real kit). */
const SHARES: [CollectionName, number, number][] = [
  // collection, share, minimum
  ['people', 0.02, 1],
  ['clouds', 0.02, 1],
  ['plays', 0.12, 1],
  ['frds', 0.07, 1],
  ['tco', 0.02, 1],
  ['triage', 0.005, 1],
  ['sources', 0.2, 1],
  ['reviews', 0.005, 1],
  ['signals', 0.04, 1],
  ['partners', 0.01, 1],
];

export function collectionCounts(n: number): Record<CollectionName, number> {
  if (!Number.isInteger(n) || n < MIN_N) throw new RangeError(`N must be an integer of at least ${MIN_N} (got ${n})`);
  const counts = { claims: 0 } as Record<CollectionName, number>;
  let used = 0;
  for (const [c, share, min] of SHARES) {
    counts[c] = Math.max(min, Math.round(n * share));
    used += counts[c];
  }
  counts.claims = n - used;
  return counts;
}

/** mulberry32: small, fast, good enough for synthetic text; identical on every platform. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
function pickSome<T>(r: Rng, xs: readonly T[], k: number): T[] {
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < k && pool.length) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0]!);
  return out;
}
const pad = (i: number, w = 4) => String(i).padStart(w, '0');
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Vocabulary: domain phrases for readable sentences, plus a pseudo-word lexicon drawn with a
// Zipf-like (log-uniform) distribution so the vocabulary, and the search index, grow with N the
// way real prose does instead of saturating at a few hundred words.

const WORKLOADS = [
  'checkpointing', 'model training', 'fine-tuning', 'feature stores', 'vector databases', 'streaming pipelines',
  'inference caching', 'data lake analytics', 'log retention', 'media rendering', 'genomics pipelines', 'backup and restore',
];
const SUBJECTS = [
  'the customer', 'the platform team', 'the data engineering lead', 'the training cluster', 'every storage account',
  'each bucket', 'the incumbent array', 'the GPU fleet', 'the ingest tier', 'the metadata service', 'the SE on the deal',
  'the procurement team', 'the alliance manager', 'the pilot environment', 'the staging tier', 'the hot partition',
];
const VERBS = [
  'hits', 'outgrows', 'saturates', 'works around', 'measures', 'shards', 'throttles', 'stages', 'replicates', 'caches',
  'compacts', 'rebalances', 'reports', 'doubles', 'queues', 'retries', 'tolerates', 'absorbs', 'prices', 'schedules',
];
const OBJECTS = [
  'the per-account ingress ceiling', 'the request-rate target', 'small-object latency', 'a checkpoint burst',
  'the namespace limit', 'the lifecycle policy', 'the egress quota', 'the restore window', 'the write fan-out',
  'the metadata storm', 'the replication lag', 'the capacity reservation', 'the marketplace listing',
  'the commit drawdown', 'the rack power budget', 'the failure domain', 'the noisy neighbour', 'the p99 tail',
];
const QUALIFIERS = [
  'during a synchronous save', 'at peak training load', 'in the listed regions', 'outside the default quota',
  'after a node failure', 'when the cluster doubles', 'under a mixed read and write load', 'on the first day of a pilot',
  'once the data set passes a petabyte', 'with the default configuration', 'across three availability zones',
  'for every model revision', 'while compaction runs', 'in a multi-tenant deployment',
];
const LEADS = [
  'Open with their clock, not ours.', 'Name the workaround before they do.', 'Offer the measurement, not a number.',
  'Close on the ask.', 'Keep the story to one workload.', 'Quote the limit with its date.', 'Let the engineers run the test.',
  'Show the staging step for what it costs.', 'Ask about restores before throughput.', 'Price the whole tier, not the drive.',
];
const ASKS = [
  'a joint lighthouse with agreed success criteria', 'a co-sell scenario in the marketplace', 'minimal integration for sign-in',
  'billing through the customer commitment', 'shared observability dashboards', 'a reference architecture review',
];
const UNITS = ['Gbps', 'requests/s', 'ms', 'TB', 'PB', 'GB/s', 'objects/s', 'IOPS', 'minutes', '$ per TB-month'];
const CATEGORIES = ['throughput', 'latency', 'operations', 'scale', 'cost'] as const;
const SOURCE_KINDS = ['vendor-doc', 'measurement', 'field-report', 'analyst', 'press'] as const;
const USECASES = ['Checkpointing', 'FeatureStore', 'VectorSearch', 'Ingest', 'Archive', 'Inference', 'Training', 'Analytics'];
const SYLLABLES = [
  'ka', 'ro', 'ven', 'tal', 'mi', 'sor', 'qu', 'ex', 'dra', 'lin', 'pho', 'zen', 'bri', 'cal', 'nu', 'tor', 'vel', 'mar',
  'sti', 'gon', 'ple', 'fa', 'rid', 'ost', 'un', 'cer', 'li', 'dun', 'ax', 'pri', 'mol', 'ty', 'wes', 'har', 'bo', 'jen',
];
const LEXICON_SIZE = 40_000;

class Writer {
  private readonly lexicon = new Map<number, string>();
  readonly r: Rng;
  constructor(r: Rng) {
    this.r = r;
  }

  /** The k-th pseudo-word; the same k always spells the same word. */
  private word(k: number): string {
    let w = this.lexicon.get(k);
    if (w === undefined) {
      let x = k + 7;
      w = '';
      do {
        w += SYLLABLES[x % SYLLABLES.length];
        x = Math.floor(x / SYLLABLES.length);
      } while (x > 0 || w.length < 5);
      this.lexicon.set(k, w);
    }
    return w;
  }

  /** A pseudo-word, frequent ones far more often than rare ones. */
  rare(): string {
    return this.word(Math.floor(Math.pow(LEXICON_SIZE, this.r()) - 1));
  }

  sentence(): string {
    const r = this.r;
    switch (int(r, 0, 7)) {
      case 0: return `${cap(pick(r, SUBJECTS))} ${pick(r, VERBS)} ${pick(r, OBJECTS)} ${pick(r, QUALIFIERS)}.`;
      case 1: {
        const [a, b] = pickSome(r, OBJECTS, 2);
        return `In the synthetic ${this.rare()} scenario, ${a} matters more than ${b}.`;
      }
      case 2: return `Ask ${pick(r, SUBJECTS)} how ${pick(r, OBJECTS)} behaves ${pick(r, QUALIFIERS)}, and write the answer down.`;
      case 3: return `For ${pick(r, WORKLOADS)}, ${pick(r, SUBJECTS)} usually ${pick(r, VERBS)} ${pick(r, OBJECTS)} first; the ${this.rare()} team saw the same pattern.`;
      case 4: {
        const [a, b] = pickSome(r, WORKLOADS, 2);
        return `${cap(a!)} and ${b} share ${pick(r, OBJECTS)}, so size them together.`;
      }
      case 5: return `The ${this.rare()} ${this.rare()} pilot ${pick(r, VERBS)} ${pick(r, OBJECTS)} ${pick(r, QUALIFIERS)}.`;
      case 6: return `Nobody should quote ${pick(r, OBJECTS)} without its source and date.`;
      default: return `When ${pick(r, SUBJECTS)} ${pick(r, VERBS)} ${pick(r, OBJECTS)}, ${pick(r, SUBJECTS)} ${pick(r, VERBS)} ${pick(r, OBJECTS)} ${pick(r, QUALIFIERS)}.`;
    }
  }

  sentences(lo: number, hi: number): string {
    return Array.from({ length: int(this.r, lo, hi) }, () => this.sentence()).join(' ');
  }

  /** A short phrase for list items, table cells and titles. */
  phrase(): string {
    return `${pick(this.r, OBJECTS).replace(/^the |^a /, '')} ${pick(this.r, QUALIFIERS)}`;
  }

  question(): string {
    return `How does ${pick(this.r, OBJECTS)} behave ${pick(this.r, QUALIFIERS)}?`;
  }
}

/** Words as a reader counts them: link targets, table rules and Markdown markers do not count. */
export function countWords(markdown: string): number {
  const text = markdown
    .replace(/```[\s\S]*?```/g, (m) => m.replace(/```\w*/g, ''))
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/^\|?[\s|:-]+\|?$/gm, '')
    .replace(/[#*|>[\]`-]/g, ' ');
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

interface Ids {
  people: string[];
  clouds: string[];
  plays: string[];
  claims: string[];
  claimsByCloud: Map<string, string[]>;
  sources: string[];
  tco: string[];
  triage: string[];
  frds: string[];
  frdDates: string[];
  reviews: string[];
  signals: string[];
  partners: string[];
}

const NOTICE =
  '*Synthetic benchmark text generated by `bench/generate.ts`: no name, number or statement on this page is real.*';

/**
 * A Markdown body of `target` words (400–800 in practice): sections of prose with claim links and
 * links to other entries, a GFM table, bullet and numbered lists, sometimes a shell block.
 */
function body(w: Writer, target: number, claims: string[], links: [string, string][]): string {
  const r = w.r;
  const claimLink = () => `[${pick(r, OBJECTS).replace(/^the |^a /, '')}](claim:${pick(r, claims)})`;
  const entryLink = () => {
    const [label, href] = pick(r, links);
    return `[${label}](${href})`;
  };
  const paragraph = () => {
    const parts = [w.sentences(2, 4)];
    if (claims.length && r() < 0.7) parts.push(`The figure to quote is ${claimLink()}, never a retyped number.`);
    if (links.length && r() < 0.5) parts.push(`See ${entryLink()} for the related synthetic entry.`);
    parts.push(w.sentences(1, 3));
    return parts.join(' ');
  };
  const table = () => {
    const rows = int(r, 3, 6);
    const head = '| Workload | Gap | Evidence | Next step |\n|---|---|---|---|';
    const lines = Array.from({ length: rows }, () =>
      `| ${cap(pick(r, WORKLOADS))} | ${cap(w.phrase())} | ${claims.length ? claimLink() : 'TBD'} | ${cap(pick(r, ASKS))} |`);
    return [head, ...lines].join('\n');
  };
  const bullets = () => Array.from({ length: int(r, 3, 6) }, () => `- ${cap(w.phrase())}: ${w.sentence()}`).join('\n');
  const numbered = () => Array.from({ length: int(r, 3, 5) }, (_, i) => `${i + 1}. ${w.question()}`).join('\n');
  const code = () =>
    '```sh\n' +
    `fio --name=synthetic-${w.rare()} --rw=write --bs=${pick(r, ['1m', '4m', '16m'])} --size=${int(r, 8, 256)}g --numjobs=${int(r, 4, 64)}\n` +
    '```';

  const blocks: string[] = [NOTICE, `**${pick(r, LEADS)}** ${paragraph()}`];
  // Every body carries a table and lists, like the real one-pagers and talk tracks; they are
  // written first so the prose around them can stop at the target length.
  const pending = [table(), bullets(), numbered(), ...(r() < 0.4 ? [code()] : [])];
  let pendingWords = pending.reduce((s, b) => s + countWords(b), 0);
  let words = countWords(blocks.join('\n\n'));
  for (let section = 0; words + pendingWords < target; section++) {
    const block: string[] = [];
    if (section % 2 === 0) block.push(`## ${cap(w.phrase())}`);
    block.push(paragraph());
    if (pending.length && r() < 0.6) {
      const extra = pending.shift()!;
      pendingWords -= countWords(extra);
      block.push(extra);
    }
    const text = block.join('\n\n');
    blocks.push(text);
    words += countWords(text);
  }
  blocks.push(...pending);
  return blocks.join('\n\n') + '\n';
}

function frontmatter(data: Record<string, unknown>, markdown: string): string {
  return `---\n${yaml(data)}---\n${markdown}`;
}

const yaml = (data: unknown) => stringify(data, { lineWidth: 100 });

/** Generates the kit. Pure: the same options always give the same entries and texts. */
export function generateKit(opts: GenerateOptions): GeneratedKit {
  const n = opts.n;
  const seed = opts.seed ?? 1;
  const now = opts.now ?? DEFAULT_NOW;
  const counts = collectionCounts(n);
  const r = prng(seed);
  const w = new Writer(r);
  const daysAgo = (lo: number, hi: number) => addDays(now, -int(r, lo, hi));

  // Ids first, so every reference and claim link points at an entry that exists.
  const range = (k: number) => Array.from({ length: k }, (_, i) => i + 1);
  const clouds = range(counts.clouds).map((i) => `syn-cloud-${pad(i, 2)}`);
  const claimsByCloud = new Map<string, string[]>(clouds.map((c) => [c, []]));
  const claims = range(counts.claims).map((i) => {
    const cloud = clouds[(i - 1) % clouds.length]!;
    const id = `${cloud}/syn-claim-${pad(i)}`;
    claimsByCloud.get(cloud)!.push(id);
    return id;
  });
  const frdDates = range(counts.frds).map(() => daysAgo(60, 330));
  const ids: Ids = {
    people: range(counts.people).map((i) => `syn-person-${pad(i, 2)}`),
    clouds,
    plays: range(counts.plays).map((i) => `syn-play-${pad(i)}`),
    claims,
    claimsByCloud,
    sources: range(counts.sources).map((i) => `syn-source-${pad(i)}`),
    tco: range(counts.tco).map((i) => `syn-tco-${pad(i, 2)}`),
    triage: range(counts.triage).map((i) => `syn-triage-${pad(i, 2)}`),
    frds: range(counts.frds).map((i) => `customer-synth${pad(i)}-${pick(r, USECASES).toLowerCase()}-${frdDates[i - 1]!.replace(/-/g, '')}`),
    frdDates,
    // One review per month, going back from this month.
    reviews: range(counts.reviews).map((i) => {
      const [y, m] = now.split('-').map(Number) as [number, number];
      const k = y * 12 + (m - 1) - (i - 1);
      return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
    }),
    signals: range(counts.signals).map((i) => `syn-signal-${pad(i)}`),
    partners: range(counts.partners).map((i) => `syn-partner-${pad(i, 3)}`),
  };
  const owner = () => pick(r, ids.people);
  const entries: GeneratedEntry[] = [];
  const add = (collection: CollectionName, id: string, ext: string, title: string, data: Record<string, unknown>, md?: string) => {
    const path = `src/content/${collection}/${id}.${ext}`;
    entries.push({ collection, id, path, title, data, body: md, text: md === undefined ? yaml(data) : frontmatter(data, md) });
  };
  const proseTarget = () => int(r, 400, 650);
  const links = (): [string, string][] => [
    ...pickSome(r, ids.plays, 3).map((p): [string, string] => [`synthetic play ${p.slice(-4)}`, `/plays/${p}/`]),
    ...pickSome(r, ids.clouds, 1).map((c): [string, string] => [`synthetic cloud ${c.slice(-2)}`, `/clouds/${c}/`]),
    ...pickSome(r, ids.tco, 1).map((t): [string, string] => [`synthetic TCO scenario ${t.slice(-2)}`, `/tco/${t}/`]),
    ...pickSome(r, ids.frds, 1).map((f): [string, string] => [`synthetic FRD ${f.split('-')[1]}`, `/frds/${f}/`]),
  ];
  const cloudClaims = (cs: string[]) => cs.flatMap((c) => ids.claimsByCloud.get(c)!);

  ids.people.forEach((id, i) => {
    add('people', id, 'yaml', `Synthetic person ${i + 1}`, { name: `Synthetic person ${i + 1}`, role: `Synthetic benchmark owner, ${pick(r, WORKLOADS)}` });
  });

  ids.sources.forEach((id, i) => {
    const retrieved = daysAgo(1, 150);
    const title = `Synthetic benchmark source ${pad(i + 1)}: ${w.phrase()}`;
    const data: Record<string, unknown> = {
      owner: owner(), reviewed: retrieved, audience: pick(r, ['public', 'partner', 'internal']),
      title, publisher: 'Synthetic benchmark generator',
    };
    if (r() < 0.85) data.url = `https://example.com/synthetic/${id}`;
    else data.internal = `Synthetic benchmark record ${id}, not a real document`;
    Object.assign(data, { kind: pick(r, SOURCE_KINDS), retrieved });
    if (r() < 0.7) data.published = addDays(retrieved, -int(r, 0, 400));
    if (r() < 0.5) data.note = `Synthetic: ${w.sentences(1, 2)}`;
    add('sources', id, 'yaml', title, data);
  });

  const statuses = ['sourced', 'sourced', 'provisional', 'provisional', 'tbd'] as const;
  ids.claims.forEach((id, i) => {
    const cloud = id.split('/')[0]!;
    const status = pick(r, statuses);
    const value = status === 'tbd' ? 'TBD' : Math.round(Math.pow(10, 1 + r() * 4));
    const unit = pick(r, UNITS);
    const reviewed = daysAgo(1, 120);
    const statement = `Synthetic: ${cap(pick(r, SUBJECTS))} ${pick(r, VERBS)} ${pick(r, OBJECTS)} ${pick(r, QUALIFIERS)}.`;
    const data: Record<string, unknown> = {
      owner: owner(), reviewed, cloud, service: `Synthetic ${w.rare()} storage service`, category: pick(r, CATEGORIES), statement,
      metric: { name: `Synthetic ${w.phrase()}`, value, unit, better: pick(r, ['higher', 'lower']), qualifier: 'synthetic benchmark value, not a real figure' },
    };
    if (r() < 0.4) data.ours = { label: 'Our platform, same synthetic test (to be measured)', value: 'TBD', unit };
    data.status = status;
    const asOf = addDays(reviewed, -int(r, 0, 60));
    if (status === 'sourced') data.sources = pickSome(r, ids.sources, int(r, 1, 2));
    else if (status === 'provisional' && r() < 0.5) data.sources = pickSome(r, ids.sources, 1);
    if (status !== 'tbd') data.asOf = asOf;
    if (r() < 0.15) {
      data.repro = {
        environment: `Synthetic environment: ${int(r, 2, 64)} nodes, ${pick(r, ['region a', 'region b', 'region c'])}`,
        steps: [
          { run: `fio --name=synthetic-${pad(i + 1)} --rw=write --bs=4m --size=64g`, note: `Synthetic step: ${w.sentence()}`, expect: 'A synthetic number, not a real one.' },
          { note: `Synthetic step: ${w.sentence()}` },
        ],
      };
    }
    const own = ids.claimsByCloud.get(cloud)!;
    const rank = own.indexOf(id) + 1;
    if (rank <= 3) data.dagger = { rank };
    if (status === 'sourced' && r() < 0.2) {
      data.history = [
        { date: addDays(asOf, -int(r, 200, 700)), value: Math.round((value as number) / 2), note: 'Synthetic earlier value', source: pick(r, ids.sources) },
      ];
    }
    add('claims', id, 'yaml', statement, data);
  });

  ids.tco.forEach((id, i) => {
    const base: Record<string, [number, string]> = {
      capacityTB: [10000, 'TB effective'], years: [10, 'years'], requiredGBps: [100, 'GB/s aggregate'], dutyIdle: [0.1, 'fraction of time'],
      dutyRead: [0.8, 'fraction of time'], dutyWrite: [0.1, 'fraction of time'], pricePerKWh: [0.08, '$/kWh'], pue: [1.5, 'ratio'],
      energyEscalation: [0.015, 'fraction per year'], rackU: [42, 'U per rack'], rackKW: [14, 'kW per rack'], rackMonthPrice: [1500, '$ per rack-month'],
    };
    const medium = (ssd: boolean): Record<string, [number, string]> => ({
      driveTB: [ssd ? 30.72 : 22, 'TB raw'], pricePerTB: [ssd ? 85 : 15, '$ per TB'], driveGBps: [ssd ? 3.2 : 0.28, 'GB/s'],
      wattsIdle: [ssd ? 5 : 5.7, 'W'], wattsRead: [ssd ? 15 : 9.4, 'W'], wattsWrite: [ssd ? 20 : 6.4, 'W'], drivesPerNode: [ssd ? 24 : 60, 'drives'],
      nodePrice: [ssd ? 25000 : 20000, '$'], nodeWatts: [ssd ? 500 : 400, 'W'], nodeU: [ssd ? 2 : 4, 'U'], afr: [0.015, 'fraction per year'],
      replaceCost: [100, '$ per failed drive (labour)'], replaceDriveShare: [1, 'fraction of the current drive price per failed drive'], serviceLifeYears: [ssd ? 10 : 5, 'years'], dataReduction: [1, 'ratio'],
      protectionOverhead: [1.25, 'ratio'], maxFill: [0.8, 'fraction'],
    });
    const params = (keys: readonly string[], vals: Record<string, [number, string]>) =>
      Object.fromEntries(keys.map((k) => {
        const [v, unit] = vals[k]!;
        // Jitter the durations and fractions gently so the model stays in range.
        const jitter = k === 'years' || k === 'serviceLifeYears' || k === 'rackU' || k === 'drivesPerNode' || k === 'nodeU' || k.startsWith('duty') || k === 'maxFill' || k === 'replaceDriveShare' || k === 'dataReduction' || k === 'protectionOverhead' ? 1 : 0.7 + r() * 0.6;
        const value = Number((v * jitter).toPrecision(4));
        return [k, r() < 0.3
          ? { value, unit, source: pick(r, ids.sources) }
          : { value, unit, assumption: `Synthetic benchmark value, not a real figure (${w.phrase()})` }];
      }));
    const title = `Synthetic TCO scenario ${pad(i + 1, 2)}: ${w.phrase()}`;
    add('tco', id, 'yaml', title, {
      owner: owner(), reviewed: daysAgo(1, 120), title, description: `Synthetic: ${w.sentences(2, 3)}`,
      scenario: params(SCENARIO_PARAMS, base), hdd: params(MEDIUM_PARAMS, medium(false)), ssd: params(MEDIUM_PARAMS, medium(true)),
    });
  });

  ids.triage.forEach((id, i) => {
    const title = `Synthetic RFP triage ${pad(i + 1, 2)}`;
    const questions = Array.from({ length: int(r, 5, 8) }, (_, q) =>
      q % 2 === 0
        ? { key: `q${q + 1}`, text: w.question(), why: `Synthetic: ${w.sentence()}`, choices: [
          { value: 'strict', label: cap(w.phrase()), verdict: 'red' },
          { value: 'mixed', label: cap(w.phrase()), verdict: 'yellow' },
          { value: 'none', label: cap(w.phrase()), verdict: 'green' }] }
        : { key: `q${q + 1}`, text: w.question(), why: `Synthetic: ${w.sentence()}`, number: { unit: pick(r, UNITS), bands: [
          { below: 1, verdict: 'red', label: cap(w.phrase()) },
          { below: 100, verdict: 'yellow', label: cap(w.phrase()) },
          { verdict: 'green', label: cap(w.phrase()) }] } });
    add('triage', id, 'yaml', title, {
      owner: owner(), reviewed: daysAgo(1, 120), title, description: `Synthetic: ${w.sentences(2, 4)}`,
      questions, rule: { yellowAt: 2 }, next: { green: `Bid: ${w.phrase()}`, yellow: `Clarify: ${w.phrase()}`, red: `No-bid: ${w.phrase()}` },
    });
  });

  ids.frds.forEach((id, i) => {
    const date = ids.frdDates[i]!;
    const [, who, usecase] = id.split('-');
    const name = `Customer-${cap(who!)}-${USECASES.find((u) => u.toLowerCase() === usecase)!}-${date.replace(/-/g, '')}`;
    const frdClouds = pickSome(r, ids.clouds, int(r, 1, 2));
    const title = `Synthetic FRD ${pad(i + 1)}: ${w.phrase()}`;
    const data = {
      owner: owner(), reviewed: daysAgo(1, 59), name, title, clouds: frdClouds,
      status: pick(r, ['proposed', 'accepted', 'in-progress', 'shipped', 'declined']),
      decisions: Array.from({ length: int(r, 2, 4) }, (_, k) => ({ date: addDays(date, k * int(r, 5, 15)), decision: `Synthetic: ${w.sentence()}`, by: owner() })),
      metrics: Array.from({ length: int(r, 2, 4) }, () => ({ name: cap(w.phrase()), target: 'TBD (synthetic)', current: 'Not measured' })),
      crm: `https://crm.example.com/synthetic/${id}`,
      seNotes: Array.from({ length: int(r, 2, 4) }, () => `Synthetic: ${w.sentence()}`),
    };
    add('frds', id, 'md', title, data, body(w, proseTarget(), cloudClaims(frdClouds), links()));
  });

  ids.clouds.forEach((id, i) => {
    const own = ids.claimsByCloud.get(id)!;
    const title = `Synthetic cloud ${pad(i + 1, 2)}`;
    const data = {
      owner: owner(), reviewed: daysAgo(1, 120), name: title, short: `Syn ${pad(i + 1, 2)}`, tier: r() < 0.7 ? 'hyperscaler' : 'tier2', order: i + 1,
      summary: `Synthetic: ${w.sentence()}`,
      aiPlatforms: [`Synthetic ${w.rare()} AI platform`],
      posture: Array.from({ length: int(r, 3, 5) }, () => ({ area: cap(pick(r, WORKLOADS)), stance: pick(r, ['complement', 'compete', 'both']), why: w.sentence() })),
      workloads: pickSome(r, WORKLOADS, int(r, 3, 5)).map((name) => ({ name: cap(name), why: w.sentence() })),
      integrations: Array.from({ length: int(r, 2, 4) }, (_, k) => ({
        name: `Synthetic ${w.rare()} integration`, status: pick(r, ['available', 'preview', 'planned', 'gap']), note: w.sentence(),
        ...(k === 0 && ids.frds.length ? { frd: pick(r, ids.frds) } : {}),
      })),
      packaging: { marketplace: `Synthetic marketplace listing ${pad(i + 1, 2)}`, billing: `Synthetic: ${w.sentence()}`, listing: `https://example.com/synthetic/marketplace/${id}` },
      pricingPosture: `Synthetic: ${w.sentences(1, 2)}`,
      lighthouseTargets: Array.from({ length: 2 }, () => ({ profile: `Synthetic ${pick(r, WORKLOADS)} profile`, why: w.sentence() })),
      dagger: {
        title: `Where synthetic cloud ${pad(i + 1, 2)} storage breaks, and where we plug in`,
        framing: `Synthetic: ${w.sentences(2, 3)}`,
        anecdote: { text: `Synthetic anecdote: ${w.sentences(2, 3)}`, source: pick(r, ids.sources) },
        fit: `Synthetic: ${w.sentences(1, 2)} Measured deltas are TBD.`,
        ask: pickSome(r, ASKS, 3).map(cap),
        rubric: Array.from({ length: 3 }, () => cap(w.phrase())),
      },
      faq: Array.from({ length: int(r, 3, 5) }, () => ({ q: w.question(), a: w.sentences(2, 3) })),
    };
    // A one-pager is the longest prose in the kit (the real ones run to about 1000 words with
    // their frontmatter); its body stays in the 400–800 band like every other.
    add('clouds', id, 'md', title, data, body(w, proseTarget(), own.length ? own : ids.claims, links()));
  });

  ids.plays.forEach((id, i) => {
    const playClouds = pickSome(r, ids.clouds, int(r, 1, 2));
    const pool = cloudClaims(playClouds);
    const proofs = pickSome(r, pool.length ? pool : ids.claims, int(r, 2, 5));
    const title = `Synthetic play ${pad(i + 1)}: ${w.phrase()}`;
    const data: Record<string, unknown> = {
      owner: owner(), reviewed: daysAgo(1, 120), title, summary: `Synthetic: ${w.sentence()}`, clouds: playClouds,
      workloads: pickSome(r, WORKLOADS, int(r, 1, 3)).map(cap), trigger: `Synthetic: ${w.sentences(1, 2)}`,
      qualifying: Array.from({ length: int(r, 2, 4) }, () => w.question()),
      discovery: Array.from({ length: int(r, 3, 5) }, () => w.question()),
      objections: Array.from({ length: int(r, 2, 4) }, (_, k) => ({
        objection: `Synthetic objection: ${w.sentence()}`, response: w.sentences(1, 3), ...(k < proofs.length ? { proof: proofs[k] } : {}),
      })),
      proofPoints: proofs,
      tco: pick(r, ids.tco),
      frds: pickSome(r, ids.frds, int(r, 0, 2)),
      status: pick(r, ['draft', 'piloting', 'validated']),
    };
    add('plays', id, 'md', title, data, body(w, proseTarget(), pool.length ? pool : ids.claims, links()));
  });

  ids.reviews.forEach((month) => {
    const title = `Synthetic review ${month}: win/loss and product review`;
    const reviewClouds = pickSome(r, ids.clouds, Math.min(ids.clouds.length, int(r, 1, 4)));
    const data = {
      owner: owner(), reviewed: daysAgo(1, 120), month, title,
      pipeline: {
        summary: `Synthetic: ${w.sentences(2, 3)} Pipeline figures are TBD.`,
        clouds: reviewClouds.map((cloud) => ({ cloud, note: `Synthetic: ${w.sentence()}` })),
      },
      themes: Array.from({ length: int(r, 2, 4) }, () => `Synthetic: ${w.sentence()}`),
      wins: Array.from({ length: 3 }, () => ({
        pattern: `Synthetic win: ${w.phrase()}`, why: w.sentence(), repeat: w.sentence(), plays: pickSome(r, ids.plays, int(r, 1, 2)),
      })),
      losses: Array.from({ length: 3 }, () => ({
        pattern: `Synthetic loss: ${w.phrase()}`, rootCause: w.sentence(), fix: w.sentence(), owner: owner(), eta: addDays(now, int(r, 10, 120)),
      })),
      gaps: Array.from({ length: 5 }, () => ({
        gap: `Synthetic gap: ${w.phrase()}`, frd: pick(r, ids.frds), decision: `Synthetic: ${w.sentence()}`, eta: addDays(now, int(r, 10, 180)),
      })),
      next: reviewClouds.map((cloud) => ({ cloud, plays: pickSome(r, ids.plays, int(r, 1, 2)), why: w.sentence() })),
    };
    add('reviews', month, 'md', title, data, body(w, proseTarget(), ids.claims, links()));
  });

  const signalStatuses = ['new', 'answered', 'became-play', 'became-frd'] as const;
  ids.signals.forEach((id, i) => {
    const status = pick(r, signalStatuses);
    const title = `Synthetic signal ${pad(i + 1)}: ${w.phrase()}`;
    const data: Record<string, unknown> = {
      owner: owner(), reviewed: daysAgo(1, 60), cloud: pick(r, ids.clouds), kind: pick(r, ['gap', 'play-idea']), title,
      detail: `Synthetic: ${w.sentences(2, 4)}`, submittedBy: `Synthetic SE role, ${pick(r, WORKLOADS)} deals`,
      date: daysAgo(61, 200), status,
    };
    if (status === 'answered') data.answer = `Synthetic answer: ${w.sentences(1, 3)}`;
    if (status === 'became-play') data.play = pick(r, ids.plays);
    if (status === 'became-frd') data.frd = pick(r, ids.frds);
    add('signals', id, 'yaml', title, data);
  });

  const roles = ['orchestration', 'provisioning', 'billing', 'identity', 'observability', 'networking'] as const;
  ids.partners.forEach((id, i) => {
    const name = `Synthetic ${pick(r, roles)} partner ${pad(i + 1, 3)}`;
    add('partners', id, 'yaml', name, {
      owner: owner(), reviewed: daysAgo(1, 120), name, role: pick(r, roles), summary: `Synthetic: ${w.sentences(1, 2)}`,
      clouds: pickSome(r, ids.clouds, int(r, 1, 2)),
      integration: { status: pick(r, ['available', 'preview', 'planned', 'gap']), note: `Synthetic: ${w.sentence()}` },
      gaps: Array.from({ length: int(r, 0, 2) }, () => ({ gap: `Synthetic gap: ${w.phrase()}`, frd: pick(r, ids.frds) })),
    });
  });

  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { n, seed, now, entries, counts };
}

/** Every leaf of an entry's data as a Markdown list line, so the floor page carries the same text. */
function dataAsMarkdown(data: unknown, path: string[] = []): string[] {
  if (data === null || data === undefined) return [];
  if (Array.isArray(data)) return data.flatMap((v, i) => dataAsMarkdown(v, [...path, String(i + 1)]));
  if (typeof data === 'object') return Object.entries(data).flatMap(([k, v]) => dataAsMarkdown(v, [...path, k]));
  return [`- **${path.join(' ')}**: ${String(data)}`];
}

/**
 * The same entries as Markdown for the bare Astro floor: one collection, one file (so one page)
 * per entry, holding the entry's field text as a list and its prose body.
 */
export function floorFiles(kit: GeneratedKit): { path: string; text: string }[] {
  return kit.entries.map((e) => {
    const md = [`## Fields`, '', ...dataAsMarkdown(e.data), '', ...(e.body ? ['## Body', '', e.body] : [])].join('\n');
    return {
      path: `src/content/entries/${e.collection}/${e.id}.md`,
      text: `---\n${yaml({ title: e.title, collection: e.collection })}---\n${md}\n`,
    };
  });
}
