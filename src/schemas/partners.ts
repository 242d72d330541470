import { z } from 'astro/zod';
import { baseFields, INTERNAL, text, type SchemaContext } from './common.ts';

/** The control-plane jobs a partner can do in a cloud-in-a-box blueprint. */
export const PARTNER_ROLES = ['orchestration', 'provisioning', 'billing', 'identity', 'observability', 'networking'] as const;
export const PARTNER_STATUSES = ['available', 'preview', 'planned', 'gap'] as const;

/**
 * `partners/<id>.yaml`: a control-plane partner in the cloud-in-a-box blueprint for Tier-2 (GPU)
 * clouds. Names are generic roles or marked examples until a partnership is signed and cleared:
 * the kit makes no claims about real companies.
 */
export const partnerSchema = (ctx: SchemaContext) =>
  z.strictObject({
    ...baseFields(ctx),
    /** Generic name, e.g. "Example GPU orchestration layer". */
    name: text().describe("Generic name, e.g. \"Example GPU orchestration layer\"."),
    /** The control-plane job it does in the blueprint. */
    role: z.enum(PARTNER_ROLES).describe("The control-plane job it does in the blueprint."),
    /** What it does for the provider and how we fit next to it, in one or two sentences. */
    summary: text().describe("What it does for the provider and how we fit next to it, in one or two sentences."),
    /** The clouds (ids, usually `tier: tier2`) whose blueprint it belongs to. */
    clouds: z.array(ctx.ref('clouds')).min(1, { error: 'at least one cloud' }).describe("The clouds (ids, usually `tier: tier2`) whose blueprint it belongs to."),
    /** Where the integration with our platform stands. */
    integration: z.strictObject({
      /** available, preview, planned or gap (nothing yet). */
      status: z.enum(PARTNER_STATUSES).describe("available, preview, planned or gap (nothing yet)."),
      /** What is integrated or planned: APIs, tenancy, metering fields. */
      note: text().optional().describe("What is integrated or planned: APIs, tenancy, metering fields."),
    }).describe("Where the integration with our platform stands."),
    /** What is missing for the blueprint to work end to end. */
    gaps: z
      .array(
        z.strictObject({
          gap: text().describe("What the partner's integration lacks, in one line."),
          /** The FRD (id) tracking it, if any. */
          frd: ctx.ref('frds').optional().describe("The FRD (id) tracking it, if any."),
        }),
      )
      .default([]).describe("What is missing for the blueprint to work end to end.").meta(INTERNAL),
  });
export type Partner = z.output<ReturnType<typeof partnerSchema>>;
