import { z } from 'astro/zod';
import { baseFields, httpUrl, pastDate, text, type SchemaContext } from './common.ts';

/** `sources/<id>.yaml`: one document or measurement that claims cite. */
export const sourceSchema = (ctx: SchemaContext) =>
  z
    .strictObject({
      ...baseFields(ctx),
      /** Title of the document, page or measurement run. */
      title: text().describe("Title of the document, page or measurement run."),
      /** Who published it (vendor, analyst, our own lab). */
      publisher: text().describe("Who published it (vendor, analyst, our own lab)."),
      /** Where to read it. Required unless `internal` says where an internal source lives. */
      url: httpUrl().optional().describe("Where to read it. Required unless `internal` says where an internal source lives."),
      /** For sources with no public URL: where the record is kept. */
      internal: text().optional().describe("For sources with no public URL: where the record is kept."),
      /** What kind of evidence this is. */
      kind: z.enum(['vendor-doc', 'measurement', 'field-report', 'customer-anecdote', 'analyst', 'press']).describe("What kind of evidence this is."),
      /** When we read it (YYYY-MM-DD). */
      retrieved: pastDate().describe("When we read it (YYYY-MM-DD)."),
      /** The document's own date, when it shows one (YYYY-MM-DD). */
      published: pastDate().optional().describe("The document's own date, when it shows one (YYYY-MM-DD)."),
      /** True when names were removed; the real name is never stored. */
      anonymized: z.boolean().default(false).describe("True when names were removed; the real name is never stored."),
      /** Short note on how far to trust it. */
      note: text().optional().describe("Short note on how far to trust it."),
    })
    .refine((s) => s.url !== undefined || s.internal !== undefined, {
      error: 'a source needs `url` (public) or `internal` (where the record is kept)',
      path: ['url'],
    });
export type Source = z.output<ReturnType<typeof sourceSchema>>;
