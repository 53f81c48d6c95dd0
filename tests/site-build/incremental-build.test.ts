/**
 * Astro's incremental build (`experimental.incrementalBuild`, keys in src/lib/paper-page-key.ts)
 * on the seeds. One copy of the project builds the seeds without the newest dump, then with it,
 * then with a dump of two new papers: each rebuild copies the paper pages whose data did not
 * change from the previous build ("(restored)" in Astro's log) and renders the others. A fresh
 * copy builds all of those dumps at once, with no cache at all: the two sites must be equal, byte
 * for byte. Last, the search page's script changes, which changes every page's CSP: no paper page
 * may be copied then.
 */
import { appendFileSync, copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, hashTree, makeSiteCopy, PROJECT_ROOT, type SiteCopy } from './helpers.ts';

const SEEDS = join(PROJECT_ROOT, 'seeds');
const seedFiles = readdirSync(SEEDS)
  .filter((name) => name.endsWith('.txt'))
  .sort();
const NEWEST = seedFiles.at(-1)!;

/** Two papers no seed has (words no seed uses), in the daily-page format, arriving after every seed. */
const NEW_DUMP = `Daily Papers

Mar 30

Quokka Embeddings for Sparse Experts

We route quokka embeddings through a sparse mixture of experts and shard the retrieval index by arrival. Each shard is searched alone and the lists are merged by score.

Wombat Preference Optimization Without Burrows

We align language models with wombat preferences using a reference-free objective. The method needs no burrow model and matches direct preference optimization on chat benchmarks.
`;

/** Paper pages Astro copied from the previous build, and paper pages it rendered. */
/** The build log's line per page (`(restored)` or its render time) is what these tests count. */
const PAGE_LINES = { RESEARCH_DIGEST_VERBOSE: '1' };

function paperPages(log: string): { restored: number; rendered: number } {
  const lines = log.split('\n').filter((line) => /\/papers\/[^/]+\/index\.html/.test(line));
  return {
    restored: lines.filter((line) => line.includes('(restored)')).length,
    rendered: lines.filter((line) => /\(\+\d+ms\)/.test(line)).length,
  };
}

describe('an incremental rebuild after new dumps equals a clean build', () => {
  let copy: SiteCopy;
  let fresh: SiteCopy;
  const logs: string[] = [];

  beforeAll(async () => {
    copy = makeSiteCopy('incremental');
    fresh = makeSiteCopy('incremental-fresh');
    const arrivals = async () => {
      for (const name of seedFiles.slice(0, -1)) copyFileSync(join(SEEDS, name), join(copy.seeds, name));
      logs.push(await buildSite(copy, 'dist-1', PAGE_LINES));
      copyFileSync(join(SEEDS, NEWEST), join(copy.seeds, NEWEST));
      logs.push(await buildSite(copy, 'dist-2', PAGE_LINES));
      writeFileSync(join(copy.seeds, '999_new_papers.txt'), NEW_DUMP);
      logs.push(await buildSite(copy, 'dist-3', PAGE_LINES));
      // Another page's script changes: every page's Content-Security-Policy lists its hash.
      appendFileSync(join(copy.root, 'src/scripts/search-page.ts'), "\nconsole.info('search page, changed');\n");
      logs.push(await buildSite(copy, 'dist-4', PAGE_LINES));
    };
    const allAtOnce = async () => {
      for (const name of seedFiles) copyFileSync(join(SEEDS, name), join(fresh.seeds, name));
      writeFileSync(join(fresh.seeds, '999_new_papers.txt'), NEW_DUMP);
      await buildSite(fresh, 'dist');
    };
    await Promise.all([arrivals(), allAtOnce()]);
  }, 400_000);

  // Four sites and Astro's page cache: removing them takes a while on a busy machine.
  afterAll(() => {
    copy?.remove();
    fresh?.remove();
  }, 120_000);

  it('renders every paper page on the first build', () => {
    expect(paperPages(logs[0]!).restored).toBe(0);
    expect(paperPages(logs[0]!).rendered).toBeGreaterThan(400);
  });

  it('copies the pages a new dump does not change: some after the newest seed (it changes many papers’ related papers), most after two new papers', () => {
    const second = paperPages(logs[1]!);
    expect(second.restored).toBeGreaterThan(0);
    const third = paperPages(logs[2]!);
    // 477 seed papers and 2 new: the new papers, and the pages that list them as related or as neighbours, are rendered.
    expect(third.restored + third.rendered).toBe(479);
    expect(third.restored).toBeGreaterThan(400);
    expect(third.rendered).toBeGreaterThanOrEqual(2);
  });

  it('renders every paper page again when the script of another page changes the CSP all pages carry', () => {
    expect(paperPages(logs[3]!)).toEqual({ restored: 0, rendered: 479 });
    const csp = (page: string) =>
      /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(
        readFileSync(join(copy.root, 'dist-4', page), 'utf8'),
      )?.[1];
    expect(csp('index.html')).toBeDefined();
    expect(csp('index.html')).not.toBe(
      /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(
        readFileSync(join(copy.root, 'dist-3', 'index.html'), 'utf8'),
      )?.[1],
    );
    for (const id of readdirSync(join(copy.root, 'dist-4/papers')))
      expect(csp(`papers/${id}/index.html`), id).toBe(csp('index.html'));
  });

  it('builds the same site, byte for byte, as a fresh copy with no cache that builds every dump at once', () => {
    const rebuilt = hashTree(join(copy.root, 'dist-3'));
    const once = hashTree(join(fresh.root, 'dist'));
    expect(Object.keys(rebuilt).length).toBeGreaterThan(500);
    expect(Object.keys(rebuilt)).toEqual(Object.keys(once));
    expect(
      Object.entries(rebuilt)
        .filter(([file, hash]) => once[file] !== hash)
        .map(([file]) => file),
    ).toEqual([]);
  });
});
