import { z } from 'astro/zod';
import { baseFields, httpUrl, INTERNAL, pastDate, text, type SchemaContext } from './common.ts';

/** `frds/customer-<name>-<usecase>-<yyyymmdd>.md`: a feature requirement doc. Body = context. */
export const frdSchema = (ctx: SchemaContext) =>
  z.strictObject({
    ...baseFields(ctx),
    /** Canonical name `Customer-<Name>-<UseCase>-<YYYYMMDD>`; must match the file name. */
    name: z.string().regex(/^Customer-[A-Za-z0-9]+-[A-Za-z0-9]+-\d{8}$/, {
      error: 'a name like Customer-<Name>-<UseCase>-<YYYYMMDD>, e.g. Customer-Media1-Checkpointing-20251015',
    }).describe("Canonical name `Customer-<Name>-<UseCase>-<YYYYMMDD>`; must match the file name."),
    /** One-line title. */
    title: text().describe("One-line title."),
    /** Clouds (ids) it applies to. */
    clouds: z.array(ctx.ref('clouds')).default([]).describe("Clouds (ids) it applies to."),
    /** Where the request stands. */
    status: z.enum(['proposed', 'accepted', 'in-progress', 'shipped', 'declined']).describe("Where the request stands."),
    /** Decisions, oldest first. */
    decisions: z.array(z.strictObject({ date: pastDate().describe("When it was decided (YYYY-MM-DD)."), decision: text().describe("What was decided."), by: ctx.ref('people').describe("Who decided (a `people` id).") })).default([]).describe("Decisions, oldest first."),
    /** What success is measured by. */
    metrics: z
      .array(z.strictObject({ name: text().describe("What is measured."), target: text().describe("The target, with its unit."), current: text().optional().describe("Where it stands now, or TBD.") }))
      .default([]).describe("What success is measured by."),
    /** The CRM opportunity. */
    crm: httpUrl().optional().describe("The CRM opportunity.").meta(INTERNAL),
    /** Notes from the SEs on the deal. */
    seNotes: z.array(text()).default([]).describe("Notes from the SEs on the deal.").meta(INTERNAL),
  });
export type Frd = z.output<ReturnType<typeof frdSchema>>;
