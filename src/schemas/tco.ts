import { z } from 'astro/zod';
import { describeDomain, dutySumProblem, tcoDomain, tcoValueProblem, type Medium } from '../lib/tco/tco.ts';
import { baseFields, text, type SchemaContext } from './common.ts';

type Group = 'scenario' | Medium;

/**
 * A model input's number. Its domain (kind, and sanity limits that keep the model finite) comes
 * from `src/lib/tco/tco.ts` (SCENARIO_DOMAINS / MEDIUM_DOMAINS), the same definitions the build and
 * the calculator apply; the field's description (shown by editors) states it, e.g. capacityTB:
 * greater than 0, at least 0.001, at most 1e7 TB; years: a whole number from 1 to 30; duty
 * fractions from 0 to 1 summing to 1; prices and watts 0 or more with an upper bound.
 */
const tcoValue = (group?: Group, param?: string) => {
  const found = group && param ? tcoDomain(group, param) : undefined;
  const value = z.number({ error: 'a number' });
  if (!found) return value;
  return value
    .superRefine((v, ctx) => {
      const expected = tcoValueProblem(group!, param!, v);
      if (expected) ctx.addIssue({ code: 'custom', message: expected, input: v });
    })
    .meta({ description: `${found.unit}: ${describeDomain(found.domain)}` });
};

/**
 * One model input: a value with its unit, and either the source it came from or the reason it is
 * an assumption. A number with neither is refused: nobody can defend it in front of a customer.
 */
export const tcoParam = (ctx: SchemaContext, group?: Group, param?: string) =>
  z
    .strictObject({
      /** The number, in `unit`, within the input's domain (see the description). */
      value: tcoValue(group, param).describe("The number, in `unit`, within the input's domain (see the description)."),
      unit: text().describe('The unit of `value`; it must be the unit the model uses for this input.'),
      /** Source (id) the value was read from. */
      source: ctx.ref('sources').optional().describe("Source (id) the value was read from."),
      /** Why this value was chosen when no source gives it. */
      assumption: text().optional().describe("Why this value was chosen when no source gives it."),
    })
    .refine((p) => (p.source === undefined) !== (p.assumption === undefined), {
      error: 'exactly one of `source` (a sources id) or `assumption` (the reason for the value)',
    })
    .describe(paramDescription(group, param));

function paramDescription(group?: Group, param?: string): string {
  const found = group && param ? tcoDomain(group, param) : undefined;
  const what = found ? `${param} (${found.unit}): ${describeDomain(found.domain)}.` : 'A model input.';
  return `${what} Give the value, its unit, and either \`source\` (a sources id) or \`assumption\` (why this value).`;
}
export type TcoParam = z.output<ReturnType<typeof tcoParam>>;

/** Inputs that differ between HDD and SSD. */
export const MEDIUM_PARAMS = [
  'driveTB', 'pricePerTB', 'driveGBps', 'wattsIdle', 'wattsRead', 'wattsWrite',
  'drivesPerNode', 'nodePrice', 'nodeWatts', 'nodeU', 'afr', 'replaceCost', 'replaceDriveShare', 'serviceLifeYears',
  'dataReduction', 'protectionOverhead', 'maxFill',
] as const;
/** Inputs shared by both media. */
export const SCENARIO_PARAMS = [
  'capacityTB', 'years', 'requiredGBps', 'dutyIdle', 'dutyRead', 'dutyWrite',
  'pricePerKWh', 'pue', 'energyEscalation', 'rackU', 'rackKW', 'rackMonthPrice',
] as const;

const paramsOf = <K extends string>(ctx: SchemaContext, group: Group, keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, tcoParam(ctx, group, k)])) as Record<K, ReturnType<typeof tcoParam>>);

/** The shared inputs; the three duty fractions must also sum to 1 (within 1e-6). */
const scenarioParams = (ctx: SchemaContext) =>
  paramsOf(ctx, 'scenario', SCENARIO_PARAMS).superRefine((s, c) => {
    const expected = dutySumProblem(s.dutyIdle.value, s.dutyRead.value, s.dutyWrite.value);
    if (expected) c.addIssue({ code: 'custom', message: expected, path: ['dutyIdle', 'value'], input: s.dutyIdle.value });
  });

/** A preset's overrides: `scenario.<param>`, `hdd.<param>` or `ssd.<param>` to a value in its domain. */
const presetSet = z.record(z.string(), z.number()).superRefine((set, c) => {
  for (const [key, v] of Object.entries(set)) {
    const [group, param] = key.split('.');
    const ok = (group === 'scenario' || group === 'hdd' || group === 'ssd') && param && tcoDomain(group, param);
    if (!ok) {
      c.addIssue({ code: 'custom', path: [key], input: key, message: 'a field written scenario.<param>, hdd.<param> or ssd.<param> (e.g. scenario.pricePerKWh)' });
      continue;
    }
    const expected = tcoValueProblem(group, param, v);
    if (expected) c.addIssue({ code: 'custom', path: [key], input: v, message: expected });
  }
});

/**
 * A named set of input overrides shown as a link on the scenario page (the calculator reads it
 * from the address): sourced, or labelled with the reason, like every input.
 */
const tcoPreset = (ctx: SchemaContext) =>
  z
    .strictObject({
      /** What the link says, e.g. "A customer's contract: 6 ¢/kWh". */
      label: text().describe("What the link says, e.g. \"A customer's contract: 6 ¢/kWh\"."),
      /** The inputs it changes. */
      set: presetSet.describe('The inputs it changes: `scenario.<param>`, `hdd.<param>` or `ssd.<param>` to a value in its domain.'),
      source: ctx.ref('sources').optional().describe('Source (id) of the preset\'s figures.'),
      assumption: text().optional().describe('Whose figures these are and why, when no source gives them.'),
    })
    .refine((p) => (p.source === undefined) !== (p.assumption === undefined), {
      error: 'exactly one of `source` (a sources id) or `assumption` (whose figure this is and why)',
    });
export type TcoPreset = z.output<ReturnType<typeof tcoPreset>>;

/** `tco/<scenario>.yaml`: an HDD vs SSD scenario. Every input carries a unit and a source or reason. */
export const tcoSchema = (ctx: SchemaContext) =>
  z.strictObject({
    ...baseFields(ctx),
    /** Scenario name. */
    title: text().describe("Scenario name."),
    /** What situation the scenario models, in one or two sentences. */
    description: text().describe("What situation the scenario models, in one or two sentences."),
    /** Inputs shared by both media. */
    scenario: scenarioParams(ctx).describe("Inputs shared by both media."),
    /** Disk inputs. */
    hdd: paramsOf(ctx, 'hdd', MEDIUM_PARAMS).describe("Disk inputs."),
    /** Flash inputs. */
    ssd: paramsOf(ctx, 'ssd', MEDIUM_PARAMS).describe("Flash inputs."),
    /** Named overrides (energy price, service lives, rack power) offered as links. */
    presets: z.array(tcoPreset(ctx)).default([]).describe("Named overrides (energy price, service lives, rack power) offered as links."),
  });
export type TcoScenario = z.output<ReturnType<typeof tcoSchema>>;
