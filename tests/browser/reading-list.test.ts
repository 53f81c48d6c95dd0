/**
 * The reading list (issue 12): Save toggles on cards and paper pages, /reading-list/ with notes,
 * offline through the service worker, BibTeX and JSON export, JSON import, retired ids resolved,
 * and nothing broken with JavaScript off or storage blocked.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { formatDate } from '../../src/lib/format.ts';
import { collectProblems, expectedDigest } from './helpers.ts';
import { launchBrowser } from '../../scripts/lib/launch-browser.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';

let browser: Browser;
/** A server of this file's own, shut down to go offline for real (as tests/browser/offline.test.ts does). */
let server: StaticServer;
const url = (path: string) => `${server.url}${path}`;

beforeAll(async () => {
  server = await startStaticServer(inject('distDir'));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

/** Problems but the requests to this file's own server (collectProblems expects the shared one) and aborted favicon loads of pages left quickly. */
const problemsOf = (page: Page) => {
  const problems = collectProblems(page);
  return () =>
    problems.filter(
      (problem) =>
        !problem.startsWith(`request to another site: ${server.url}/`) &&
        !/favicon\.svg \(net::ERR_ABORTED\)/.test(problem),
    );
};

const savedIds = (page: Page) =>
  page.$$eval('#reading-list > li h2 a', (links) => links.map((link) => link.getAttribute('href')!.split('/')[2]!));

describe('saving and the list', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: () => string[];
  beforeAll(async () => {
    context = await browser.newContext({ acceptDownloads: true, serviceWorkers: 'block' });
    page = await context.newPage();
    problems = problemsOf(page);
  });
  afterAll(async () => context?.close());

  test('Save on a card and on a paper page; the list shows title, date and topics, and keeps notes', async () => {
    const { byId, topicNames } = expectedDigest();
    await page.goto(url('/topics/moe/'));
    const card = page.locator('.paper-card').first();
    const first = (await card.getAttribute('data-paper-id'))!;
    const button = card.locator('button.save-button');
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    expect(
      await page.locator(`.paper-card[data-paper-id="${first}"] button.save-button`).getAttribute('aria-pressed'),
    ).toBe('true');

    await page.goto(url('/papers/lfm2-technical-report/'));
    const pageButton = page.locator('button.save-button');
    expect(await pageButton.isVisible()).toBe(true);
    await pageButton.click();
    expect(await pageButton.getAttribute('aria-pressed')).toBe('true');

    await page.goto(url('/reading-list/'));
    expect(await savedIds(page)).toEqual([first, 'lfm2-technical-report']);
    expect(await page.textContent('#reading-list-status')).toBe('2 papers saved in this browser.');
    const lfm2 = byId.get('lfm2-technical-report')!;
    const item = page.locator('#reading-list > li').nth(1);
    expect(await item.locator('h2').textContent()).toBe(lfm2.title);
    const topics = lfm2.topics.map((topic) => topicNames.get(topic)).join(', ');
    expect(await item.locator('.paper-meta').textContent()).toBe(
      [formatDate(lfm2.published) ?? 'Date unknown', topics].filter(Boolean).join(' · '),
    );

    await item.locator('textarea').fill('Read section 3 & the appendix {later}');
    await item.locator('textarea').blur();
    await page.reload();
    expect(await page.locator('#reading-list > li').nth(1).locator('textarea').inputValue()).toBe(
      'Read section 3 & the appendix {later}',
    );

    // Saving again from the paper page removes it.
    await page.goto(url('/papers/lfm2-technical-report/'));
    await page.click('button.save-button');
    expect(await page.locator('button.save-button').getAttribute('aria-pressed')).toBe('false');
    await page.goto(url('/reading-list/'));
    expect(await savedIds(page)).toEqual([first]);
    expect(problems()).toEqual([]);
  });

  test('export as JSON and BibTeX; the JSON imports back, notes included', async () => {
    await page.goto(url('/papers/lfm2-technical-report/'));
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.click('button.save-button');
    await page.goto(url('/papers/s-more-structural-mixture-of-residual-experts/'));
    await page.click('button.save-button');
    await page.goto(url('/reading-list/'));
    await page.locator('#reading-list textarea').first().fill('Liquid AI, 2025');
    await page.locator('#reading-list textarea').first().blur();

    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#reading-list-json')]);
    const jsonPath = await json.path();
    const exported = JSON.parse(readFileSync(jsonPath, 'utf8'));
    expect(exported.format).toBe('research-digest-reading-list');
    expect(exported.papers.map((paper: { id: string }) => paper.id)).toEqual([
      'lfm2-technical-report',
      's-more-structural-mixture-of-residual-experts',
    ]);

    const [bib] = await Promise.all([page.waitForEvent('download'), page.click('#reading-list-bibtex')]);
    const bibtex = readFileSync(await bib.path(), 'utf8');
    const { byId } = expectedDigest();
    expect(bibtex).toContain('@misc{lfm2-technical-report,');
    expect(bibtex).toContain(`title = {{${byId.get('lfm2-technical-report')!.title}}}`);
    expect(bibtex).toContain(`url = {${server.url}/papers/s-more-structural-mixture-of-residual-experts/}`);
    expect(bibtex).toContain('Liquid AI, 2025');
    expect(bibtex.match(/^@misc\{/gm)).toHaveLength(2);

    await page.evaluate(() => localStorage.clear());
    await page.reload();
    expect(await savedIds(page)).toEqual([]);
    await page.setInputFiles('#reading-list-import', jsonPath);
    await page.waitForFunction(() => document.querySelectorAll('#reading-list > li').length === 2);
    expect(await savedIds(page)).toEqual(['lfm2-technical-report', 's-more-structural-mixture-of-residual-experts']);
    expect(await page.locator('#reading-list textarea').first().inputValue()).toBe('Liquid AI, 2025');
    expect(await page.textContent('#reading-list-status')).toContain('Imported 2 papers');
  });

  test('a saved paper whose id a later build retired shows under the id it leads to', async () => {
    await page.goto(url('/reading-list/'));
    await page.evaluate(() =>
      localStorage.setItem(
        'research-digest:reading-list',
        JSON.stringify([
          { id: 'lfm2-old-id', title: 'LFM2 (old title)', published: '', topics: [], note: 'kept', saved: '' },
        ]),
      ),
    );
    await page.route('**/reading-list/redirects.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ 'lfm2-old-id': 'lfm2-technical-report' }),
      }),
    );
    await page.reload();
    await page.waitForFunction(
      () => document.querySelector('#reading-list a')?.getAttribute('href') === '/papers/lfm2-technical-report/',
    );
    expect(await page.locator('#reading-list textarea').inputValue()).toBe('kept');
    await page.unroute('**/reading-list/redirects.json');
  });
});

