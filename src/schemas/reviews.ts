import { z } from 'astro/zod';
import { baseFields, INTERNAL, isoDate, text, type SchemaContext } from './common.ts';

/** A month written `YYYY-MM`, e.g. 2026-11. */
export const isoMonth = () =>
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'a month written YYYY-MM, e.g. 2026-11' });

/**
 * `reviews/<yyyy-mm>.md`: the monthly win/loss and product review. The sections are fixed: a
 * pipeline snapshot and themes, three win patterns to repeat, three loss patterns to fix, the top
 * five product gaps (each tied to an FRD), and the plays to run next month per cloud. The body
 * holds the discussion notes.
 */
export const reviewSchema = (ctx: SchemaContext) =>
  z
    .strictObject({
      ...baseFields(ctx),
      /** The month reviewed, `YYYY-MM`; the file is `reviews/<month>.md`. */
      month: isoMonth().describe("The month reviewed, `YYYY-MM`; the file is `reviews/<month>.md`."),
      /** Title, e.g. "Win/loss and product review, November 2026". An example says so: "Example review — …". */
      title: text().describe("Title, e.g. \"Win/loss and product review, November 2026\". An example says so: \"Example review — …\"."),
      /** Pipeline snapshot: where the pipeline stands, in words. Figures are TBD unless a CRM report backs them. */
      pipeline: z.strictObject({
        /** The snapshot in two or three sentences. */
        summary: text().describe("The snapshot in two or three sentences."),
        /** Per cloud, what moved (qualitative, or a figure with where it came from). */
        clouds: z.array(z.strictObject({ cloud: ctx.ref('clouds').describe("The cloud (a `clouds` id)."), note: text().describe("What moved on that cloud.") })).default([]).describe("Per cloud, what moved (qualitative, or a figure with where it came from)."),
      }).describe("Pipeline snapshot: where the pipeline stands, in words. Figures are TBD unless a CRM report backs them.").meta(INTERNAL),
      /** Themes heard across deals this month. */
      themes: z.array(text()).min(1, { error: 'at least one theme' }).describe("Themes heard across deals this month."),
      /** Exactly three win patterns to repeat. */
      wins: z
        .array(
          z.strictObject({
            /** The pattern, in one line. */
            pattern: text().describe("The pattern, in one line."),
            /** Why it worked. */
            why: text().describe("Why it worked."),
            /** How the field repeats it (a play to run, a question to ask). */
            repeat: text().describe("How the field repeats it (a play to run, a question to ask)."),
            /** Plays (ids) that carry the pattern. */
            plays: z.array(ctx.ref('plays')).default([]).describe("Plays (ids) that carry the pattern."),
          }),
        )
        .length(3, { error: 'exactly three win patterns' }).describe("Exactly three win patterns to repeat."),
      /** Exactly three loss patterns to fix, each with its root cause, owner and ETA. */
      losses: z
        .array(
          z.strictObject({
            /** The pattern, in one line. */
            pattern: text().describe("The pattern, in one line."),
            /** Why we lost, as far as we know. */
            rootCause: text().describe("Why we lost, as far as we know."),
            /** What changes so it does not happen again. */
            fix: text().describe("What changes so it does not happen again."),
            /** Who owns the fix (a `people` id). */
            owner: ctx.ref('people').describe("Who owns the fix (a `people` id)."),
            /** When the fix is due (YYYY-MM-DD). */
            eta: isoDate().describe("When the fix is due (YYYY-MM-DD)."),
          }),
        )
        .length(3, { error: 'exactly three loss patterns' }).describe("Exactly three loss patterns to fix, each with its root cause, owner and ETA.").meta(INTERNAL),
      /** The top five product gaps, most important first, each tracked by an FRD. */
      gaps: z
        .array(
          z.strictObject({
            /** The gap, in one line. */
            gap: text().describe("The gap, in one line."),
            /** The FRD (id) that tracks it. */
            frd: ctx.ref('frds').describe("The FRD (id) that tracks it."),
            /** What was decided (build, investigate, defer, decline) and by whom. */
            decision: text().describe("What was decided (build, investigate, defer, decline) and by whom."),
            /** When the decision lands or the fix ships (YYYY-MM-DD). */
            eta: isoDate().describe("When the decision lands or the fix ships (YYYY-MM-DD)."),
          }),
        )
        .length(5, { error: 'exactly five product gaps' }).describe("The top five product gaps, most important first, each tracked by an FRD."),
      /** The plays to run next month, per cloud. */
      next: z
        .array(
          z.strictObject({
            cloud: ctx.ref('clouds').describe("The cloud (a `clouds` id)."),
            /** Plays (ids) to run on that cloud. */
            plays: z.array(ctx.ref('plays')).min(1, { error: 'at least one play' }).describe("Plays (ids) to run on that cloud."),
            /** Why these plays, this month. */
            why: text().optional().describe("Why these plays, this month."),
          }),
        )
        .min(1, { error: 'at least one cloud with its plays' }).describe("The plays to run next month, per cloud."),
    })
    .superRefine((r, rctx) => {
      const seen = new Set<string>();
      r.next.forEach((n, i) => {
        if (seen.has(n.cloud)) {
          rctx.addIssue({ code: 'custom', path: ['next', i, 'cloud'], input: n.cloud, message: `one row per cloud: ${n.cloud} is listed twice` });
        }
        seen.add(n.cloud);
      });
    });
export type Review = z.output<ReturnType<typeof reviewSchema>>;
