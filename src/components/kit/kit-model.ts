/**
 * The printable field kit of one cloud as plain data: which plays, gaps, claims and TCO scenario it
 * holds, and the numbering of its sources. Sources are numbered in order of first citation, walking
 * the document in the order it is printed (strategy, plays, dagger, claims, TCO), so the marks in
 * the text and the appendix always agree. Computed once in the page, before any component renders
 * (Astro may render sibling components in parallel, so numbering cannot happen while rendering).
 */
import type { Claim, Cloud, Play, Source, TcoScenario } from '../../schemas/index.ts';
import type { Entry, KitSnapshot } from '../../lib/content/snapshot.ts';
import { MEDIUM_PARAMS, SCENARIO_PARAMS } from '../../schemas/tco.ts';
import { claimLinkIds } from '../../lib/checks/integrity.ts';
import { BADGE_LABEL, claimView, daggerClaims, entryById, escapeHtml, renderClaimLinks, type ClaimView } from '../../lib/site/views.ts';

/** Anchor of a claim inside the kit (its row in the claims section). */
export const claimAnchor = (id: string) => `claim-${id.replace(/[^A-Za-z0-9_-]+/g, '--')}`;
/** Anchor of a source in the appendix. */
export const sourceAnchor = (n: number) => `src-${n}`;

export class Citations {
  readonly order: string[] = [];
  private readonly numbers = new Map<string, number>();

  /** The source's number, assigning the next one on first citation. */
  cite(sourceId: string): number {
    let n = this.numbers.get(sourceId);
    if (n === undefined) {
      this.order.push(sourceId);
      n = this.order.length;
      this.numbers.set(sourceId, n);
    }
    return n;
  }

  /** The number of an already cited source (0 when it never was: a bug in the walk). */
  numberOf(sourceId: string): number {
    return this.numbers.get(sourceId) ?? 0;
  }

  /** Footnote marks for some sources, as HTML: `[1][4]`, each linked to the appendix. */
  marks(sourceIds: readonly string[]): string {
    return [...new Set(sourceIds.map((id) => this.numberOf(id)))]
      .filter((n) => n > 0)
      .sort((a, b) => a - b)
      .map((n) => `<sup class="fn"><a href="#${sourceAnchor(n)}" aria-label="source ${n}">[${n}]</a></sup>`)
      .join('');
  }
}

export interface KitPlay {
  entry: Entry<Play>;
  /** Talk track with claim links rendered for the kit. */
  talk: string;
  objections: { objection: string; response: string; proof?: KitClaim }[];
  proofs: KitClaim[];
  tco?: Entry<TcoScenario>;
}

export interface KitClaim {
  entry: Entry<Claim>;
  view: ClaimView;
  /** Source ids (the claim's own, in its order). */
  sources: string[];
}

export interface KitDoc {
  cloud: Entry<Cloud>;
  audience: string;
  /** Narrative with claim links rendered for the kit. */
  narrative: string;
  plays: KitPlay[];
  gaps: KitClaim[];
  claims: KitClaim[];
  tco?: Entry<TcoScenario>;
  citations: Citations;
  sources: { n: number; id: string; entry?: Entry<Source> }[];
  /** How many of this cloud's claims this edition leaves out (a count only: no titles or ids). */
  withheldClaims: number;
  /** FRDs in this edition, id -> name (a reference to any other FRD is not printed). */
  frds: Map<string, string>;
}

/**
 * Prose for the kit: claim links rendered with their value in the sentence (and a marker when not
 * plain sourced), followed by the footnote marks of the kit's sources appendix; headings moved down a
 * level (`shift`) and their ids prefixed so two entries' "Our fit" never collide.
 */
