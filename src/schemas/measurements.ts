import { z } from 'astro/zod';
import { baseFields, INTERNAL, text, type SchemaContext } from './common.ts';

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
    claim: ctx.ref('claims').describe("The claim this measures (a `claims` id); the file sits in `measurements/<claim id>/`."),
    /** Which figure of the claim it gives: `metric` (the claim's own figure) or `ours`. */
    side: z.enum(['metric', 'ours']).default('metric').describe("Which figure of the claim it gives: `metric` (the claim's own figure) or `ours`."),
    /** The tool, as it names itself (fio, iperf3, or the CSV's tool column). */
    tool: text().describe("The tool, as it names itself (fio, iperf3, or the CSV's tool column)."),
    /** The tool's version, as it reports it. */
    version: text().optional().describe("The tool's version, as it reports it."),
    /** How the raw files are read. */
    format: z.enum(['fio-json', 'iperf3-json', 'csv']).describe("How the raw files are read."),
    /** The command, rebuilt from the options the tool reported. */
    command: text().optional().describe("The command, rebuilt from the options the tool reported."),
    /** The job or test options the tool reported. */
    options: z.record(z.string(), z.string()).optional().describe("The job or test options the tool reported."),
    /** When the first run started (ISO 8601, from the tool). */
    started: isoDateTime().describe("When the first run started (ISO 8601, from the tool)."),
    /** Where it ran, as the tool reported it; `given` is what the person importing added (--env). */
    environment: z
      .strictObject({
        host: text().optional().describe("The host name the tool reported (internal edition only).").meta(INTERNAL),
        system: text().optional().describe("The operating system the tool reported."),
        kernel: text().optional().describe("The kernel version the tool reported."),
        cpu: text().optional().describe("The CPU the tool reported."),
        peer: text().optional().describe("The other end of a network test (internal edition only).").meta(INTERNAL),
        given: z.record(z.string(), z.string()).optional().describe("What the tool does not report, given with --env: region, VM size."),
      })
      .default({}).describe("Where it ran, as the tool reported it; `given` is what the person importing added (--env)."),
    /** The statistic taken from each run, e.g. `write.bandwidth`, `read.clat.p99`, `csv:throughput`. */
    statistic: text().describe("The statistic taken from each run, e.g. `write.bandwidth`, `read.clat.p99`, `csv:throughput`."),
    /** Unit of every figure below (the claim's unit when imported). */
    unit: text().describe("Unit of every figure below (the claim's unit when imported)."),
    /** The raw result files, kept beside this file, with their SHA-256. */
    files: z
      .array(
        z.strictObject({
          name: text().describe("The raw result file's name, beside the measurement."),
          sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: '64 lower-case hex digits' }).describe("SHA-256 of the raw file as imported."),
        }),
      )
      .min(1, { error: 'at least one raw result file' }).describe("The raw result files, kept beside this file, with their SHA-256."),
    /** Each run's figure, in `unit`, from the files in order. */
    runs: z
      .array(
        z.strictObject({
          file: text().describe("The raw file the run comes from."),
          row: z.int().positive().optional().describe("The CSV row, for CSV results."),
          time: isoDateTime().optional().describe("When the run started, as the tool reported it."),
          value: z.number().describe("The run's figure, in the measurement's unit."),
        }),
      )
      .min(1, { error: 'at least one run' }).describe("Each run's figure, in `unit`, from the files in order."),
    /** Median, min, max and count of the runs. */
    summary: z.strictObject({ median: z.number().describe("Median of the runs."), min: z.number().describe("Smallest run."), max: z.number().describe("Largest run."), n: z.int().positive().describe("Number of runs.") }).describe("Median, min, max and count of the runs."),
  });
export type Measurement = z.output<ReturnType<typeof measurementSchema>>;
