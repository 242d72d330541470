/**
 * Building blocks shared by every collection schema. Schemas describe shape only; rules that
 * need more than one entry (references, duplicates, freshness) live in src/lib.
 */
import { z } from 'astro/zod';

/** Collections that can be the target of a reference. */
export type CollectionName =
  | 'clouds'
  | 'plays'
  | 'claims'
  | 'sources'
  | 'tco'
  | 'triage'
  | 'frds'
  | 'people'
  | 'reviews'
  | 'signals'
  | 'partners'
  | 'measurements';

/**
 * What a schema factory needs from its caller. Astro's `reference()` only logs a dangling
 * reference and changes the output shape, so both the site and the CLI pass plain id strings and
 * let `src/lib/checks/integrity.ts` resolve them: the context exists so a caller can tag or replace them.
 */
export interface SchemaContext {
  ref: (collection: CollectionName) => z.ZodType<string>;
}

/** Lower-case, path-like ids: `azure`, `azure/account-ingress`. */
export const ID_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\/[a-z0-9]+(?:[-_][a-z0-9]+)*)*$/;

export const plainContext: SchemaContext = {
  ref: (collection) =>
    z
      .string()
      .regex(ID_PATTERN, { error: `an id of an entry in ${collection}, like "azure" or "azure/account-ingress"` })
      .meta({ ref: collection } satisfies FieldMeta),
};

/**
 * What the rules read from a field's `.meta()` (`src/lib/content/schema-fields.ts` walks the
 * schemas for it), so no rule keeps its own list of field paths:
 * - `ref`: the field holds the id of an entry in that collection (set by `ctx.ref`);
 * - `internal`: the field stays internal even on an entry a partner or the public may see;
 * - `past`: a date that records the past (a review, an as-of date), never after today.
 */
export type FieldMeta = {
  ref?: CollectionName;
  internal?: true;
  past?: true;
};

/** Tag for a field that only the internal edition shows: `.meta(INTERNAL)`. */
export const INTERNAL: FieldMeta = { internal: true };

/** Marker that `fieldkit new` writes and `check` reports until an author replaces it. */
export const PLACEHOLDER = 'TODO';

/**
 * A calendar date written `YYYY-MM-DD`. YAML parsers disagree on unquoted dates (js-yaml makes a
 * Date, `yaml` keeps the string), so both are accepted and the output is always the string.
 */
export const isoDate = () =>
  z.preprocess(
    (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
    z.iso.date({ error: 'a real calendar date written YYYY-MM-DD' }),
  );

/** A date that records the past (YYYY-MM-DD): `check` refuses one after today. */
export const pastDate = () => isoDate().meta({ past: true } satisfies FieldMeta);

/** An absolute http(s) URL. Other schemes (javascript:, file:, data:) are refused. */
export const httpUrl = () => z.httpUrl({ error: 'an absolute http:// or https:// URL' });

/** Non-empty trimmed text. */
export const text = () => z.string().trim().min(1, { error: 'non-empty text' });

/** Who may see an entry. A build for `partner` leaves out `internal` entries, and so on. */
/** The audiences, from the widest to the most restricted: an audience's index is its rank. The one list. */
export const AUDIENCES = ['public', 'partner', 'internal'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const audience = () => z.enum(AUDIENCES).default('internal');

/** Fields every entry except `people` carries. */
export const baseFields = (ctx: SchemaContext) => ({
  /** The person (a `people` id) who answers for this entry. */
  owner: ctx.ref('people').describe("The person (a `people` id) who answers for this entry."),
  /** When the owner last confirmed the entry is right (YYYY-MM-DD). */
  reviewed: pastDate().describe("When the owner last confirmed the entry is right (YYYY-MM-DD)."),
  /** Days after `reviewed` (claims: after `asOf`) when the entry is due for review again. */
  reviewEvery: z.int().positive().max(3650).default(180).describe("Days after `reviewed` (claims: after `asOf`) when the entry is due for review again."),
  /** Who may see it: `public`, `partner` or `internal` (default). */
  audience: audience().describe("Who may see it: `public`, `partner` or `internal` (default)."),
});
