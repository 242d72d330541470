/**
 * Rule tables read from the schemas, not typed beside them: every field the Zod schemas tag with
 * `.meta()` (`ref`, `internal`, `past`), as a dotted path pattern (`*` = every array item or map
 * value) that `valuesAt` understands. Rename a field in `src/schemas` and the rules follow it.
 * Pure: schemas in, tables out.
 */
import { z } from 'astro/zod';
import { COLLECTIONS, plainContext, type CollectionName, type FieldMeta } from '../../schemas/index.ts';

/** A tagged field: its path pattern and the metadata on it (merged along its wrappers). */
export interface TaggedField {
  path: string;
  meta: FieldMeta;
}

/** The parts of Zod 4's `_zod.def` the walk reads (a union of all def shapes, loosely typed). */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  getter?: () => z.ZodType;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Every field of `schema` that carries metadata of ours, with its path. Wrappers (optional,
 * default, pipe, describe) keep the path; arrays and records add `*`; unions and intersections
 * walk every branch. A field is listed once, with the metadata of all its wrappers merged.
 */
export function taggedFields(schema: z.ZodType): TaggedField[] {
  const found = new Map<string, FieldMeta>();
  const within = new Set<z.ZodType>(); // the schemas being walked: a lazy schema may contain itself
  const walk = (s: z.ZodType | null | undefined, path: string[]): void => {
    if (!s || within.has(s)) return;
    within.add(s);
    visit(s, path);
    within.delete(s);
  };
  const visit = (s: z.ZodType, path: string[]): void => {
    const meta = z.globalRegistry.get(s) as FieldMeta | undefined;
    const ours = meta && Object.fromEntries(Object.entries(meta).filter(([k]) => k === 'ref' || k === 'internal' || k === 'past'));
    if (ours && Object.keys(ours).length > 0) {
      const key = path.join('.');
      found.set(key, { ...found.get(key), ...ours });
    }
    const d = defOf(s);
    switch (d.type) {
      case 'object':
        for (const [k, v] of Object.entries(d.shape ?? {})) walk(v, [...path, k]);
        break;
      case 'array':
        walk(d.element, [...path, '*']);
        break;
      case 'record':
        walk(d.valueType, [...path, '*']);
        break;
      case 'tuple':
        for (const item of [...(d.items ?? []), ...(d.rest ? [d.rest] : [])]) walk(item, [...path, '*']);
        break;
      case 'pipe':
        walk(d.in, path);
        walk(d.out, path);
        break;
      case 'union':
        for (const o of d.options ?? []) walk(o, path);
        break;
      case 'intersection':
        walk(d.left, path);
        walk(d.right, path);
        break;
      case 'lazy':
        walk(d.getter?.(), path);
        break;
      default:
        walk(d.innerType, path); // optional, nullable, default, prefault, catch, readonly, nonoptional
    }
  };
  walk(schema, []);
  return [...found].map(([path, meta]) => ({ path, meta }));
}

/** Each collection's tagged fields, from its schema built with the plain context (walked once). */
const TAGGED = new Map(COLLECTIONS.map((spec) => [spec.name, taggedFields(spec.schema(plainContext))]));

function perCollection<T>(pick: (f: TaggedField) => T | undefined): Record<CollectionName, T[]> {
  return Object.fromEntries(
    COLLECTIONS.map((spec) => [spec.name, TAGGED.get(spec.name)!.flatMap((f) => {
      const v = pick(f);
      return v === undefined ? [] : [v];
    })]),
  ) as Record<CollectionName, T[]>;
}

/** Reference fields of one schema: [path pattern, target collection]. */
export const referencesOf = (schema: z.ZodType): [pattern: string, target: CollectionName][] =>
  taggedFields(schema).flatMap((f) => (f.meta.ref ? [[f.path, f.meta.ref] as [string, CollectionName]] : []));

/** Fields of one schema that stay internal even on an entry a partner may see. */
export const internalOf = (schema: z.ZodType): string[] => taggedFields(schema).flatMap((f) => (f.meta.internal ? [f.path] : []));

/** Date fields of one schema that record the past (a review, an as-of date): never after today. */
export const pastDatesOf = (schema: z.ZodType): string[] => taggedFields(schema).flatMap((f) => (f.meta.past ? [f.path] : []));

/** Reference fields per collection (`.meta({ ref })`, which `ctx.ref` sets). */
export const REFERENCE_FIELDS: Record<CollectionName, [pattern: string, target: CollectionName][]> = perCollection(
  (f) => (f.meta.ref ? ([f.path, f.meta.ref] as [string, CollectionName]) : undefined),
);

/** Internal-only fields per collection (`.meta({ internal: true })`). */
export const INTERNAL_FIELDS: Record<CollectionName, string[]> = perCollection((f) => (f.meta.internal ? f.path : undefined));

/** Past dates per collection (`.meta({ past: true })`, which `pastDate()` sets). */
export const PAST_DATES: Record<CollectionName, string[]> = perCollection((f) => (f.meta.past ? f.path : undefined));
