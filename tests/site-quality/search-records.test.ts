/**
 * The build indexes each paper from its record (src/pages/papers/_search-record.ts) while Astro renders the
 * pages. That index must be the one Pagefind makes of the rendered paper pages themselves: the
 * built pages are indexed here again, whole and in the same order (by length, equal lengths by
 * arrival, then URL: src/integrations/search-shard-index.ts, src/lib/search-shards.ts), compacted and merged as the build compacts and merges its shards
 * (src/integrations/search-index-compact.ts, search-index-merge.ts: the seeds make one shard at the
 * default shard size), and every file of the two indexes must be equal, byte for byte (text,
 * weights, filters and meta alike).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, expect, inject, test } from 'vitest';
import { decodeIndexFile, readIndexFile } from '../../src/integrations/pagefind-cbor.ts';
import { compactShardIndex } from '../../src/integrations/search-index-compact.ts';
import { indexChunkSize, mergeStagedShards } from '../../src/integrations/search-shard-index.ts';
import { searchValuesPath, upvotesBlocks, type ShardKeyValues } from '../../src/lib/search-values.ts';
import { compareByArrival, stagedShardFolder } from '../../src/lib/search-shards.ts';
import { expectedDigest } from '../browser/helpers.ts';

const output = mkdtempSync(join(tmpdir(), 'rd-pagefind-pages-'));
afterAll(async () => {
  await pagefind.close();
  rmSync(output, { recursive: true, force: true });
});

function filesUnder(directory: string): Map<string, Buffer> {
  return new Map(
    readdirSync(directory, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [
        relative(directory, join(entry.parentPath, entry.name)),
        readFileSync(join(entry.parentPath, entry.name)),
      ]),
  );
}

/** Each page's number and word count in the built index (the seeds make one shard), by URL. */
function builtPageOrder(folder: string): Map<string, { page: number; words: number }> {
  const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as {
    languages: { en: { hash: string } };
  };
  const meta = decodeIndexFile(join(folder, `pagefind.${entry.languages.en.hash}.pf_meta`)) as [
    string,
    [string, number, string][],
  ];
  return new Map(
    meta[1].map(([fragment, words], page) => {
      const json = readIndexFile(join(folder, 'fragment', `${fragment}.pf_fragment`)).toString('utf8');
      return [(JSON.parse(json) as { url: string }).url, { page, words }];
    }),
  );
}

test("the index built from the records is Pagefind's index of the rendered paper pages, byte for byte", async () => {
  const dist = inject('distDir');
  const firstSeen = new Map(expectedDigest().result.papers.map((paper) => [paper.id, paper.firstSeen]));
  const pages = readdirSync(join(dist, 'papers'))
    .map((id) => ({
      url: `/papers/${id}/`,
      firstSeen: firstSeen.get(id) ?? '',
      content: readFileSync(join(dist, 'papers', id, 'index.html'), 'utf8'),
    }))
    // The redirect pages of merged papers are not indexed.
    .filter((page) => page.content.includes('data-pagefind-body'))
    .sort(compareByArrival);
  expect(pages).toHaveLength(expectedDigest().result.papers.length);
  // The build numbers a shard's pages by length, equal lengths in arrival order: its page order is
  // checked to be that, and the rendered pages are indexed in it.
  const builtOrder = builtPageOrder(join(dist, 'pagefind'));
  const ordered = [...pages].sort((a, b) => builtOrder.get(a.url)!.page - builtOrder.get(b.url)!.page);
  const words = ordered.map(({ url }) => builtOrder.get(url)!.words);
  expect(words).toEqual([...words].sort((a, b) => a - b));
  const arrival = new Map(pages.map(({ url }, at) => [url, at]));
  ordered.forEach((page, at) => {
    if (at > 0 && words[at] === words[at - 1])
      expect(arrival.get(page.url)!).toBeGreaterThan(arrival.get(ordered[at - 1]!.url)!);
  });

  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = indexChunkSize();
  const { index, errors } = await pagefind.createIndex({});
  expect(errors).toEqual([]);
  for (const { url, content } of ordered) expect((await index!.addHTMLFile({ url, content })).errors).toEqual([]);
  const shard = join(output, stagedShardFolder(0));
  expect((await index!.writeFiles({ outputPath: shard })).errors).toEqual([]);
  compactShardIndex(shard);
  await mergeStagedShards(output, 1);

  const fromPages = filesUnder(output);
  const built = filesUnder(join(dist, 'pagefind'));
  // The sort values are the build's own files, beside the index (tests/browser/search.test.ts reads them).
  for (const key of ['date', 'upvotes'] as const)
    expect(built.has(searchValuesPath(key).slice('/pagefind/'.length))).toBe(true);
  // And the upvotes again in blocks: the seeds' one shard of 477 pages makes two.
  const upvotes = JSON.parse(built.get('search-upvotes.json')!.toString('utf8')) as ShardKeyValues[];
  const blocks = upvotes.flatMap((shard) => upvotesBlocks(shard));
  expect(blocks).toHaveLength(2);
  for (const block of blocks)
    expect(built.get(block.path.slice('/pagefind/'.length))?.toString('utf8')).toBe(block.text);
  for (const path of [searchValuesPath('date'), searchValuesPath('upvotes'), ...blocks.map((block) => block.path)])
    built.delete(path.slice('/pagefind/'.length));
  expect([...built.keys()].sort()).toEqual([...fromPages.keys()].sort());
  const different = [...built].filter(([file, bytes]) => !bytes.equals(fromPages.get(file)!)).map(([file]) => file);
  expect(different).toEqual([]);
}, 120_000);
