/**
 * "New since your last visit" across rebuilds: one project copy is built three times into the
 * same folder, served at one address (so the browser's storage carries over), as dumps arrive
 * (tests/fixtures/new-dump/: 001+002, then 003–005, then 006).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite, makeSiteCopy, type SiteCopy } from '../site-build/helpers.ts';
import { collectProblems } from './helpers.ts';
import { launchBrowser } from '../../scripts/lib/launch-browser.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';

let copy: SiteCopy;
let dist: string;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  copy = makeSiteCopy('new-since-visit');
  dist = join(copy.root, 'dist');
  browser = await launchBrowser();
  context = await browser.newContext({ serviceWorkers: 'block' });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
  copy?.remove();
});

/** Ids of the papers each dump brought first, from the build's own papers.json. */
function firstSeenIn(dumps: readonly string[]): Set<string> {
  const papers = JSON.parse(readFileSync(join(dist, 'papers.json'), 'utf8')) as
    { papers?: { id: string; firstSeen: string }[] } | { id: string; firstSeen: string }[];
  const list = Array.isArray(papers) ? papers : papers.papers!;
  return new Set(list.filter((paper) => dumps.includes(paper.firstSeen)).map((paper) => paper.id));
}

const noteText = () => page.textContent('#new-since-visit span');
/** The count beside "New" in the site header, as a screen reader hears it; null when there is none. */
const headerCount = async () =>
  (await page.isVisible('.site-nav .since-visit-count')) ? page.textContent('.site-nav .since-visit-count') : null;
const markedCards = () =>
  page.$$eval('.paper-card:has(.since-visit-badge)', (cards) =>
    cards.map((card) => card.getAttribute('data-paper-id')!),
  );
const cardIds = () => page.$$eval('.paper-card', (cards) => cards.map((card) => card.getAttribute('data-paper-id')!));

test('papers added since the last visit are counted and marked, across two rebuilds, until dismissed', async () => {
  const problems = collectProblems(page);
  copy.addDump('001_alpha.txt');
  copy.addDump('002_bravo.txt');
  await buildSite(copy, dist);
  server = await startStaticServer(dist);
  const home = `${server.url}/`;

  // First visit: nothing is "new since the last visit".
  await page.goto(home);
  expect(await page.isHidden('#new-since-visit')).toBe(true);
  expect(await markedCards()).toEqual([]);
  expect(await headerCount()).toBeNull();

  // A rebuild with three more dumps.
  for (const dump of ['003_charlie.txt', '004_delta.txt', '005_echo.txt']) copy.addDump(dump);
  await buildSite(copy, dist);
  await page.reload();
  const added = firstSeenIn(['003_charlie.txt', '004_delta.txt', '005_echo.txt']);
  expect(added.size).toBeGreaterThan(0);
  expect(await page.isVisible('#new-since-visit')).toBe(true);
  expect(await noteText()).toBe(
    `${added.size} ${added.size === 1 ? 'paper' : 'papers'} added since your last visit (3 dumps).`,
  );
  const shown = await cardIds();
  expect(await markedCards()).toEqual(shown.filter((id) => added.has(id)));
  expect((await markedCards()).length).toBeGreaterThan(0);
  expect(await headerCount()).toBe(
    `${added.size} (${added.size} ${added.size === 1 ? 'paper' : 'papers'} since your last visit)`,
  );
  // The header's link still says where it goes.
  expect(await page.getAttribute('.site-nav a:has(.since-visit-count)', 'href')).toBe('/new/');

  // Still there on another visit until dismissed; then gone.
  await page.reload();
  expect(await page.isVisible('#new-since-visit')).toBe(true);
  await page.click('#new-since-visit button');
  expect(await page.isHidden('#new-since-visit')).toBe(true);
  expect(await markedCards()).toEqual([]);
  expect(await headerCount()).toBeNull();
  await page.reload();
  expect(await page.isHidden('#new-since-visit')).toBe(true);

  // Another rebuild: only what the newest dump brought.
  copy.addDump('006_foxtrot.txt');
  await buildSite(copy, dist);
  await page.reload();
  const latest = firstSeenIn(['006_foxtrot.txt']);
  expect(await noteText()).toBe(
    `${latest.size} ${latest.size === 1 ? 'paper' : 'papers'} added since your last visit (1 dump).`,
  );
  const latestCount = `${latest.size} (${latest.size} ${latest.size === 1 ? 'paper' : 'papers'} since your last visit)`;
  expect(await headerCount()).toBe(latestCount);
  // A topic page counts the same papers in its header (the whole digest's, not the topic's).
  await page.goto(`${server.url}/topics/moe/`);
  expect(await headerCount()).toBe(latestCount);
  await page.goto(home);
  expect(await markedCards()).toEqual((await cardIds()).filter((id) => latest.has(id)));
  expect(problems.filter((problem) => !problem.startsWith(`request to another site: ${server.url}/`))).toEqual([]);
}, 300_000);
