import { z } from 'astro/zod';
import { baseFields, text, type SchemaContext } from './common.ts';

/**
 * One model input: a value with its unit, and either the source it came from or the reason it is
 * an assumption. A number with neither is refused: nobody can defend it in front of a customer.
 */
export const tcoParam = (ctx: SchemaContext) =>
  z
    .strictObject({
      value: z.number({ error: 'a number' }),
      unit: text(),
      /** Source (id) the value was read from. */
      source: ctx.ref('sources').optional(),
      /** Why this value was chosen when no source gives it. */
      assumption: text().optional(),
    })
    .refine((p) => (p.source === undefined) !== (p.assumption === undefined), {
      error: 'exactly one of `source` (a sources id) or `assumption` (the reason for the value)',
    });
export type TcoParam = z.output<ReturnType<typeof tcoParam>>;

/** Inputs that differ between HDD and SSD. */
export const MEDIUM_PARAMS = [
  'driveTB', 'pricePerTB', 'driveGBps', 'wattsIdle', 'wattsRead', 'wattsWrite',
  'drivesPerNode', 'nodePrice', 'nodeWatts', 'nodeU', 'afr', 'replaceCost', 'serviceLifeYears',
  'dataReduction', 'protectionOverhead', 'maxFill',
] as const;
/** Inputs shared by both media. */
export const SCENARIO_PARAMS = [
  'capacityTB', 'years', 'requiredGBps', 'dutyIdle', 'dutyRead', 'dutyWrite',
  'pricePerKWh', 'pue', 'energyEscalation', 'rackU', 'rackKW', 'rackMonthPrice',
] as const;

const paramsOf = <K extends string>(ctx: SchemaContext, keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, tcoParam(ctx)])) as Record<K, ReturnType<typeof tcoParam>>);

/** `tco/<scenario>.yaml`: an HDD vs SSD scenario. Every input carries a unit and a source or reason. */
export const tcoSchema = (ctx: SchemaContext) =>
  z.strictObject({
    ...baseFields(ctx),
    /** Scenario name. */
    title: text(),
    /** What situation the scenario models, in one or two sentences. */
    description: text(),
    /** Inputs shared by both media. */
    scenario: paramsOf(ctx, SCENARIO_PARAMS),
    /** Disk inputs. */
    hdd: paramsOf(ctx, MEDIUM_PARAMS),
    /** Flash inputs. */
    ssd: paramsOf(ctx, MEDIUM_PARAMS),
  });
export type TcoScenario = z.output<ReturnType<typeof tcoSchema>>;
