/**
 * The paper pages written from their shell (src/integrations/paper-pages.ts) are the pages Astro
 * renders for each paper: the seeds, the hostile fixtures (markup, quotes and ampersands in titles,
 * abstracts and organisations, which the shell's title and description carry) and the math
 * fixture are built twice, once as every build is and once with `RESEARCH_DIGEST_PAPER_PAGES=astro`,
 * where Astro renders every paper page itself as `astro dev` does. The two sites must be equal,
 * byte for byte.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySeedsWithHostileAndMath } from './seed-arrivals.ts';
import { paperPagesOfLog } from '../../scripts/lib/bench-build.ts';
import { buildSite, filesThatDiffer, hashTree, makeSiteCopy, type SiteCopy } from './helpers.ts';

describe('paper pages written from the shell', () => {
  const copies: SiteCopy[] = [];
  const logs: string[] = [];
  const sites: Record<string, string>[] = [];
  let shellBuildRoot = '';

  beforeAll(async () => {
    const build = async (label: string, env: NodeJS.ProcessEnv) => {
      const copy = makeSiteCopy(label);
      copies.push(copy);
      copySeedsWithHostileAndMath(copy.seeds);
      const log = await buildSite(copy, 'dist', env);
      return { log, site: hashTree(join(copy.root, 'dist')), root: copy.root };
    };
    const built = await Promise.all([
      build('shell', {}),
      build('astro-pages', { RESEARCH_DIGEST_PAPER_PAGES: 'astro' }),
    ]);
    for (const { log, site } of built) {
      logs.push(log);
      sites.push(site);
    }
    shellBuildRoot = built[0]!.root;
  }, 400_000);

  afterAll(() => {
    for (const copy of copies) copy.remove();
  }, 120_000);

  it('writes every paper page from the shell in one build, and has Astro render them in the other', () => {
    expect(paperPagesOfLog(logs[0]!).written).toBeGreaterThan(480);
    expect(logs[1]).not.toMatch(/Paper pages: \d+ written/);
  });

  it('gives the same site, byte for byte, with no shell left in it', () => {
    const paperPages = Object.keys(sites[0]!).filter((file) => /^papers\/[^/]+\/index\.html$/.test(file));
    // Besides the papers' pages, those of retired ids, which only redirect (Astro renders those in both builds).
    const redirects = paperPages.filter((file) =>
      readFileSync(join(shellBuildRoot, 'dist', file), 'utf8').includes('http-equiv="refresh"'),
    );
    expect(paperPages.length - redirects.length).toBe(paperPagesOfLog(logs[0]!).written);
    expect(existsSync(join(shellBuildRoot, 'dist/papers/_shell_'))).toBe(false);
    expect(Object.keys(sites[0]!)).toEqual(Object.keys(sites[1]!));
    expect(filesThatDiffer(sites[0]!, sites[1]!)).toEqual([]);
  });
});
