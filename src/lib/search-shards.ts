/**
 * How the search index is cut into shards (used by the build, src/integrations/, and in the
 * browser). Papers are indexed in order of arrival (the dump that first listed them, then URL), and
 * the shards are consecutive runs of that order: a new dump adds papers at the end, so the shards
 * before the last keep their papers, and the build takes their index from its cache instead of
 * indexing them again. The build then merges the shards into the one index at `/pagefind/`
 * (src/integrations/search-index-merge.ts).
 */

import type { PaperRecord } from '../ingest/index.ts';
import { paperUrl } from './format.ts';

/**
 * Papers per shard. Pagefind holds one shard's pages in memory at a time, about 150 KB a page
 * (≈ 320 MB at 2,000, 1.4 GB at 10,000), and a rebuild indexes again every shard with a changed
 * paper plus the last one, which each dump's new papers join: the smaller the shards, the less a
 * rebuild indexes. Readers do not see the shards: the build merges them into one index.
 */
const DEFAULT_SEARCH_SHARD_SIZE = 2_000;
/** Set it to cut smaller shards (the tests build the seeds in shards of 200). */
export const SEARCH_SHARD_SIZE_VARIABLE = 'RESEARCH_DIGEST_SEARCH_SHARD_SIZE';
export function searchShardSize(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_SEARCH_SHARD_SIZE;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`${SEARCH_SHARD_SIZE_VARIABLE} must be a whole number of papers, not "${value}"`);
  return size;
}

/**
 * `npm run build:shard -- K/N` (scripts/build-shard.ts) sets this to `K/N`: the process builds the
 * paper pages and search index of shard K of N (1-based), and scripts/merge-build-shards.ts
 * assembles `dist/` from the N outputs.
 */
export const BUILD_SHARD_VARIABLE = 'RESEARCH_DIGEST_BUILD_SHARD';

export interface BuildShard {
  /** 0-based. */
  index: number;
  count: number;
}

export function parseBuildShard(value: string | undefined): BuildShard | null {
  if (value === undefined || value === '') return null;
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const [shard, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || count < 1 || shard < 1 || shard > count)
    throw new Error(`a build shard is K/N with 1 ≤ K ≤ N (e.g. 1/2), not "${value}"`);
  return { index: shard - 1, count };
}

/** Papers per search shard: one build shard is one search shard, so N build shards cut the papers in N. */
export function effectiveShardSize(papers: number, env: NodeJS.ProcessEnv): number {
  const buildShard = parseBuildShard(env[BUILD_SHARD_VARIABLE]);
  return buildShard
    ? Math.max(1, Math.ceil(papers / buildShard.count))
    : searchShardSize(env[SEARCH_SHARD_SIZE_VARIABLE]);
}

/** The papers in the index's page order (by arrival), cut into shards. */
export function arrivalShards<P extends Pick<PaperRecord, 'id' | 'firstSeen'>>(
  papers: readonly P[],
  shardSize: number,
): P[][] {
  const ordered = papers
    .map((paper) => ({ url: paperUrl(paper.id), firstSeen: paper.firstSeen, paper }))
    .sort(compareByArrival);
  const shards: P[][] = [];
  for (let start = 0; start < ordered.length || start === 0; start += shardSize)
    shards.push(ordered.slice(start, start + shardSize).map(({ paper }) => paper));
  return shards;
}

/** In a build of one shard (BUILD_SHARD_VARIABLE), whether a paper's page is this process's to build. */
export function paperPageFilter(papers: readonly PaperRecord[], env: NodeJS.ProcessEnv): (id: string) => boolean {
  const buildShard = parseBuildShard(env[BUILD_SHARD_VARIABLE]);
  if (!buildShard) return () => true;
  const mine = new Set(
    (arrivalShards(papers, effectiveShardSize(papers.length, env))[buildShard.index] ?? []).map((paper) => paper.id),
  );
  return (id) => mine.has(id);
}

/** In a build of one shard, its sort values, until the merge step writes the files of src/lib/search-values.ts. */
export const pendingSearchValuesFile = (shard: number): string => `pagefind/search-values.${shard}.pending.json`;

/** The shard's folder in the index's folder until the shards are merged into one index (src/integrations/search-index-merge.ts). */
export const stagedShardFolder = (shard: number): string => `shard-${shard}`;

/** The order of the index's pages: by arrival, then URL. */
export function compareByArrival(a: { firstSeen: string; url: string }, b: { firstSeen: string; url: string }): number {
  if (a.firstSeen !== b.firstSeen) return a.firstSeen < b.firstSeen ? -1 : 1;
  return a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}
