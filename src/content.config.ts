import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { dumpsLoader, papersLoader } from './loaders/digest-loader.ts';

/** Topic definitions: the same frontmatter the ingest reads (src/ingest/topic-definitions.ts). */
const topics = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/topics' }),
  schema: z.object({
    name: z.string().min(1),
    description: z.string(),
    order: z.number().optional(),
    rules: z.object({
      threshold: z.number(),
      titleWeight: z.number().nonnegative().optional(),
      maxHitsPerTerm: z.number().nonnegative().optional(),
      nearWindow: z.number().nonnegative().optional(),
      terms: z.record(z.string(), z.number()),
      ignore: z.array(z.string()).optional(),
      requireAny: z.array(z.string()).optional(),
      near: z.record(z.string(), z.array(z.string()).min(1)).optional(),
      notNear: z.record(z.string(), z.array(z.string()).min(1)).optional(),
    }),
  }),
});

const pages = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/pages' }),
  schema: z.object({ title: z.string().min(1), description: z.string() }),
});

export const collections = {
  papers: defineCollection({ loader: papersLoader() }),
  dumps: defineCollection({ loader: dumpsLoader() }),
  topics,
  pages,
};
