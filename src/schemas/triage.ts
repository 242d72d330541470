import { z } from 'astro/zod';
import { baseFields, text, type SchemaContext } from './common.ts';

const verdict = () => z.enum(['green', 'yellow', 'red']);

/** `triage/<id>.yaml`: RFP triage rules. Each answer carries the verdict it pushes towards. */
export const triageSchema = (ctx: SchemaContext) =>
  z.strictObject({
    ...baseFields(ctx),
    title: text(),
    /** What the triage is for and how to use it. */
    description: text(),
    questions: z
      .array(
        z.strictObject({
          /** Stable key, used in the URL state. */
          key: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'lower-case letters, digits and dashes' }),
          /** The question as asked of the RFP. */
          text: text(),
          /** Why it matters for the bid. */
          why: text(),
          /** A choice question: each choice carries its verdict. */
          choices: z
            .array(z.strictObject({ value: z.string().regex(/^[a-z0-9-]+$/), label: text(), verdict: verdict() }))
            .min(2)
            .optional(),
          /** A number question: bands checked in order, first match wins. */
          number: z
            .strictObject({
              unit: text(),
              bands: z
                .array(
                  z.strictObject({
                    below: z.number().optional(),
                    verdict: verdict(),
                    label: text(),
                  }),
                )
                .min(1),
            })
            .optional(),
        }).refine((q) => (q.choices === undefined) !== (q.number === undefined), {
          error: 'a question has exactly one of `choices` or `number`',
        }),
      )
      .min(1),
    /** How answers combine: any red makes red; `yellowAt` or more yellows make yellow. */
    rule: z.strictObject({ yellowAt: z.int().min(1).default(1) }),
    /** The next step for each verdict. */
    next: z.strictObject({ green: text(), yellow: text(), red: text() }),
  });
export type Triage = z.output<ReturnType<typeof triageSchema>>;
