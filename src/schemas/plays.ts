import { z } from 'astro/zod';
import { baseFields, text, type SchemaContext } from './common.ts';

/** `plays/<id>.md`: a repeatable sales play. The body is the talk track. */
export const playSchema = (ctx: SchemaContext) =>
  z.strictObject({
    ...baseFields(ctx),
    /** Play name, e.g. "Checkpoint storms on Azure". */
    title: text(),
    /** One sentence: what the play wins. */
    summary: text(),
    /** Clouds the play runs on (ids). */
    clouds: z.array(ctx.ref('clouds')).min(1, { error: 'at least one cloud' }),
    /** Workloads it targets. */
    workloads: z.array(text()).default([]),
    /** When to run it: the signal in a deal. */
    trigger: text(),
    /** Questions that qualify the deal in or out. */
    qualifying: z.array(text()).default([]),
    /** Discovery questions for the first meeting. */
    discovery: z.array(text()).min(1, { error: 'at least one discovery question' }),
    /** Objections with answers, optionally backed by a claim. */
    objections: z
      .array(z.strictObject({ objection: text(), response: text(), proof: ctx.ref('claims').optional() }))
      .default([]),
    /** Claims (ids) that prove the play's point. */
    proofPoints: z.array(ctx.ref('claims')).default([]),
    /** TCO scenario (id) to show. */
    tco: ctx.ref('tco').optional(),
    /** FRDs (ids) that this play depends on. */
    frds: z.array(ctx.ref('frds')).default([]),
    /** draft, piloting (being tried by SEs) or validated (won deals with it). */
    status: z.enum(['draft', 'piloting', 'validated']),
  });
export type Play = z.output<ReturnType<typeof playSchema>>;
