/**
 * Astro's incremental build (`experimental.incrementalBuild`, keys in src/lib/paper-page-key.ts)
 * on the seeds, rebuilding into the same `dist/` as a user does. One copy of the project builds
 * the seeds without the newest dump, then with it, then with a dump of two new papers: each
 * rebuild keeps the paper pages whose data did not change ("(cached)" in Astro's log) and renders
 * the others. A fresh copy builds all of those dumps at once, with no cache at all: the two sites
 * must be equal, byte for byte. Then both dumps are taken away again: the pages of their papers
 * must go (src/integrations/stale-output.ts), leaving the first build's site exactly. Last, the
 * search page's script changes, which changes every page's CSP: no paper page may be kept then.
 * Last, the script is put back and every cache is deleted (Astro's under `node_modules/.astro`,
 * ours under `node_modules/.cache/research-digest`): the README says that only costs time, so the
 * rebuild into the same `dist/` must render every page and give the first build's site again.
 */
import { appendFileSync, copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERED_PAGE_TIME } from '../../scripts/lib/bench-build.ts';
import { buildSite, filesThatDiffer, hashTree, makeSiteCopy, PROJECT_ROOT, type SiteCopy } from './helpers.ts';

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

/** The build log's line per page (`(cached)`, `(restored)` or its render time) is what these tests count. */
const PAGE_LINES = { RESEARCH_DIGEST_VERBOSE: '1' };

/** The paper pages (`papers/<id>/index.html`) Astro rendered, by their log lines. */
function renderedPaperPages(log: string): string[] {
  return log
    .split('\n')
    .filter((line) => RENDERED_PAGE_TIME.test(line))
    .flatMap((line) => /\/(papers\/[^/\s]+\/index\.html)/.exec(line)?.[1] ?? [])
    .sort();
}

/** Paper pages Astro kept from the previous build (left in `dist/`, or copied back from its cache), and paper pages it rendered. */
function paperPages(log: string): { kept: number; rendered: number } {
  const lines = log.split('\n').filter((line) => /\/papers\/[^/]+\/index\.html/.test(line));
  return {
    kept: lines.filter((line) => line.includes('(cached)') || line.includes('(restored)')).length,
    rendered: renderedPaperPages(log).length,
  };
}