export function kitProse(html: string, snapshot: KitSnapshot, now: string, cit: Citations, idPrefix: string, shift = 1): string {
  let out = renderClaimLinks(html, snapshot, now, {
    footnotes: false,
    // In the kit a figure's marks are its sources' numbers in the kit's own appendix.
    marks: (id) => {
      const c = entryById(snapshot, 'claims', id);
      const sources = c ? c.data.sources.filter((sid) => entryById(snapshot, 'sources', sid) !== undefined) : [];
      return cit.marks(sources);
    },
  });
  out = out.replace(/<(\/?)h([1-5])\b/g, (_m, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + shift)}`);
  out = out.replace(/\bid="([^"]*)"/g, (_m, id: string) => `id="${idPrefix}-${id}"`);
  return out;
}

/**
 * The kit of one cloud. `snapshot` is the edition's (loadKit has already left out what this
 * audience may not see and cleared internal-only fields); a reference to a left-out entry is
 * dropped here, never printed, since even its id or title would leak into the edition.
 */
export function buildKitDoc(opts: {
  snapshot: KitSnapshot;
  html: Map<string, string>;
  now: string;
  cloudId: string;
  audience: string;
  /** What the edition left out (from loadKit), to count what this cloud lost. */
  withheld?: { collection: string; id: string }[];
}): KitDoc {
  const { snapshot, html, now, cloudId, audience } = opts;
  const cloud = entryById(snapshot, 'clouds', cloudId);
  if (!cloud) throw new Error(`no cloud ${cloudId}`);
  const cit = new Citations();

  const claimById = (id: string) => entryById(snapshot, 'claims', id);
  const shown = (sourceId: string | undefined): sourceId is string => !!sourceId && entryById(snapshot, 'sources', sourceId) !== undefined;
  const kitClaim = (entry: Entry<Claim>): KitClaim => ({ entry, view: claimView(entry, snapshot, now), sources: entry.data.sources.filter(shown) });
  // Claims of other clouds that this kit's prose and plays cite: printed in its claims section too,
  // so every figure the kit shows has its row (and its #anchor) in the document.
  const cited = new Set<string>();
  const citeClaim = (entry: Entry<Claim> | undefined) => {
    if (!entry) return;
    cited.add(entry.id);
    entry.data.sources.filter(shown).forEach((s) => cit.cite(s));
  };

  // 1. Strategy: the narrative's claim links (from its Markdown, not its HTML), in reading order.
  const rawNarrative = html.get(`clouds:${cloud.id}`) ?? '';
  for (const id of claimLinkIds(cloud.body)) citeClaim(claimById(id));
  const narrative = kitProse(rawNarrative, snapshot, now, cit, 'strategy');

  // 2. Plays: talk track, objections, proof points.
  const plays: KitPlay[] = [];
  for (const entry of snapshot.plays.filter((p) => p.data.clouds.includes(cloud.id))) {
    const rawTalk = html.get(`plays:${entry.id}`) ?? '';
    for (const id of claimLinkIds(entry.body)) citeClaim(claimById(id));
    const talk = kitProse(rawTalk, snapshot, now, cit, `play-${entry.id}`, 2);
    const objections = entry.data.objections.map((o) => {
      const proofEntry = o.proof ? claimById(o.proof) : undefined;
      citeClaim(proofEntry);
      return { objection: o.objection, response: o.response, proof: proofEntry && kitClaim(proofEntry) };
    });
    const proofs = entry.data.proofPoints.map(claimById).filter((c): c is Entry<Claim> => c !== undefined);
    proofs.forEach(citeClaim);
    plays.push({
      entry,
      talk,
      objections,
      proofs: proofs.map(kitClaim),
      tco: entry.data.tco ? entryById(snapshot, 'tco', entry.data.tco) : undefined,
    });
  }

  // 3. Dagger: the ranked gaps, then the anecdote's source.
  const gaps = cloud.data.dagger ? daggerClaims(snapshot, cloud.id).map(kitClaim) : [];
  gaps.forEach((g) => citeClaim(g.entry));
  const anecdoteSource = cloud.data.dagger?.anecdote?.source;
  if (shown(anecdoteSource)) cit.cite(anecdoteSource);

  // 4. Every claim about this cloud (ranked gaps first, then by category and id), then the other
  //    clouds' claims the kit cites.
  const claims = snapshot.claims
    .filter((c) => c.data.cloud === cloud.id || cited.has(c.id))
    .sort((a, b) => Number(a.data.cloud !== cloud.id) - Number(b.data.cloud !== cloud.id) || (a.data.cloud === cloud.id ? (a.data.dagger?.rank ?? 99) - (b.data.dagger?.rank ?? 99) : 0) || a.data.cloud.localeCompare(b.data.cloud) || a.data.category.localeCompare(b.data.category) || a.id.localeCompare(b.id))
    .map(kitClaim);
  claims.forEach((c) => citeClaim(c.entry));

  // 5. The TCO scenario the plays use (the first one when no play names one): its sourced inputs.
  const tco = plays.find((p) => p.tco)?.tco ?? snapshot.tco[0];
  if (tco) {
    for (const k of SCENARIO_PARAMS) if (shown(tco.data.scenario[k].source)) cit.cite(tco.data.scenario[k].source!);
    for (const k of MEDIUM_PARAMS) {
      if (shown(tco.data.hdd[k].source)) cit.cite(tco.data.hdd[k].source!);
      if (shown(tco.data.ssd[k].source)) cit.cite(tco.data.ssd[k].source!);
    }
  }

  const sources = cit.order.map((id, i) => ({ n: i + 1, id, entry: entryById(snapshot, 'sources', id) }));
  const withheldClaims = (opts.withheld ?? []).filter((w) => w.collection === 'claims' && w.id.startsWith(`${cloud.id}/`)).length;
  const frds = new Map(snapshot.frds.map((f) => [f.id, f.data.name]));
  return { cloud, audience, narrative, plays, gaps, claims, tco, citations: cit, sources, withheldClaims, frds };
}

/** A CSS string literal (for `content:` in the running footer). */
export function cssString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;
}

export { BADGE_LABEL, escapeHtml };
