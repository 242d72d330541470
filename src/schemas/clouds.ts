import { z } from 'astro/zod';
import { baseFields, httpUrl, INTERNAL, text, type SchemaContext } from './common.ts';

/** `clouds/<id>.md`: the per-cloud strategy one-pager. The body is the narrative. */
export const cloudSchema = (ctx: SchemaContext) =>
  z.strictObject({
    ...baseFields(ctx),
    /** Display name, e.g. "Microsoft Azure". */
    name: text().describe("Display name, e.g. \"Microsoft Azure\"."),
    /** Short name for navigation, e.g. "Azure". */
    short: text().describe("Short name for navigation, e.g. \"Azure\"."),
    /** hyperscaler or tier2 (GPU / neo clouds). */
    tier: z.enum(['hyperscaler', 'tier2']).default('hyperscaler').describe("hyperscaler or tier2 (GPU / neo clouds)."),
    /** Sort order in navigation (lower first). */
    order: z.int().min(0).default(100).describe("Sort order in navigation (lower first)."),
    /** One-sentence summary of our position on this cloud. */
    summary: text().describe("One-sentence summary of our position on this cloud."),
    /** The cloud's AI platform(s), e.g. "Azure AI Foundry". */
    aiPlatforms: z.array(text()).default([]).describe("The cloud's AI platform(s), e.g. \"Azure AI Foundry\"."),
    /** Where we complement and where we compete with the cloud's own storage. */
    posture: z
      .array(
        z.strictObject({
          area: text().describe("The storage area or workload, e.g. \"Hot object storage for training data\"."),
          stance: z.enum(['complement', 'compete', 'both']).describe("Whether we complement the cloud's own service there, compete with it, or both."),
          why: text().describe("Why this stance, in one or two sentences."),
        }),
      )
      .default([]).describe("Where we complement and where we compete with the cloud's own storage."),
    /** Workloads we target on this cloud and why. */
    workloads: z.array(z.strictObject({ name: text().describe("The workload, e.g. \"LLM checkpointing\"."), why: text().describe("Why we win it on this cloud.") })).default([]).describe("Workloads we target on this cloud and why."),
    /** Integrations with the cloud and its AI platform. */
    integrations: z
      .array(
        z.strictObject({
          name: text().describe("The integration, e.g. \"AKS CSI driver\" or \"Bedrock Knowledge Bases data source\"."),
          status: z.enum(['available', 'preview', 'planned', 'gap']).describe("available, preview, planned, or gap (not planned yet)."),
          note: text().optional().describe("What works today, what is missing."),
          /** The FRD tracking it, if any. */
          frd: ctx.ref('frds').optional().describe("The FRD tracking it, if any."),
        }),
      )
      .default([]).describe("Integrations with the cloud and its AI platform."),
    /** How we transact in the cloud's marketplace. */
    packaging: z
      .strictObject({
        marketplace: text().describe("The marketplace offer type, e.g. \"Azure Marketplace SaaS offer\"."),
        billing: text().describe("How the customer is billed, e.g. \"counts toward the cloud commit\"."),
        listing: httpUrl().optional().describe("The public listing URL, when there is one."),
      })
      .optional().describe("How we transact in the cloud's marketplace."),
    /** Pricing posture. Internal even in partner builds. */
    pricingPosture: text().optional().describe("Pricing posture. Internal even in partner builds.").meta(INTERNAL),
    /** Lighthouse targets, anonymized profiles only. Internal even in partner builds. */
    lighthouseTargets: z.array(z.strictObject({ profile: text().describe("An anonymized customer profile (industry, size, workload); never a name or a detail that identifies one."), why: text().describe("Why this profile is a target.") })).default([]).describe("Lighthouse targets, anonymized profiles only. Internal even in partner builds.").meta(INTERNAL),
    /**
     * The dagger page: "where the cloud's storage breaks, and where we plug in". The three gaps
     * come from this cloud's claims with `dagger.rank`; this block holds the words around them.
     */
    dagger: z
      .strictObject({
        /** Slide title. */
        title: text().describe("Slide title."),
        /** The workload framing: which workloads, at what scale. */
        framing: text().describe("The workload framing: which workloads, at what scale."),
        /** The anonymized customer anecdote. Internal only; never a real customer name. */
        anecdote: z.strictObject({ text: text().describe("The anecdote in two or three sentences, anonymized."), source: ctx.ref('sources').optional().describe("The internal record it comes from (a `sources` id).") }).optional().describe("The anonymized customer anecdote. Internal only; never a real customer name.").meta(INTERNAL),
        /** Our fit: how we close the gaps, with measured deltas as claim links or TBD. */
        fit: text().describe("Our fit: how we close the gaps, with measured deltas as claim links or TBD."),
        /** The no-regrets ask of the cloud (co-sell, joint lighthouse criteria, minimal integration). */
        ask: z.array(text()).min(1).describe("The no-regrets ask of the cloud (co-sell, joint lighthouse criteria, minimal integration)."),
        /** The measurement rubric that makes the page replicable on another cloud. */
        rubric: z.array(text()).min(1).describe("The measurement rubric that makes the page replicable on another cloud."),
      })
      .optional().describe("The dagger page: \"where the cloud's storage breaks, and where we plug in\". The three gaps come from this cloud's claims with `dagger.rank`; this block holds the words around them."),
    /** "Why we win" questions and answers. */
    faq: z.array(z.strictObject({ q: text().describe("The question a customer or SE asks."), a: text().describe("The answer, with claim links for any number.") })).default([]).describe("\"Why we win\" questions and answers."),
  });
export type Cloud = z.output<ReturnType<typeof cloudSchema>>;