describe('degrading', () => {
  test('with JavaScript off, no Save button shows and the reading list explains itself', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url('/topics/moe/'));
    expect(await page.locator('button.save-button').first().isHidden()).toBe(true);
    await page.goto(url('/reading-list/'));
    expect(await page.textContent('#reading-list-status')).toContain('needs JavaScript');
    expect(await page.isHidden('#reading-list-tools')).toBe(true);
    await context.close();
  });

  test('with storage blocked, nothing errors, no Save button shows, and the reading list says why', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get: () => {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    const page = await context.newPage();
    const problems = problemsOf(page);
    await page.goto(url('/topics/moe/'));
    expect(await page.locator('button.save-button').first().isHidden()).toBe(true);
    await page.goto(url('/papers/lfm2-technical-report/'));
    expect(await page.isHidden('button.save-button')).toBe(true);
    await page.goto(url('/reading-list/'));
    expect(await page.textContent('#reading-list-status')).toContain('does not let this site use its storage');
    expect(problems()).toEqual([]);
    await context.close();
  });
});

// Last: it shuts the server down.
test('the reading list works offline once the service worker has it', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(url('/papers/lfm2-technical-report/'));
    await page.click('button.save-button');
    await page.goto(url('/reading-list/'));
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, {
      timeout: 60_000,
    });
    // Pages opened online once the worker runs are kept too.
    await page.goto(url('/papers/lfm2-technical-report/'));
    await page.goto(url('/reading-list/'));
    await context.setOffline(true);
    await server.close();
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    expect(await savedIds(page)).toEqual(['lfm2-technical-report']);
    // A paper page visited online is there too.
    const paper = await page.goto(url('/papers/lfm2-technical-report/'));
    expect(paper?.fromServiceWorker()).toBe(true);
    expect(await page.locator('button.save-button').getAttribute('aria-pressed')).toBe('true');
  } finally {
    await context.close();
  }
}, 120_000);
