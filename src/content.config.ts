import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { dumpsLoader, papersLoader } from './loaders/digest-loader.ts';
import { topicFrontmatterSchema } from './ingest/index.ts';

/** Topic definitions: the frontmatter schema is the ingest's (src/ingest/topics.ts). */
const topics = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/topics' }),
  schema: topicFrontmatterSchema,
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
