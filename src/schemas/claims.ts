import { z } from 'astro/zod';
import { baseFields, pastDate, text, type SchemaContext } from './common.ts';

/** A number, or the literal `TBD` while nobody has a defensible figure. */
export const claimValue = () =>
  z.union([z.number(), z.literal('TBD')], { error: 'a number, or TBD while the figure is unknown' });

/** One step of a reproduction recipe. */
export const reproStep = () =>
  z.strictObject({
    /** Shell command to run, shown with a copy button. */
    run: text().optional().describe("Shell command to run, shown with a copy button."),
    /** What this step does and why. */
    note: text().describe("What this step does and why."),
    /** What the reader should see if the claim holds. */
    expect: text().optional().describe("What the reader should see if the claim holds."),
  });

/** `claims/<cloud>/<id>.yaml`: one piece of competitor-gap ("dagger") evidence. */
export const claimSchema = (ctx: SchemaContext) =>
  z.strictObject({
    ...baseFields(ctx),
    /** The cloud this claim is about (a `clouds` id). */
    cloud: ctx.ref('clouds').describe("The cloud this claim is about (a `clouds` id)."),
    /** The competing service, e.g. "Azure Blob Storage (GPv2)". */
    service: text().describe("The competing service, e.g. \"Azure Blob Storage (GPv2)\"."),
    /** Which gap it evidences. */
    category: z.enum(['throughput', 'latency', 'operations', 'scale', 'cost']).describe("Which gap it evidences."),
    /**
     * The claim in one sentence, as an SE would say it. Write `{value}` where its own number goes
     * (`at most {value} of ingress`): pages show the formatted value and unit, so it never goes
     * out of date; `check` reports a retyped number (`retyped-number`).
     */
    statement: text().describe("The claim in one sentence, as an SE would say it. Write `{value}` where its own number goes (`at most {value} of ingress`): pages show the formatted value and unit, so it never goes out of date; `check` reports a retyped number (`retyped-number`)."),
    /** The number behind the claim. */
    metric: z.strictObject({
      /** What is measured, e.g. "Default max ingress per account". */
      name: text().describe("What is measured, e.g. \"Default max ingress per account\"."),
      /** The figure, or TBD. */
      value: claimValue().describe("The figure, or TBD."),
      /** Unit of `value`, e.g. "Gbps". */
      unit: text().describe("Unit of `value`, e.g. \"Gbps\"."),
      /** Which direction is better for the customer. */
      better: z.enum(['higher', 'lower']).describe("Which direction is better for the customer."),
      /** Qualifier shown next to the value, e.g. "listed regions". */
      qualifier: text().optional().describe("Qualifier shown next to the value, e.g. \"listed regions\"."),
    }).describe("The number behind the claim."),
    /** Our side of the comparison; TBD until measured. */
    ours: z
      .strictObject({
        label: text().describe("What our figure is, e.g. \"Our measured ingress per namespace\"."),
        value: claimValue().describe("Our figure, or TBD until measured."),
        unit: text().describe("Unit of our figure."),
      })
      .optional().describe("Our side of the comparison; TBD until measured."),
    /** sourced (vendor/analyst figure), measured (our run, with repro), provisional, tbd. */
    status: z.enum(['sourced', 'measured', 'provisional', 'tbd']).describe("sourced (vendor/analyst figure), measured (our run, with repro), provisional, tbd."),
    /** Sources (ids) behind the figure. */
    sources: z.array(ctx.ref('sources')).default([]).describe("Sources (ids) behind the figure."),
    /** When the figure was true (YYYY-MM-DD): the doc's date or the measurement date. */
    asOf: pastDate().optional().describe("When the figure was true (YYYY-MM-DD): the doc's date or the measurement date."),
    /** How to reproduce the figure. Required when status is `measured`. */
    repro: z
      .strictObject({
        /** Where it runs: region, instance types, versions. */
        environment: text().describe("Where it runs: region, instance types, versions."),
        steps: z.array(reproStep()).min(1, { error: 'at least one step' }).describe("The steps, in order."),
      })
      .optional().describe("How to reproduce the figure. Required when status is `measured`."),
    /** Place on the cloud's dagger page (1 = headline gap), with the slide's two short lines. */
    dagger: z
      .strictObject({
        rank: z.int().min(1).max(9).describe("Position on the cloud's dagger slide (1 first)."),
        /** Why the gap matters to the customer, one line for the slide (at most 90 characters). Default: the statement. */
        why: text().max(90, { error: 'one slide line: at most 90 characters' }).optional().describe("Why the gap matters to the customer, one line for the slide (at most 90 characters). Default: the statement."),
        /** Where we plug in on this gap, one line for the slide (at most 90 characters). */
        fit: text().max(90, { error: 'one slide line: at most 90 characters' }).optional().describe("Where we plug in on this gap, one line for the slide (at most 90 characters)."),
      })
      .optional().describe("Place on the cloud's dagger page (1 = headline gap), with the slide's two short lines."),
    /** Earlier values of a figure that changed over time, oldest first. */
    history: z
      .array(
        z.strictObject({
          date: pastDate().describe("When this earlier value was published (YYYY-MM-DD)."),
          value: claimValue().describe("The earlier value, in the claim's unit."),
          note: text().optional().describe("What changed, in a few words."),
          source: ctx.ref('sources').optional().describe("Where the earlier value was published (a `sources` id)."),
        }),
      )
      .default([]).describe("Earlier values of a figure that changed over time, oldest first."),
    /**
     * Our measurements behind the figures (ids in `measurements`), written by `fieldkit measure
     * import`: `metric` gives `metric.value`, `ours` gives `ours.value`. `check` recomputes each
     * value from the measurement's raw files.
     */
    evidence: z
      .strictObject({
        metric: ctx.ref('measurements').optional().describe("The measurement (id) whose median is the claim's own value (written by `fieldkit measure import`)."),
        ours: ctx.ref('measurements').optional().describe("The measurement (id) whose median is `ours.value`."),
      })
      .optional().describe("Our measurements behind the figures (ids in `measurements`), written by `fieldkit measure import`: `metric` gives `metric.value`, `ours` gives `ours.value`. `check` recomputes each value from the measurement's raw files."),
  });
export type Claim = z.output<ReturnType<typeof claimSchema>>;
