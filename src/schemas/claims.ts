import { z } from 'astro/zod';
import { baseFields, isoDate, text, type SchemaContext } from './common.ts';

/** A number, or the literal `TBD` while nobody has a defensible figure. */
export const claimValue = () =>
  z.union([z.number(), z.literal('TBD')], { error: 'a number, or TBD while the figure is unknown' });

/** One step of a reproduction recipe. */
export const reproStep = () =>
  z.strictObject({
    /** Shell command to run, shown with a copy button. */
    run: text().optional(),
    /** What this step does and why. */
    note: text(),
    /** What the reader should see if the claim holds. */
    expect: text().optional(),
  });

/** `claims/<cloud>/<id>.yaml`: one piece of competitor-gap ("dagger") evidence. */
export const claimSchema = (ctx: SchemaContext) =>
  z.strictObject({
    ...baseFields(ctx),
    /** The cloud this claim is about (a `clouds` id). */
    cloud: ctx.ref('clouds'),
    /** The competing service, e.g. "Azure Blob Storage (GPv2)". */
    service: text(),
    /** Which gap it evidences. */
    category: z.enum(['throughput', 'latency', 'operations', 'scale', 'cost']),
    /**
     * The claim in one sentence, as an SE would say it. Write `{value}` where its own number goes
     * (`at most {value} of ingress`): pages show the formatted value and unit, so it never goes
     * out of date; `check` reports a retyped number (`retyped-number`).
     */
    statement: text(),
    /** The number behind the claim. */
    metric: z.strictObject({
      /** What is measured, e.g. "Default max ingress per account". */
      name: text(),
      /** The figure, or TBD. */
      value: claimValue(),
      /** Unit of `value`, e.g. "Gbps". */
      unit: text(),
      /** Which direction is better for the customer. */
      better: z.enum(['higher', 'lower']),
      /** Qualifier shown next to the value, e.g. "listed regions". */
      qualifier: text().optional(),
    }),
    /** Our side of the comparison; TBD until measured. */
    ours: z
      .strictObject({
        label: text(),
        value: claimValue(),
        unit: text(),
      })
      .optional(),
    /** sourced (vendor/analyst figure), measured (our run, with repro), provisional, tbd. */
    status: z.enum(['sourced', 'measured', 'provisional', 'tbd']),
    /** Sources (ids) behind the figure. */
    sources: z.array(ctx.ref('sources')).default([]),
    /** When the figure was true (YYYY-MM-DD): the doc's date or the measurement date. */
    asOf: isoDate().optional(),
    /** How to reproduce the figure. Required when status is `measured`. */
    repro: z
      .strictObject({
        /** Where it runs: region, instance types, versions. */
        environment: text(),
        steps: z.array(reproStep()).min(1, { error: 'at least one step' }),
      })
      .optional(),
    /** Place on the cloud's dagger page (1 = headline gap). */
    dagger: z.strictObject({ rank: z.int().min(1).max(9) }).optional(),
    /** Earlier values of a figure that changed over time, oldest first. */
    history: z
      .array(
        z.strictObject({
          date: isoDate(),
          value: claimValue(),
          note: text().optional(),
          source: ctx.ref('sources').optional(),
        }),
      )
      .default([]),
    /**
     * Our measurements behind the figures (ids in `measurements`), written by `fieldkit measure
     * import`: `metric` gives `metric.value`, `ours` gives `ours.value`. `check` recomputes each
     * value from the measurement's raw files.
     */
    evidence: z
      .strictObject({
        metric: ctx.ref('measurements').optional(),
        ours: ctx.ref('measurements').optional(),
      })
      .optional(),
  });
export type Claim = z.output<ReturnType<typeof claimSchema>>;
