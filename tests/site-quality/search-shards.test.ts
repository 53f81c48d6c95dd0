/**
 * The search index in shards (src/lib/search-shards.ts). The seeds (477 papers) are built in a
 * copy of the project in shards of 200 papers: three Pagefind indexes, merged by the build into one
 * (src/integrations/search-index-merge.ts). Every search below, run through the search page (all
 * results, "Show more" until there are no more), must list the same papers in the same order, with
 * the same status line, as the one-index build the other browser tests use; and Pagefind's own
 * answers (scores, filter counts) must be the same, but for the order of equal scores. Then a dump of new papers arrives and the copy
 * is built again: the two shards it does not touch come from the cache, and their pages' fragments
 * are the same files.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { SEARCH_SHARD_SIZE_VARIABLE } from '../../src/lib/search-shards.ts';
import { launchBrowser } from '../../scripts/lib/launch-browser.ts';
import { searchOutcome } from '../browser/helpers.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { buildSite, hashTree, makeSiteCopy, PROJECT_ROOT, type SiteCopy } from '../site-build/helpers.ts';
import { requireHarness } from './helpers.ts';

const SHARDED = { [SEARCH_SHARD_SIZE_VARIABLE]: '200' };

/** Two papers no seed has, in the daily-page format, arriving after every seed. */
const NEW_DUMP = `Daily Papers

Mar 30

Sharded Retrieval of Quokka Embeddings for Sparse Experts

We route quokka embeddings through a sparse mixture of experts and shard the retrieval index by arrival. Each shard is searched alone and the lists are merged by score.

Wombat Preference Optimization Without Burrows

We align language models with wombat preferences using a reference-free objective. The method needs no burrow model and matches direct preference optimization on chat benchmarks.
`;

const CASES: [string, string][][] = [
  [['q', 'mixture of experts']],
  [
    ['q', 'preference'],
    ['sort', 'date'],
  ],
  [
    ['q', 'preference'],
    ['sort', 'date-asc'],
  ],
  [
    ['q', 'language'],
    ['sort', 'upvotes'],
  ],
  [
    ['q', 'language'],
    ['sort', 'upvotes-asc'],
  ],
  [
    ['topic', 'Mixture-of-Experts'],
    ['sort', 'upvotes'],
  ],
  [
    ['topic', 'Parameter-efficient fine-tuning'],
    ['sort', 'date-asc'],
  ],
  [
    ['q', 'model'],
    ['year', '2025'],
    ['sort', 'date'],
  ],
  [
    ['q', '"instruction tuning"'],
    ['sort', 'upvotes'],
  ],
  [
    ['q', 'vision'],
    ['topic', 'Multimodal'],
  ],
];

/** The index's files (beside Pagefind's script and WebAssembly). */
const INDEX_FILE = /^(?:pagefind-entry\.json|pagefind\.[^/]+\.pf_(?:meta|pages)|(?:index|fragment|filter)\/.+)$/;

/** Searches Pagefind's own API, as the search page loads it, and returns what decides a results list. */
const PAGEFIND_SEARCHES: [string | null, Record<string, string[]>][] = [
  ['mixture of experts', {}],
  ['preference', {}],
  ['align', {}],
  ['mix', {}],
  ['"instruction tuning"', {}],
  ['language model', { topic: ['Alignment'] }],
  ['vision', { topic: ['Multimodal'], year: ['2025'] }],
  [null, { topic: ['Mixture-of-Experts'] }],
  [null, { organization: ['Liquid AI'] }],
];

let copy: SiteCopy;
let server: StaticServer;
let browser: Browser;
let firstLog = '';

beforeAll(async () => {
  requireHarness();
  copy = makeSiteCopy('search-shards');
  cpSync(join(PROJECT_ROOT, 'seeds'), copy.seeds, { recursive: true });
  firstLog = await buildSite(copy, join(copy.root, 'dist'), SHARDED);
  server = await startStaticServer(join(copy.root, 'dist'));
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  copy?.remove();
});

