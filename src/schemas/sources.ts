import { z } from 'astro/zod';
import { baseFields, httpUrl, isoDate, text, type SchemaContext } from './common.ts';

/** `sources/<id>.yaml`: one document or measurement that claims cite. */
export const sourceSchema = (ctx: SchemaContext) =>
  z
    .strictObject({
      ...baseFields(ctx),
      /** Title of the document, page or measurement run. */
      title: text(),
      /** Who published it (vendor, analyst, our own lab). */
      publisher: text(),
      /** Where to read it. Required unless `internal` says where an internal source lives. */
      url: httpUrl().optional(),
      /** For sources with no public URL: where the record is kept. */
      internal: text().optional(),
      /** What kind of evidence this is. */
      kind: z.enum(['vendor-doc', 'measurement', 'field-report', 'customer-anecdote', 'analyst', 'press']),
      /** When we read it (YYYY-MM-DD). */
      retrieved: isoDate(),
      /** The document's own date, when it shows one (YYYY-MM-DD). */
      published: isoDate().optional(),
      /** True when names were removed; the real name is never stored. */
      anonymized: z.boolean().default(false),
      /** Short note on how far to trust it. */
      note: text().optional(),
    })
    .refine((s) => s.url !== undefined || s.internal !== undefined, {
      error: 'a source needs `url` (public) or `internal` (where the record is kept)',
      path: ['url'],
    });
export type Source = z.output<ReturnType<typeof sourceSchema>>;
