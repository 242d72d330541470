import { z } from 'astro/zod';
import { baseFields, text, type SchemaContext } from './common.ts';

const verdict = () => z.enum(['green', 'yellow', 'red']);

/** `triage/<id>.yaml`: RFP triage rules. Each answer carries the verdict it pushes towards. */
export const triageSchema = (ctx: SchemaContext) =>
  z.strictObject({
    ...baseFields(ctx),
    title: text().describe("The rubric's name, e.g. \"RFP triage\"."),
    /** What the triage is for and how to use it. */
    description: text().describe("What the triage is for and how to use it."),
    questions: z
      .array(
        z.strictObject({
          /** Stable key, used in the URL state. */
          key: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'lower-case letters, digits and dashes' }).describe("Stable key, used in the URL state."),
          /** The question as asked of the RFP. */
          text: text().describe("The question as asked of the RFP."),
          /** Why it matters for the bid. */
          why: text().describe("Why it matters for the bid."),
          /** A choice question: each choice carries its verdict. */
          choices: z
            .array(z.strictObject({ value: z.string().regex(/^[a-z0-9-]+$/).describe("Stable key of the answer: lower-case letters, digits and dashes (kept in the URL)."), label: text().describe("The answer as shown."), verdict: verdict().describe("Where this answer pushes: green, yellow or red.") }))
            .min(2)
            .optional().describe("A choice question: each choice carries its verdict."),
          /** A number question: bands checked in order, first match wins. */
          number: z
            .strictObject({
              unit: text().describe("Unit of the number asked for, e.g. \"ms (p99)\"."),
              /** The smallest answer that makes sense (default 0): below it the answer is refused. */
              min: z.number().default(0).describe("The smallest answer that makes sense (default 0): below it the answer is refused."),
              /**
               * Bands in ascending order of `below`; the last one has no `below` and takes every
               * larger answer, so every answer lands in exactly one band.
               */
              bands: z
                .array(
                  z.strictObject({
                    /** The band takes answers below this number (a policy choice). */
                    below: z.number().optional().describe("The band takes answers below this number (a policy choice)."),
                    /**
                     * Or: the band takes answers below this claim's value (a `claims` id), so the
                     * threshold follows the claim when its figure changes. Not with `below`.
                     */
                    claim: ctx.ref('claims').optional().describe("Or: the band takes answers below this claim's value (a `claims` id), so the threshold follows the claim when its figure changes. Not with `below`."),
                    verdict: verdict().describe("Where a number in this band pushes: green, yellow or red."),
                    label: text().describe("What the band means, as shown."),
                  }).refine((b) => b.below === undefined || b.claim === undefined, {
                    error: 'a band has `below` (a number) or `claim` (a claim whose value is the threshold), not both',
                    path: ['claim'],
                  }),
                )
                .min(1)
                .superRefine((bands, rctx) => {
                  bands.forEach((b, i) => {
                    const last = i === bands.length - 1;
                    const bound = b.below !== undefined || b.claim !== undefined;
                    if (last && bound) {
                      rctx.addIssue({ code: 'custom', path: [i, b.below !== undefined ? 'below' : 'claim'], input: b.below ?? b.claim, message: `the last band takes every larger answer: remove its \`${b.below !== undefined ? 'below' : 'claim'}\`` });
                    } else if (!last && !bound) {
                      rctx.addIssue({ code: 'custom', path: [i], input: b, message: 'only the last band may leave out `below`' });
                    } else if (i > 0 && b.below !== undefined && bands[i - 1]!.below !== undefined && b.below <= bands[i - 1]!.below!) {
                      rctx.addIssue({ code: 'custom', path: [i, 'below'], input: b.below, message: `bands go in ascending order: ${b.below} is not above the previous band's ${bands[i - 1]!.below}` });
                    }
                  });
                }).describe("Bands in ascending order of `below`; the last one has no `below` and takes every larger answer, so every answer lands in exactly one band."),
            })
            .optional().describe("A number question: bands checked in order, first match wins."),
        }).refine((q) => (q.choices === undefined) !== (q.number === undefined), {
          error: 'a question has exactly one of `choices` or `number`',
        }).refine((q) => q.choices === undefined || new Set(q.choices.map((c) => c.value)).size === q.choices.length, {
          error: 'each choice of a question needs its own `value`',
          path: ['choices'],
        }),
      )
      .min(1)
      .superRefine((qs, rctx) => {
        const seen = new Set<string>();
        qs.forEach((q, i) => {
          if (seen.has(q.key)) rctx.addIssue({ code: 'custom', path: [i, 'key'], input: q.key, message: `question keys are unique (they name the answer in the URL): "${q.key}" is used twice` });
          seen.add(q.key);
        });
      })
      .describe('The questions, in the order they are asked; each has choices or number bands.'),
    /** How answers combine: any red makes red; `yellowAt` or more yellows make yellow. */
    rule: z.strictObject({ yellowAt: z.int().min(1).default(1).describe("How many yellow answers make the verdict yellow.") }).describe("How answers combine: any red makes red; `yellowAt` or more yellows make yellow."),
    /** The next step for each verdict. */
    next: z.strictObject({ green: text().describe("Next step on a green verdict."), yellow: text().describe("Next step on a yellow verdict."), red: text().describe("Next step on a red verdict.") }).describe("The next step for each verdict."),
  });
export type Triage = z.output<ReturnType<typeof triageSchema>>;