/** Consecutive results of one key, each run's ids sorted: a list's order, but for the order within ties. */
function tieGroups(results: readonly { id: string; key: string }[]): [string, string[]][] {
  const groups: [string, string[]][] = [];
  for (const { id, key } of results) {
    const last = groups.at(-1);
    if (last && last[0] === key) last[1].push(id);
    else groups.push([key, [id]]);
  }
  return groups.map(([key, ids]) => [key, ids.sort()]);
}

/** Every result of a search, as the page lists them after "Show more results" is pressed until it goes. */
async function everyResult(
  page: Page,
  origin: string,
  params: [string, string][],
): Promise<{ status: string; ids: string[] }> {
  await page.goto(`${origin}/search/?${new URLSearchParams(params)}`);
  const { status, count } = await searchOutcome(page, params);
  while (await page.isVisible('#search-more')) {
    const shown = await page.$$eval('ol#search-results > li', (items) => items.length);
    await page.click('#search-more');
    await page.waitForFunction((shown) => document.querySelectorAll('ol#search-results > li').length > shown, shown, {
      timeout: 10_000,
    });
  }
  const ids = await page.$$eval('ol#search-results > li a', (links) =>
    links.map((link) => link.getAttribute('href') ?? ''),
  );
  expect(ids).toHaveLength(count);
  expect(new Set(ids).size, 'no paper listed twice').toBe(ids.length);
  return { status, ids };
}

