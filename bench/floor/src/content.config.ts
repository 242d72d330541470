// One collection: every generated entry as a Markdown file (its fields as a list, then its body).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  entries: defineCollection({
    loader: glob({ pattern: '**/*.md', base: './src/content/entries' }),
    schema: z.object({ title: z.string(), collection: z.string() }),
  }),
};
