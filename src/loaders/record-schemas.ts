/**
 * Zod schemas of the ingest's records and of what the collections store, checked at compile time
 * against the ingest's types so the two can never drift apart.
 */
import { z } from 'astro/zod';
import { DUMP_FORMATS, type DumpReport, type PaperEntryData, type PaperRecord } from '../ingest/index.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date');
const source = z.object({ dump: z.string().min(1), line: z.number().int().positive() });
const listing = z.object({ dump: z.string().min(1), line: z.number().int().positive(), title: z.string().nullable() });

/** A whole paper record: the loader checks each record the ingest made before the pages read it. */
export const paperSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lower-case URL slug'),
  title: z.string().min(1),
  titleHtml: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  titleDerived: z.boolean(),
  abstract: z.string().min(1),
  abstractHtml: z.string().min(1),
  topics: z.array(z.string()),
  topicEvidence: z.record(z.string(), z.array(z.object({ phrase: z.string(), field: z.enum(['title', 'abstract']) }))),
  published: isoDate.nullable(),
  upvotes: z.number().int().nonnegative().nullable(),
  authorCount: z.number().int().positive().nullable(),
  organization: z.string().min(1).nullable(),
  links: z.array(z.url({ protocol: /^https?$/ })),
  sources: z.array(source).min(1),
  firstSeen: z.string().min(1),
  formerIds: z.array(z.string()),
  changes: z.array(
    z.object({
      dump: z.string().min(1),
      field: z.enum(['title', 'upvotes']),
      from: z.union([z.string(), z.number()]).nullable(),
      to: z.union([z.string(), z.number()]).nullable(),
    }),
  ),
  possiblySameWork: z.array(z.string()),
  merges: z.array(
    z.object({
      rule: z.enum([
        'near-identical-abstract',
        'truncated-abstract',
        'close-title-and-abstract',
        'short-title-and-abstract',
      ]),
      entry: listing,
      matched: listing,
      figures: z.object({
        abstractSimilarity: z.number(),
        containment: z.number(),
        beyondSharedRun: z.number(),
        titleSimilarity: z.number().nullable(),
      }),
    }),
  ),
});

/** The `papers` collection's entries (src/ingest/types.ts, PaperEntryData): the record's own fields. */
export const paperEntrySchema = paperSchema.pick({
  id: true,
  title: true,
  topics: true,
  published: true,
  firstSeen: true,
});

export const dumpSchema = z.object({
  file: z.string().min(1),
  order: z.number().int().nonnegative(),
  format: z.enum(DUMP_FORMATS).nullable(),
  dumpDate: isoDate.nullable(),
  entries: z.number().int().nonnegative(),
  newPapers: z.number().int().nonnegative(),
  mergedEntries: z.number().int().nonnegative(),
  warnings: z.array(z.object({ dump: z.string(), line: z.number().int().positive().nullable(), message: z.string() })),
  notes: z.array(z.object({ dump: z.string(), line: z.number().int().positive().nullable(), message: z.string() })),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const paperSchemaMatchesRecord: Same<z.infer<typeof paperSchema>, PaperRecord> = true;
const paperEntrySchemaMatchesData: Same<z.infer<typeof paperEntrySchema>, PaperEntryData> = true;
const dumpSchemaMatchesReport: Same<z.infer<typeof dumpSchema>, DumpReport> = true;
void paperSchemaMatchesRecord;
void paperEntrySchemaMatchesData;
void dumpSchemaMatchesReport;
