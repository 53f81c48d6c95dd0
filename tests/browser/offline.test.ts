/** Search keeps working once the browser is offline, thanks to the service worker (/sw.js). */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { expectedDigest, searchOutcome } from './helpers.ts';
import { launchBrowser } from '../../scripts/lib/launch-browser.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;
/**
 * A server of this test's own, which it shuts down to go offline for real: Chromium's offline
 * emulation alone does not reach the service worker's requests in every version (it does not in
 * @sparticuz/chromium's 147).
 */
let server: StaticServer;
const url = (path: string) => `${server.url}${path}`;

beforeAll(async () => {
  server = await startStaticServer(inject('distDir'));
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('after a first search online, a different search works offline', async () => {
  const offlineTitle =
    'CodeUltraFeedback: An LLM-as-a-Judge Dataset for Aligning Large Language Models to Coding Preferences';
  const offlineId = 'codeultrafeedback-an-llm-as-a-judge-dataset-for-aligning-large';
  expect(expectedDigest().byId.get(offlineId)?.title).toBe(offlineTitle);

  // Online: visit the search page and search; the first search registers the service worker.
  await page.goto(url('/search/'));
  await page.fill('#search-form input[name="q"]', 'LoRA');
  await page.press('#search-form input[name="q"]', 'Enter');
  const online = await searchOutcome(page, [['q', 'LoRA']]);
  expect(online.count).toBeGreaterThan(0);

  // Wait until /sw.js is installed (which precaches the index), active and controls the page.
  const worker = await page.waitForFunction(
    () => {
      const controller = navigator.serviceWorker.controller;
      return controller?.state === 'activated' ? controller.scriptURL : null;
    },
    null,
    { timeout: 30_000 },
  );
  expect(await worker.jsonValue()).toBe(url('/sw.js'));

  await context.setOffline(true);
  await server.close();
  // Offline for real, the worker included: its own requests fail.
  const serviceWorker = context.serviceWorkers().find((candidate) => candidate.url() === url('/sw.js'));
  expect(serviceWorker).toBeDefined();
  expect(
    await serviceWorker!.evaluate(() =>
      fetch('/about/').then(
        () => 'reached the server',
        () => 'offline',
      ),
    ),
  ).toBe('offline');

  // The search page comes from the worker's cache and searches the precached index.
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  expect(await page.textContent('h1')).toBe('Search papers');
  await page.fill('#search-form input[name="q"]', offlineTitle);
  await page.press('#search-form input[name="q"]', 'Enter');
  const offline = await searchOutcome(page, [['q', offlineTitle]]);
  expect(offline.count).toBeGreaterThan(0);
  expect(offline.results[0]?.id).toBe(offlineId);

  // Offline results show their upvotes too: the blocks that hold them are in the worker's cache
  // (two papers with upvotes, of the seeds' second and last dumps).
  for (const [title, id] of [
    ['HFT: Half Fine-Tuning for Large Language Models', 'hft-half-fine-tuning-for-large-language-models'],
    ['LFM2 Technical Report', 'lfm2-technical-report'],
  ] as const) {
    const upvotes = expectedDigest().byId.get(id)?.upvotes;
    expect(upvotes).toBeGreaterThan(0);
    await page.fill('#search-form input[name="q"]', title);
    await page.press('#search-form input[name="q"]', 'Enter');
    const found = await searchOutcome(page, [['q', title]]);
    expect(found.results[0]?.id).toBe(id);
    expect(found.results[0]?.meta).toContain(` · ${upvotes} ${upvotes === 1 ? 'upvote' : 'upvotes'} · `);
  }

  // A page never opened is not in the cache: the worker answers with the offline page.
  const unvisited = await page.goto(url('/papers/shadow-ft-tuning-instruct-via-base/'));
  expect(unvisited?.fromServiceWorker()).toBe(true);
  expect(await page.textContent('h1')).toBe('You are offline');
});
