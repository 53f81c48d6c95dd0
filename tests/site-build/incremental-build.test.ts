/**
 * Rebuilds of the seeds into the same `dist/`, as a user does: Astro's incremental build
 * (`experimental.incrementalBuild`) for its pages, and the paper pages written from their shell
 * only when their bytes change (src/integrations/paper-pages.ts). One copy of the project builds
 * the seeds without the newest dump, then with it, then with a dump of two new papers: each
 * rebuild leaves the paper pages that did not change as they are ("unchanged" in the log) and
 * writes the others. A fresh copy builds all of those dumps at once, with no cache at all: the two sites
 * must be equal, byte for byte. Then both dumps are taken away again: the pages of their papers
 * must go (src/integrations/stale-output.ts), leaving the first build's site exactly. Last, the
 * search page's script changes, which changes every page's CSP: every paper page is written then.
 * Last, the script is put back and every cache is deleted (Astro's under `node_modules/.astro`,
 * ours under `node_modules/.cache/research-digest`): the README says that only costs time, so the
 * rebuild into the same `dist/` must render every page and give the first build's site again.
 * Last, a topic rule changes (PEFT's threshold): the rebuild must equal a clean build of a fresh
 * copy with the same rule, byte for byte.
 */
import { appendFileSync, copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEW_DUMP, NEW_DUMP_FILE, SEED_FILES, SEEDS } from './seed-arrivals.ts';
import { paperPagesOfLog } from '../../scripts/lib/bench-build.ts';
import { buildSite, filesThatDiffer, hashTree, makeSiteCopy, type SiteCopy } from './helpers.ts';

const NEWEST = SEED_FILES.at(-1)!;

/** The build log's line per page is what these tests read. */
const PAGE_LINES = { RESEARCH_DIGEST_VERBOSE: '1' };

/** The paper pages (`papers/<id>/index.html`) a build wrote, by their log lines. */
function writtenPaperPages(log: string): string[] {
  return log
    .split('\n')
    .flatMap((line) => /├─ \/(papers\/[^/\s]+\/index\.html) \(written\)/.exec(line)?.[1] ?? [])
    .sort();
}

/** A lower threshold for PEFT: more papers are about it, so their pages, the topic's lists and counts change. */
function changeTopicRule(site: SiteCopy): void {
  const topic = join(site.root, 'content/topics/peft.mdx');
  const text = readFileSync(topic, 'utf8');
  if (!text.includes('threshold: 8\n')) throw new Error('content/topics/peft.mdx no longer has threshold: 8');
  writeFileSync(topic, text.replace('threshold: 8\n', 'threshold: 3\n'));
}

describe('an incremental rebuild after new dumps equals a clean build', () => {
  let copy: SiteCopy;
  let fresh: SiteCopy;
  let freshRule: SiteCopy;
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
    freshRule = makeSiteCopy('incremental-rule');
    const build = async () => {
      logs.push(await buildSite(copy, 'dist', PAGE_LINES));
      sites.push(hashTree(join(copy.root, 'dist')));
    };
    const arrivals = async () => {
      for (const name of SEED_FILES.slice(0, -1)) copyFileSync(join(SEEDS, name), join(copy.seeds, name));
      await build();
      copyFileSync(join(SEEDS, NEWEST), join(copy.seeds, NEWEST));
      await build();
      writeFileSync(join(copy.seeds, NEW_DUMP_FILE), NEW_DUMP);
      await build();
      rmSync(join(copy.seeds, NEWEST));
      rmSync(join(copy.seeds, NEW_DUMP_FILE));
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
      changeTopicRule(copy);
      await build();
    };
    const ruleAtOnce = async () => {
      for (const name of SEED_FILES.slice(0, -1)) copyFileSync(join(SEEDS, name), join(freshRule.seeds, name));
      changeTopicRule(freshRule);
      await buildSite(freshRule, 'dist');
    };
    const allAtOnce = async () => {
      for (const name of SEED_FILES) copyFileSync(join(SEEDS, name), join(fresh.seeds, name));
      writeFileSync(join(fresh.seeds, NEW_DUMP_FILE), NEW_DUMP);
      await buildSite(fresh, 'dist');
    };
    await Promise.all([arrivals(), allAtOnce(), ruleAtOnce()]);
  }, 500_000);

  // Four sites and Astro's page cache: removing them takes a while on a busy machine.
  afterAll(() => {
    copy?.remove();
    fresh?.remove();
    freshRule?.remove();
  }, 120_000);

  it('writes every paper page on the first build', () => {
    expect(paperPagesOfLog(logs[0]!).unchanged).toBe(0);
    expect(paperPagesOfLog(logs[0]!).written).toBeGreaterThan(400);
    expect(writtenPaperPages(logs[0]!)).toHaveLength(paperPagesOfLog(logs[0]!).written);
  });

  it('leaves the pages a new dump does not change as they are: some after the newest seed (it changes many papers’ related papers), most after two new papers', () => {
    const second = paperPagesOfLog(logs[1]!);
    expect(second.unchanged).toBeGreaterThan(0);
    const third = paperPagesOfLog(logs[2]!);
    // 477 seed papers and 2 new: the new papers, and the pages that list them as related or as neighbours, are written.
    expect(third.unchanged + third.written).toBe(479);
    expect(third.unchanged).toBeGreaterThan(400);
    expect(third.written).toBeGreaterThanOrEqual(2);
  });

  it('writes exactly the paper pages whose bytes two new papers change, and theirs: no page again for nothing', () => {
    const changed = filesThatDiffer(sites[2]!, sites[1]!).filter((file) => /^papers\/[^/]+\/index\.html$/.test(file));
    expect(changed.length).toBeGreaterThanOrEqual(2);
    expect(writtenPaperPages(logs[2]!)).toEqual(changed.sort());
  });

  it('writes every paper page again when the script of another page changes the CSP all pages carry', () => {
    expect(paperPagesOfLog(logs[4]!)).toEqual({ unchanged: 0, written: paperPagesOfLog(logs[0]!).written });
    expect(paperCsps['/']).toBeDefined();
    expect(paperCsps['/']).not.toBe(firstCsp);
    for (const [id, csp] of Object.entries(paperCsps)) expect(csp, id).toBe(paperCsps['/']);
  });

  it('deletes the pages of papers whose dumps were taken away: the site is the first build’s again, byte for byte', () => {
    expect(Object.keys(sites[3]!).length).toBeLessThan(Object.keys(sites[2]!).length);
    expect(sites[3]).toEqual(sites[0]);
  });

  it('builds the first site again, byte for byte, into the same dist/ after every cache is deleted, writing every paper page (the script is back: every CSP changes again) and indexing every search shard', () => {
    expect(paperPagesOfLog(logs[5]!)).toEqual({ unchanged: 0, written: paperPagesOfLog(logs[0]!).written });
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

  it('builds the same site, byte for byte, as a fresh copy when a topic rule changes, writing the paper pages it moves', () => {
    const rebuilt = sites[6]!;
    expect(filesThatDiffer(rebuilt, sites[5]!).length).toBeGreaterThan(0);
    const changedPaperPages = filesThatDiffer(rebuilt, sites[5]!).filter((file) =>
      /^papers\/[^/]+\/index\.html$/.test(file),
    );
    expect(changedPaperPages.length).toBeGreaterThan(0);
    expect(writtenPaperPages(logs[6]!)).toEqual(changedPaperPages.sort());
    const once = hashTree(join(freshRule.root, 'dist'));
    expect(Object.keys(rebuilt)).toEqual(Object.keys(once));
    expect(filesThatDiffer(rebuilt, once)).toEqual([]);
  });
});
