// Declarative: one collection per schema, every one loaded by the Fieldkit loader
// (src/loaders/fieldkit.ts), which stores exactly what `fieldkit check` validated. The schema is
// here for the types of `getCollection`; the loader has already validated the data with it.
import { defineCollection } from 'astro:content';
import { fieldkitLoader } from './loaders/fieldkit.ts';
import { COLLECTIONS, plainContext, type CollectionName } from './schemas/index.ts';

const collections = Object.fromEntries(
  COLLECTIONS.map((spec) => [
    spec.name,
    defineCollection({
      loader: fieldkitLoader(spec.name as CollectionName),
      schema: spec.schema(plainContext),
    }),
  ]),
);

export { collections };
