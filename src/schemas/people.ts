import { z } from 'astro/zod';
import { text, type SchemaContext } from './common.ts';

/** `people/<id>.yaml`: someone who owns entries. Roles, not contact details. */
export const peopleSchema = (_ctx: SchemaContext) =>
  z.strictObject({
    /** Display name. */
    name: text().describe("Display name."),
    /** Role in the organisation, e.g. "Product lead, multi-cloud". */
    role: text().describe("Role in the organisation, e.g. \"Product lead, multi-cloud\"."),
  });
export type PersonInput = z.input<ReturnType<typeof peopleSchema>>;
export type Person = z.output<ReturnType<typeof peopleSchema>>;
