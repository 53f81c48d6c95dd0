/**
 * The pages of the topic lists, themes and organisations, and of the routes of one page (home,
 * new, sources, search, the lists of topics and organisations), written from their routes' shells
 * (src/integrations/shell-pages.ts) are the pages Astro renders for them: the seeds, the hostile
 * fixtures (markup, quotes and ampersands in titles, abstracts and organisations) and the math
 * fixture are built twice, once as every build is and once with `RESEARCH_DIGEST_SHELL_PAGES=astro`,
 * where Astro renders every page of those routes itself as `astro dev` does. The two sites must be
 * equal, byte for byte. Then the shells the first build kept are enough, with the site data made
 * without Astro, to write those pages again into an empty folder, byte for byte the build's: what a
 * rebuild without Astro does (src/integrations/saved-shells.ts, src/lib/shell-routes.ts,
 * src/integrations/shell-page-writer.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySeedsWithHostileAndMath } from './seed-arrivals.ts';
import { buildSite, filesThatDiffer, hashTree, listFiles, makeSiteCopy, SITE_URL, type SiteCopy } from './helpers.ts';
import { loadSavedShells, savedShellsFolder } from '../../src/integrations/saved-shells.ts';
import { writeShellRoutePages } from '../../src/integrations/shell-page-writer.ts';
import { loadDigestCorpus } from '../../src/loaders/digest-corpus.ts';
import { publishDigestCorpus } from '../../src/loaders/publish-corpus.ts';
import { loadSiteData } from '../../src/lib/site-data.ts';
import { SHELL_ROUTES, shellRoutePages } from '../../src/lib/shell-routes.ts';

/**
 * The files of the routes written from shells: topic lists in both orders, themes, organisations,
 * and the routes of one page (home, new, sources, search, the lists of topics and organisations).
 */
const SHELL_ROUTE_FILE =
  /^((new|sources|search|topics|orgs)\/|topics\/[^/]+\/(\d+\/|upvoted\/(\d+\/)?|themes\/[^/]+\/)?|orgs\/[^/]+\/)?index\.html$/;

describe('pages written from their routes’ shells', () => {
  const copies: SiteCopy[] = [];
  const logs: string[] = [];
  const sites: Record<string, string>[] = [];
  let shellCopy: SiteCopy;
  let astroCopy: SiteCopy;
  const scratch: string[] = [];

  beforeAll(async () => {
    const build = async (label: string, env: NodeJS.ProcessEnv) => {
      const copy = makeSiteCopy(label);
      copies.push(copy);
      copySeedsWithHostileAndMath(copy.seeds);
      const log = await buildSite(copy, 'dist', env);
      return { log, site: hashTree(join(copy.root, 'dist')), copy };
    };
    const built = await Promise.all([
      build('route-shells', {}),
      build('route-pages-astro', { RESEARCH_DIGEST_SHELL_PAGES: 'astro' }),
    ]);
    for (const { log, site } of built) {
      logs.push(log);
      sites.push(site);
    }
    shellCopy = built[0]!.copy;
    astroCopy = built[1]!.copy;
  }, 400_000);

  afterAll(() => {
    for (const copy of copies) copy.remove();
    for (const folder of scratch) rmSync(folder, { recursive: true, force: true });
  }, 120_000);

  it('writes those pages from the shells in one build, and has Astro render them in the other', () => {
    const written = new RegExp(`Pages of ${SHELL_ROUTES.length} routes: (\\d+) written, 0 unchanged`).exec(logs[0]!);
    expect(Number(written?.[1])).toBe(Object.keys(sites[0]!).filter((file) => SHELL_ROUTE_FILE.test(file)).length);
    expect(Number(written?.[1])).toBeGreaterThan(80);
    expect(logs[1]).not.toMatch(/Pages of \d+ routes/);
  });

  it('gives the same site, byte for byte, with no shell left in it', () => {
    expect(Object.keys(sites[0]!).filter((file) => file.includes('_shell_'))).toEqual([]);
    expect(Object.keys(sites[0]!)).toEqual(Object.keys(sites[1]!));
    expect(filesThatDiffer(sites[0]!, sites[1]!)).toEqual([]);
  });

  it('keeps the shells and the topic introductions when it wrote the pages from them, and none otherwise', () => {
    const saved = loadSavedShells(savedShellsFolder(shellCopy.root));
    expect(saved?.site).toBe(SITE_URL);
    expect(saved?.routes.map((shell) => shell.route).sort()).toEqual([
      '/',
      '/new',
      '/orgs',
      '/orgs/[org]',
      '/search',
      '/sources',
      '/topics',
      '/topics/[topic]/[...page]',
      '/topics/[topic]/themes/[theme]',
      '/topics/[topic]/upvoted/[...page]',
    ]);
    expect([...saved!.topicIntros.keys()].sort()).toEqual(['alignment', 'moe', 'multimodal', 'peft']);
    // An introduction is the one on page 1 of its topic's newest-first list.
    const peft = readFileSync(join(shellCopy.root, 'dist/topics/peft/index.html'), 'utf8');
    expect(peft).toContain(`<div class="topic-intro">${saved!.topicIntros.get('peft')}</div>`);
    expect(saved!.topicIntros.get('peft')!.length).toBeGreaterThan(200);
    expect(loadSavedShells(savedShellsFolder(astroCopy.root))).toBeNull();
  });

  it('writes the same pages again from the kept shells alone, with the site data made without Astro', async () => {
    const saved = loadSavedShells(savedShellsFolder(shellCopy.root))!;
    const cache = mkdtempSync(join(tmpdir(), 'rd-route-shells-cache-'));
    const out = mkdtempSync(join(tmpdir(), 'rd-route-shells-out-'));
    scratch.push(cache, out);
    const corpus = loadDigestCorpus({
      seedsDirectory: shellCopy.seeds,
      topicsDirectory: join(shellCopy.root, 'content/topics'),
      cacheDirectory: join(cache, 'parsed-dumps'),
      classificationsFile: join(cache, 'classifications.json'),
      mergeCheckpointFile: join(cache, 'merge-checkpoint.bin'),
      ingestCodeDirectory: join(shellCopy.root, 'src/ingest'),
    });
    // The copy's own threads (their files are named from the project folder), and any warning fails the test.
    const warnings: string[] = [];
    publishDigestCorpus(corpus, {
      projectRoot: shellCopy.root,
      warn: (message) => warnings.push(message),
      building: false,
    });
    const routePages = shellRoutePages(await loadSiteData(), saved);
    expect(warnings).toEqual([]);
    const counts = writeShellRoutePages(out, saved.site, saved.routes, routePages);
    const files = listFiles(out);
    expect(files).toEqual(Object.keys(sites[0]!).filter((file) => SHELL_ROUTE_FILE.test(file)));
    expect(counts.reduce((sum, route) => sum + route.written, 0)).toBe(files.length);
    for (const file of files)
      expect(readFileSync(join(out, file)).equals(readFileSync(join(shellCopy.root, 'dist', file))), file).toBe(true);
    // Again into the same folder: every page is already right.
    const again = writeShellRoutePages(out, saved.site, saved.routes, routePages);
    expect(again.map((route) => route.written)).toEqual(SHELL_ROUTES.map(() => 0));
    expect(again.reduce((sum, route) => sum + route.unchanged, 0)).toBe(files.length);
  }, 120_000);
});
