import { z } from 'astro/zod';
import { baseFields, text, type SchemaContext } from './common.ts';

/** `plays/<id>.md`: a repeatable sales play. The body is the talk track. */
export const playSchema = (ctx: SchemaContext) =>
  z.strictObject({
    ...baseFields(ctx),
    /** Play name, e.g. "Checkpoint storms on Azure". */
    title: text().describe("Play name, e.g. \"Checkpoint storms on Azure\"."),
    /** One sentence: what the play wins. */
    summary: text().describe("One sentence: what the play wins."),
    /** Clouds the play runs on (ids). */
    clouds: z.array(ctx.ref('clouds')).min(1, { error: 'at least one cloud' }).describe("Clouds the play runs on (ids)."),
    /** Workloads it targets. */
    workloads: z.array(text()).default([]).describe("Workloads it targets."),
    /** When to run it: the signal in a deal. */
    trigger: text().describe("When to run it: the signal in a deal."),
    /** Questions that qualify the deal in or out. */
    qualifying: z.array(text()).default([]).describe("Questions that qualify the deal in or out."),
    /** Discovery questions for the first meeting. */
    discovery: z.array(text()).min(1, { error: 'at least one discovery question' }).describe("Discovery questions for the first meeting."),
    /** Objections with answers, optionally backed by a claim. */
    objections: z
      .array(z.strictObject({ objection: text().describe("The objection, as the customer says it."), response: text().describe("The answer."), proof: ctx.ref('claims').optional().describe("A claim (id) that backs the answer.") }))
      .default([]).describe("Objections with answers, optionally backed by a claim."),
    /** Claims (ids) that prove the play's point. */
    proofPoints: z.array(ctx.ref('claims')).default([]).describe("Claims (ids) that prove the play's point."),
    /** TCO scenario (id) to show. */
    tco: ctx.ref('tco').optional().describe("TCO scenario (id) to show."),
    /** FRDs (ids) that this play depends on. */
    frds: z.array(ctx.ref('frds')).default([]).describe("FRDs (ids) that this play depends on."),
    /** draft, piloting (being tried by SEs) or validated (won deals with it). */
    status: z.enum(['draft', 'piloting', 'validated']).describe("draft, piloting (being tried by SEs) or validated (won deals with it)."),
  });
export type Play = z.output<ReturnType<typeof playSchema>>;
