// Declarative: one collection per schema, ids from the shared id function. Cross-entry rules
// (references, claim rules) are enforced by the Fieldkit integration before content sync.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { entryGlob, entryId } from './lib/ids.ts';
import { COLLECTIONS, plainContext } from './schemas/index.ts';

const collections = Object.fromEntries(
  COLLECTIONS.map((spec) => [
    spec.name,
    defineCollection({
      loader: glob({
        pattern: entryGlob(spec),
        base: `./src/content/${spec.dir}`,
        generateId: ({ entry }) => entryId(entry),
      }),
      schema: spec.schema(plainContext),
    }),
  ]),
);

export { collections };
