/**
 * Where the pages get the paper records: from the corpus the papers loader publishes in the build's
 * process, not from Astro's data store, whose `papers` collection keeps a summary of each paper
 * (src/loaders/digest-loader.ts, src/lib/site-data.ts). In a copy of the project built from the
 * seeds: the collection is still one a page can query, holding each paper's id, title, topics,
 * date and first dump, as `npm run ingest -- --json` gives them; and a build whose papers loader
 * published nothing stops, saying why, instead of building a site without papers.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ingestJson, makeSiteCopy, PROJECT_ROOT, type SiteCopy } from './helpers.ts';

/** A route of the copy only: what `getCollection('papers')` returns, as a page would see it. */
const PROBE_ROUTE = `import { getCollection } from 'astro:content';

export async function GET() {
  const entries = await getCollection('papers');
  return new Response(JSON.stringify(entries.map((entry) => ({ id: entry.id, data: entry.data }))));
}
`;

interface IngestPaper {
  id: string;
  title: string;
  topics: string[];
  published: string | null;
  firstSeen: string;
  abstract: string;
}

describe('the paper records and the papers collection', () => {
  let copy: SiteCopy;
  let papers: IngestPaper[];

  beforeAll(async () => {
    copy = makeSiteCopy('paper-records');
    cpSync(join(PROJECT_ROOT, 'seeds'), copy.seeds, { recursive: true });
    writeFileSync(join(copy.root, 'src/pages/collection-probe.json.ts'), PROBE_ROUTE);
    papers = JSON.parse(await ingestJson(copy)) as IngestPaper[];
  }, 60_000);

  afterAll(() => copy?.remove());

  it('keeps a queryable summary of every paper in the collection, and the pages show the whole records', async () => {
    const dist = join(copy.root, 'dist');
    await buildSite(copy, dist);
    const entries = JSON.parse(readFileSync(join(dist, 'collection-probe.json'), 'utf8')) as {
      id: string;
      data: Record<string, unknown>;
    }[];
    expect(papers.length).toBeGreaterThan(400);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(entries.sort(byId)).toEqual(
      [...papers].sort(byId).map((paper) => ({
        id: paper.id,
        data: {
          id: paper.id,
          title: paper.title,
          topics: paper.topics,
          published: paper.published,
          firstSeen: paper.firstSeen,
        },
      })),
    );
    // The abstract is not in the collection, yet every paper page shows it.
    // (A paper whose abstract opens with plain words: nothing escaped, linked or set as math.)
    const plain = papers.filter((candidate) => /^[A-Za-z0-9 ,.;:()-]{120}/.test(candidate.abstract));
    expect(plain.length).toBeGreaterThan(100);
    for (const paper of [plain[0]!, plain.at(-1)!]) {
      const page = readFileSync(join(dist, 'papers', paper.id, 'index.html'), 'utf8');
      expect(page).toContain(paper.abstract.slice(0, 120));
    }
  }, 240_000);

  it('stops a build whose papers loader published no corpus, saying where the records come from', async () => {
    const config = join(copy.root, 'src/content.config.ts');
    const source = readFileSync(config, 'utf8');
    const swapped = source.replace(
      'papers: defineCollection({ loader: papersLoader() })',
      'papers: defineCollection({ loader: () => [] })',
    );
    expect(swapped).not.toBe(source);
    writeFileSync(config, swapped);
    const failure = await buildSite(copy, join(copy.root, 'dist-unpublished')).then(
      () => null,
      (error: unknown) => (error as Error).message,
    );
    // The search index's integration asks first (when the build starts), the pages next.
    expect(failure).toMatch(/the papers loader (\(src\/loaders\/digest-loader\.ts\) )?published no (corpus|papers)/);
    expect(failure).toContain('src/loaders/digest-loader.ts');
    expect(existsSync(join(copy.root, 'dist-unpublished', 'index.html'))).toBe(false);
  }, 240_000);
});
