import { z } from 'astro/zod';
import { baseFields, httpUrl, text, type SchemaContext } from './common.ts';

/** `clouds/<id>.md`: the per-cloud strategy one-pager. The body is the narrative. */
export const cloudSchema = (ctx: SchemaContext) =>
  z.strictObject({
    ...baseFields(ctx),
    /** Display name, e.g. "Microsoft Azure". */
    name: text(),
    /** Short name for navigation, e.g. "Azure". */
    short: text(),
    /** hyperscaler or tier2 (GPU / neo clouds). */
    tier: z.enum(['hyperscaler', 'tier2']).default('hyperscaler'),
    /** Sort order in navigation (lower first). */
    order: z.int().min(0).default(100),
    /** One-sentence summary of our position on this cloud. */
    summary: text(),
    /** The cloud's AI platform(s), e.g. "Azure AI Foundry". */
    aiPlatforms: z.array(text()).default([]),
    /** Where we complement and where we compete with the cloud's own storage. */
    posture: z
      .array(
        z.strictObject({
          area: text(),
          stance: z.enum(['complement', 'compete', 'both']),
          why: text(),
        }),
      )
      .default([]),
    /** Workloads we target on this cloud and why. */
    workloads: z.array(z.strictObject({ name: text(), why: text() })).default([]),
    /** Integrations with the cloud and its AI platform. */
    integrations: z
      .array(
        z.strictObject({
          name: text(),
          status: z.enum(['available', 'preview', 'planned', 'gap']),
          note: text().optional(),
          /** The FRD tracking it, if any. */
          frd: ctx.ref('frds').optional(),
        }),
      )
      .default([]),
    /** How we transact in the cloud's marketplace. */
    packaging: z
      .strictObject({
        marketplace: text(),
        billing: text(),
        listing: httpUrl().optional(),
      })
      .optional(),
    /** Pricing posture. Internal even in partner builds. */
    pricingPosture: text().optional(),
    /** Lighthouse targets, anonymized profiles only. Internal even in partner builds. */
    lighthouseTargets: z.array(z.strictObject({ profile: text(), why: text() })).default([]),
    /**
     * The dagger page: "where the cloud's storage breaks, and where we plug in". The three gaps
     * come from this cloud's claims with `dagger.rank`; this block holds the words around them.
     */
    dagger: z
      .strictObject({
        /** Slide title. */
        title: text(),
        /** The workload framing: which workloads, at what scale. */
        framing: text(),
        /** The anonymized customer anecdote. Internal only; never a real customer name. */
        anecdote: z.strictObject({ text: text(), source: ctx.ref('sources').optional() }).optional(),
        /** Our fit: how we close the gaps, with measured deltas as claim links or TBD. */
        fit: text(),
        /** The no-regrets ask of the cloud (co-sell, joint lighthouse criteria, minimal integration). */
        ask: z.array(text()).min(1),
        /** The measurement rubric that makes the page replicable on another cloud. */
        rubric: z.array(text()).min(1),
      })
      .optional(),
    /** "Why we win" questions and answers. */
    faq: z.array(z.strictObject({ q: text(), a: text() })).default([]),
  });
export type Cloud = z.output<ReturnType<typeof cloudSchema>>;
