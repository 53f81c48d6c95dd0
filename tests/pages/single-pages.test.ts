/**
 * singlePages (src/lib/pages/single-pages.ts) lists the pages a rebuild without Astro writes again
 * from their routes' shells: each must be its route's page, at its route's address, made by the
 * function the route renders (else the rebuild would write a page the route no longer makes).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { singlePages } from '../../src/lib/pages/single-pages.ts';
import { dumpReport, paperRecord, siteFixture } from './site-fixture.ts';

const ROUTES: Record<string, { file: string; maker: string }> = {
  '/': { file: 'src/pages/index.astro', maker: 'homePage' },
  '/new/': { file: 'src/pages/new.astro', maker: 'newPage' },
  '/sources/': { file: 'src/pages/sources.astro', maker: 'sourcesPage' },
  '/topics/': { file: 'src/pages/topics/index.astro', maker: 'topicsPage' },
  '/orgs/': { file: 'src/pages/orgs/index.astro', maker: 'orgsPage' },
  '/search/': { file: 'src/pages/search.astro', maker: 'searchPage' },
};

describe('singlePages', () => {
  const pages = singlePages(siteFixture([paperRecord({})], [dumpReport({ file: '001_a.txt', entries: 1 })]));

  it('lists each single-page route once', () => {
    expect(pages.map((page) => page.path).sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it('makes each page with the function its route renders into the layout', () => {
    for (const page of pages) {
      const { file, maker } = ROUTES[page.path]!;
      const route = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
      expect(route, file).toContain(`const page = ${maker}(await loadSiteData());`);
      expect(route, file).toContain('<Fragment set:html={page.bodyHtml()} />');
      expect(page.bodyHtml().startsWith('<h1>'), page.path).toBe(true);
    }
  });
});
