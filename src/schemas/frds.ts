import { z } from 'astro/zod';
import { baseFields, httpUrl, isoDate, text, type SchemaContext } from './common.ts';

/** `frds/customer-<name>-<usecase>-<yyyymmdd>.md`: a feature requirement doc. Body = context. */
export const frdSchema = (ctx: SchemaContext) =>
  z.strictObject({
    ...baseFields(ctx),
    /** Canonical name `Customer-<Name>-<UseCase>-<YYYYMMDD>`; must match the file name. */
    name: z.string().regex(/^Customer-[A-Za-z0-9]+-[A-Za-z0-9]+-\d{8}$/, {
      error: 'a name like Customer-<Name>-<UseCase>-<YYYYMMDD>, e.g. Customer-Media1-Checkpointing-20251015',
    }),
    /** One-line title. */
    title: text(),
    /** Clouds (ids) it applies to. */
    clouds: z.array(ctx.ref('clouds')).default([]),
    /** Where the request stands. */
    status: z.enum(['proposed', 'accepted', 'in-progress', 'shipped', 'declined']),
    /** Decisions, oldest first. */
    decisions: z.array(z.strictObject({ date: isoDate(), decision: text(), by: ctx.ref('people') })).default([]),
    /** What success is measured by. */
    metrics: z
      .array(z.strictObject({ name: text(), target: text(), current: text().optional() }))
      .default([]),
    /** The CRM opportunity. */
    crm: httpUrl().optional(),
    /** Notes from the SEs on the deal. */
    seNotes: z.array(text()).default([]),
  });
export type Frd = z.output<ReturnType<typeof frdSchema>>;
