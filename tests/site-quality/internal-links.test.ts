/**
 * Internal links: a crawl of every HTML file of the built site finds no reference to a file or
 * directory index that does not exist, no `#fragment` without its element, and no missing asset
 * (the service worker's precache list included).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { expectedDigest } from '../browser/helpers.ts';
import { crawlSite, missingPrecacheFiles, pageAssets, pageFacts, siteOriginOf } from './crawl.ts';
import { useSharedBrowser } from './helpers.ts';

const shared = useSharedBrowser();

test('no broken internal link, fragment or asset on any page of the built site', async () => {
  const dist = inject('distDir');
  const report = await crawlSite(dist, shared.page, siteOriginOf(dist));
  // Every paper page, and the links between them: the crawl really covered the site.
  expect(report.pages).toBeGreaterThan(expectedDigest().result.papers.length);
  expect(report.checked).toBeGreaterThan(report.pages * 10);
  // Paper pages link their sources as /sources/#<dump>.
  expect(report.fragments).toBeGreaterThan(expectedDigest().result.papers.length);
  expect(report.problems).toEqual([]);
}, 120_000);

test('every file the service worker precaches exists', () => {
  const { precache, missing } = missingPrecacheFiles(inject('distDir'));
  expect(precache).toEqual(expect.arrayContaining(['/search/', '/offline/', '/pagefind/pagefind.js']));
  expect(missing).toEqual([]);
});

test('the pages the service worker keeps for offline use need no asset it does not precache (their scripts are inside them)', async () => {
  const dist = inject('distDir');
  const { precache } = missingPrecacheFiles(dist);
  const pages = precache.filter((path) => path.endsWith('/'));
  expect(pages).toEqual(expect.arrayContaining(['/search/', '/offline/']));
  const facts = await pageFacts(
    shared.page,
    pages.map((path) => ({
      file: `${path.slice(1)}index.html`,
      html: readFileSync(join(dist, path.slice(1), 'index.html'), 'utf8'),
    })),
  );
  const origin = siteOriginOf(dist);
  const needed = facts.flatMap((fact) => pageAssets(fact, origin).map((asset) => ({ page: fact.file, asset })));
  // The favicon at least: the check looks at what the pages load.
  expect(needed.map(({ asset }) => asset)).toContain('/favicon.svg');
  expect(needed.filter(({ asset }) => !precache.includes(asset))).toEqual([]);
  // The search page runs its search from a script inside the document.
  const search = readFileSync(join(dist, 'search/index.html'), 'utf8');
  expect(search).not.toMatch(/<script[^>]*\ssrc=/);
  expect(/<script type="module">([\s\S]*?)<\/script>/.exec(search)?.[1]?.length ?? 0).toBeGreaterThan(1000);
});

test('the crawl reports a missing page, a missing fragment, a missing asset and a directory link without its slash (it can fail)', async () => {
  const dist = mkdtempSync(join(tmpdir(), 'rd-crawl-'));
  try {
    mkdirSync(join(dist, 'a'));
    writeFileSync(join(dist, 'a', 'index.html'), '<!doctype html><title>A</title><h2 id="here">A</h2>');
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><html><head><link rel="canonical" href="https://digest.example.org/"><link rel="icon" href="/missing.svg"></head>' +
        '<body><a href="/a/#here">ok</a><a href="/a/#nowhere">bad fragment</a><a href="/b/">missing page</a><a href="/a">no slash</a>' +
        '<a href="https://digest.example.org/c/">missing, absolute</a><a href="https://elsewhere.example/">external</a><a href="#top">no top</a></body></html>',
    );
    const report = await crawlSite(dist, shared.page, siteOriginOf(dist));
    expect(report.problems.sort()).toEqual(
      [
        'index.html: <link rel=icon href> "/missing.svg" leads to no file',
        'index.html: <a href> "/a/#nowhere": a/index.html has no element with id "nowhere"',
        'index.html: <a href> "/b/" leads to no file',
        'index.html: <a href> "/a" leads to a directory without its trailing slash',
        'index.html: <a href> "https://digest.example.org/c/" leads to no file',
        'index.html: <a href> "#top": index.html has no element with id "top"',
      ].sort(),
    );
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});