describe('the seeds indexed in shards of 200 papers', () => {
  test('make three shards, all indexed on the first build, merged into one index', () => {
    expect(firstLog).toMatch(
      /Pagefind indexed 477 pages .*; 3 shards, 0 from cache\), merged into one index in \d+ ms/,
    );
    const files = readdirSync(join(copy.root, 'dist/pagefind'));
    expect(files.filter((file) => file.endsWith('.pf_meta'))).toHaveLength(1);
    expect(files.filter((file) => /^shard-|pagefind-core|shard-merge/.test(file))).toEqual([]);
    // Fragments keep their shard's names: three prefixes.
    const fragments = readdirSync(join(copy.root, 'dist/pagefind/fragment'));
    expect(fragments).toHaveLength(477);
    expect(new Set(fragments.map((name) => name.slice(0, 6))).size).toBe(3);
  });

  test("the service worker precaches every file of the index, and Pagefind's script", () => {
    const worker = readFileSync(join(copy.root, 'dist/sw.js'), 'utf8');
    const precache = JSON.parse(/const PRECACHE = (\[.*?\]);/s.exec(worker)![1]!) as string[];
    const files = Object.keys(hashTree(join(copy.root, 'dist/pagefind'))).filter((file) => INDEX_FILE.test(file));
    expect(files.length).toBeGreaterThan(477);
    for (const file of files)
      if (file.endsWith('.pf_meta')) expect(precache).not.toContain(`/pagefind/${file}`);
      else expect(precache).toContain(`/pagefind/${file}`);
    // The page list stands for the metadata, which readers' browsers do not load.
    expect(precache.filter((file) => file.endsWith('.pf_pages'))).toHaveLength(1);
    expect(precache).toContain('/pagefind/pagefind.js');
    expect(precache).toContain('/pagefind/search-date.json');
    expect(precache).toContain('/pagefind/search-upvotes.json');
    // The upvotes' blocks too (offline results show their upvotes): one for each shard of 200 pages or fewer.
    const prefixes = new Set(readdirSync(join(copy.root, 'dist/pagefind/fragment')).map((name) => name.slice(0, 6)));
    expect(prefixes.size).toBe(3);
    expect(precache.filter((path) => path.startsWith('/pagefind/upvotes/'))).toEqual(
      [...prefixes].map((prefix) => `/pagefind/upvotes/${prefix}-0.json`).sort(),
    );
  });

  test.each(PAGEFIND_SEARCHES)(
    'Pagefind answers %j %j as with one index: scores, order, filter counts',
    async (query, filters) => {
      const page = await browser.newPage();
      try {
        const answers = [];
        for (const origin of [inject('baseUrl'), server.url]) {
          await page.goto(`${origin}/offline/`);
          answers.push(
            await page.evaluate(
              async ({ query, filters }) => {
                // Built with Function so that Vite leaves this import() alone: it runs in the page.
                const pagefind = await new Function('return import("/pagefind/pagefind.js")')();
                await pagefind.options({ excerptLength: 30, noWorker: true });
                await pagefind.init();
                const found = await pagefind.search(query, { filters });
                const urls = await Promise.all(
                  found.results.map(
                    async (result: { data: () => Promise<{ url: string }> }) => (await result.data()).url,
                  ),
                );
                return {
                  urls,
                  scores: found.results.map((result: { score: number }) => result.score),
                  filters: found.filters,
                  totalFilters: found.totalFilters,
                  unfilteredResultCount: found.unfilteredResultCount,
                };
              },
              { query, filters },
            ),
          );
        }
        const [single, merged] = answers;
        expect(single!.urls.length).toBeGreaterThan(0);
        // Pagefind lists equal scores in page order, by shard then length (the search page orders
        // them by length first, below): here they are compared as sets.
        const withTies = ({ urls, ...rest }: { urls: string[]; scores: number[] }) => ({
          ...rest,
          ties: tieGroups(urls.map((url, at) => ({ id: url, key: String(rest.scores[at]) }))),
        });
        expect(withTies(merged!)).toEqual(withTies(single!));
      } finally {
        await page.close();
      }
    },
  );

  test.each(CASES)('search the same as one index: %j', async (...params) => {
    const page = await browser.newPage();
    try {
      const single = await everyResult(page, inject('baseUrl'), params);
      const sharded = await everyResult(page, server.url, params);
      expect(single.ids.length).toBeGreaterThan(1);
      expect(sharded.status).toBe(single.status);
      // One index, whatever the shards: relevance is computed over every paper, so even the order
      // by relevance is the same, and the search page orders ties by length, then page, which is
      // the same order whatever the shards.
      expect(sharded.ids).toEqual(single.ids);
    } finally {
      await page.close();
    }
  });

  test('a new dump re-indexes only the last shard; the others come from the cache, their fragments unchanged', async () => {
    writeFileSync(join(copy.seeds, '999_new_papers.txt'), NEW_DUMP);
    const rebuilt = join(copy.root, 'dist-rebuilt');
    const log = await buildSite(copy, rebuilt, SHARDED);
    expect(log).toMatch(/Pagefind indexed 479 pages .*; 3 shards, 2 from cache\), merged into one index/);
    const fragments = (dist: string) =>
      Object.entries(hashTree(join(dist, 'pagefind'))).filter(([file]) => file.startsWith('fragment/'));
    const before = fragments(join(copy.root, 'dist'));
    const after = fragments(rebuilt);
    // Shard k's fragments are named by its prefix: the first two shards' are the same files.
    const byShard = (entries: [string, string][]) => {
      const prefixes = [...new Set(entries.map(([file]) => file.slice('fragment/'.length, 'fragment/'.length + 6)))];
      return prefixes.map((prefix) => entries.filter(([file]) => file.startsWith(`fragment/${prefix}`)));
    };
    expect(
      byShard(before)
        .map((shard) => shard.length)
        .sort((a, b) => a - b),
    ).toEqual([77, 200, 200]);
    const kept = byShard(after).filter((shard) =>
      byShard(before).some((old) => JSON.stringify(old) === JSON.stringify(shard)),
    );
    expect(kept.map((shard) => shard.length)).toEqual([200, 200]);
    expect(after).toHaveLength(479);
  }, 300_000);
});