describe('an incremental rebuild after new dumps equals a clean build', () => {
  let copy: SiteCopy;
  let fresh: SiteCopy;
  const logs: string[] = [];
  /** `dist/` after each build: file → hash. */
  const sites: Record<string, string>[] = [];
  let firstCsp: string | undefined;
  const cspOf = (page: string) =>
    /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(
      readFileSync(join(copy.root, 'dist', page), 'utf8'),
    )?.[1];
  const paperCsps: Record<string, string | undefined> = {};

  beforeAll(async () => {
    copy = makeSiteCopy('incremental');
    fresh = makeSiteCopy('incremental-fresh');
    const build = async () => {
      logs.push(await buildSite(copy, 'dist', PAGE_LINES));
      sites.push(hashTree(join(copy.root, 'dist')));
    };
    const arrivals = async () => {
      for (const name of seedFiles.slice(0, -1)) copyFileSync(join(SEEDS, name), join(copy.seeds, name));
      await build();
      copyFileSync(join(SEEDS, NEWEST), join(copy.seeds, NEWEST));
      await build();
      writeFileSync(join(copy.seeds, '999_new_papers.txt'), NEW_DUMP);
      await build();
      rmSync(join(copy.seeds, NEWEST));
      rmSync(join(copy.seeds, '999_new_papers.txt'));
      await build();
      firstCsp = cspOf('index.html');
      // Another page's script changes: every page's Content-Security-Policy lists its hash.
      const searchScript = join(copy.root, 'src/scripts/search-page.ts');
      const script = readFileSync(searchScript, 'utf8');
      appendFileSync(searchScript, "\nconsole.info('search page, changed');\n");
      await build();
      for (const id of readdirSync(join(copy.root, 'dist/papers'))) paperCsps[id] = cspOf(`papers/${id}/index.html`);
      paperCsps['/'] = cspOf('index.html');
      writeFileSync(searchScript, script);
      for (const cache of ['node_modules/.astro', 'node_modules/.cache/research-digest'])
        rmSync(join(copy.root, cache), { recursive: true });
      await build();
    };
    const allAtOnce = async () => {
      for (const name of seedFiles) copyFileSync(join(SEEDS, name), join(fresh.seeds, name));
      writeFileSync(join(fresh.seeds, '999_new_papers.txt'), NEW_DUMP);
      await buildSite(fresh, 'dist');
    };
    await Promise.all([arrivals(), allAtOnce()]);
  }, 500_000);

  // Four sites and Astro's page cache: removing them takes a while on a busy machine.
  afterAll(() => {
    copy?.remove();
    fresh?.remove();
  }, 120_000);

  it('renders every paper page on the first build', () => {
    expect(paperPages(logs[0]!).kept).toBe(0);
    expect(paperPages(logs[0]!).rendered).toBeGreaterThan(400);
  });

  it('keeps the pages a new dump does not change, in place: some after the newest seed (it changes many papers’ related papers), most after two new papers', () => {
    const second = paperPages(logs[1]!);
    expect(second.kept).toBeGreaterThan(0);
    const third = paperPages(logs[2]!);
    // 477 seed papers and 2 new: the new papers, and the pages that list them as related or as neighbours, are rendered.
    expect(third.kept + third.rendered).toBe(479);
    expect(third.kept).toBeGreaterThan(400);
    expect(third.rendered).toBeGreaterThanOrEqual(2);
    // Left where the previous build wrote them, not copied back from Astro's cache.
    expect(logs[2]!.split('\n').filter((line) => line.includes('(restored)'))).toEqual([]);
  });

  it('renders exactly the paper pages whose bytes two new papers change, and theirs: no page again for nothing', () => {
    const changed = filesThatDiffer(sites[2]!, sites[1]!).filter((file) => /^papers\/[^/]+\/index\.html$/.test(file));
    expect(changed.length).toBeGreaterThanOrEqual(2);
    expect(renderedPaperPages(logs[2]!)).toEqual(changed.sort());
  });

  it('renders every paper page again when the script of another page changes the CSP all pages carry', () => {
    expect(paperPages(logs[4]!)).toEqual({ kept: 0, rendered: paperPages(logs[0]!).rendered });
    expect(paperCsps['/']).toBeDefined();
    expect(paperCsps['/']).not.toBe(firstCsp);
    for (const [id, csp] of Object.entries(paperCsps)) expect(csp, id).toBe(paperCsps['/']);
  });

  it('deletes the pages of papers whose dumps were taken away: the site is the first build’s again, byte for byte', () => {
    expect(Object.keys(sites[3]!).length).toBeLessThan(Object.keys(sites[2]!).length);
    expect(sites[3]).toEqual(sites[0]);
  });

  it('builds the first site again, byte for byte, into the same dist/ after every cache is deleted, rendering every page and indexing every search shard', () => {
    expect(paperPages(logs[5]!)).toEqual({ kept: 0, rendered: paperPages(logs[0]!).rendered });
    expect(logs[5]).toMatch(/Pagefind indexed \d+ pages .*\b0 from cache\)/);
    expect(filesThatDiffer(sites[5]!, sites[0]!)).toEqual([]);
    expect(sites[5]).toEqual(sites[0]);
  });

  it('builds the same site, byte for byte, as a fresh copy with no cache that builds every dump at once', () => {
    const rebuilt = sites[2]!;
    const once = hashTree(join(fresh.root, 'dist'));
    expect(Object.keys(rebuilt).length).toBeGreaterThan(500);
    expect(Object.keys(rebuilt)).toEqual(Object.keys(once));
    expect(filesThatDiffer(rebuilt, once)).toEqual([]);
  });
});
