import { z } from 'astro/zod';
import { baseFields, text, type SchemaContext } from './common.ts';

/**
 * A date and time as the tools report it (ISO 8601). js-yaml turns an unquoted timestamp into a
 * Date; both forms are accepted and the output is always the ISO string.
 */
const isoDateTime = () =>
  z.preprocess(
    (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString() : v),
    z.iso.datetime({ offset: true, error: 'a date and time written like 2026-11-30T14:05:00Z' }),
  );

/**
 * `measurements/<claim id>/<session>.yaml`: one measurement session, written by
 * `fieldkit measure import` from what the tool reported (never retyped), with the raw result files
 * kept beside it in `measurements/<claim id>/<session>/`. `check` re-reads those files and
 * recomputes every figure here and the claim's value.
 */
export const measurementSchema = (ctx: SchemaContext) =>
  z.strictObject({
    ...baseFields(ctx),
    /** The claim this measures (a `claims` id); the file sits in `measurements/<claim id>/`. */
    claim: ctx.ref('claims'),
    /** Which figure of the claim it gives: `metric` (the claim's own figure) or `ours`. */
    side: z.enum(['metric', 'ours']).default('metric'),
    /** The tool, as it names itself (fio, iperf3, or the CSV's tool column). */
    tool: text(),
    /** The tool's version, as it reports it. */
    version: text().optional(),
    /** How the raw files are read. */
    format: z.enum(['fio-json', 'iperf3-json', 'csv']),
    /** The command, rebuilt from the options the tool reported. */
    command: text().optional(),
    /** The job or test options the tool reported. */
    options: z.record(z.string(), z.string()).optional(),
    /** When the first run started (ISO 8601, from the tool). */
    started: isoDateTime(),
    /** Where it ran, as the tool reported it; `given` is what the person importing added (--env). */
    environment: z
      .strictObject({
        host: text().optional(),
        system: text().optional(),
        kernel: text().optional(),
        cpu: text().optional(),
        peer: text().optional(),
        given: z.record(z.string(), z.string()).optional(),
      })
      .default({}),
    /** The statistic taken from each run, e.g. `write.bandwidth`, `read.clat.p99`, `csv:throughput`. */
    statistic: text(),
    /** Unit of every figure below (the claim's unit when imported). */
    unit: text(),
    /** The raw result files, kept beside this file, with their SHA-256. */
    files: z
      .array(
        z.strictObject({
          name: text(),
          sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: '64 lower-case hex digits' }),
        }),
      )
      .min(1, { error: 'at least one raw result file' }),
    /** Each run's figure, in `unit`, from the files in order. */
    runs: z
      .array(
        z.strictObject({
          file: text(),
          row: z.int().positive().optional(),
          time: isoDateTime().optional(),
          value: z.number(),
        }),
      )
      .min(1, { error: 'at least one run' }),
    /** Median, min, max and count of the runs. */
    summary: z.strictObject({ median: z.number(), min: z.number(), max: z.number(), n: z.int().positive() }),
  });
export type Measurement = z.output<ReturnType<typeof measurementSchema>>;
