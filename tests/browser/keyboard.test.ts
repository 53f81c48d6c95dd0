/** Keyboard first (issue 12): `/`, Esc, one Tab to the first result, j/k, Enter, `?`, and Back restoring results and scroll. */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';
import { collectProblems, paperIdFromUrl, searchOutcome, url, usePagePerTest } from './helpers.ts';

const tab = usePagePerTest();
let page: Page;
let problems: string[];
beforeEach(() => {
  page = tab.page;
  problems = collectProblems(page);
});

const focused = (target: Page) =>
  target.evaluate(() => {
    const element = document.activeElement;
    return element
      ? `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.getAttribute('href') ? ` ${element.getAttribute('href')}` : ''}`
      : '';
  });
const resultHrefs = (target: Page) =>
  target.$$eval('#search-results > li h2 a', (links) => links.map((link) => link.getAttribute('href')!));

async function submitSearch(query: string) {
  await page.goto(url('/search/'));
  await page.fill('#search-query', query);
  await page.press('#search-query', 'Enter');
  return searchOutcome(page, [['q', query]]);
}

describe('search box', () => {
  test('`/` focuses the search box from any page, Esc leaves it with its text', async () => {
    for (const path of ['/', '/topics/', '/about/', `/papers/lfm2-technical-report/`]) {
      await page.goto(url(path));
      await page.keyboard.press('/');
      expect(await focused(page)).toBe('input#site-search-input');
      await page.keyboard.type('LoRA');
      expect(await page.inputValue('#site-search-input')).toBe('LoRA');
      await page.keyboard.press('Escape');
      expect(await focused(page)).toBe('body');
      expect(await page.inputValue('#site-search-input')).toBe('LoRA');
    }
    await page.goto(url('/search/'));
    await page.keyboard.press('/');
    expect(await focused(page)).toBe('input#search-query');
    expect(problems).toEqual([]);
  });

  test('`/` typed into a field is just a character', async () => {
    await page.goto(url('/search/'));
    await page.click('#search-query');
    await page.keyboard.type('a/b');
    expect(await page.inputValue('#search-query')).toBe('a/b');
  });
});

describe('results', () => {
  test('after a search, one Tab reaches the first result, and so does the down arrow from the box', async () => {
    await submitSearch('mixture of experts');
    const hrefs = await resultHrefs(page);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(`a ${hrefs[0]}`);
    await page.focus('#search-query');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe(`a ${hrefs[0]}`);
  });

  test('j and k move between results, Enter opens one', async () => {
    await submitSearch('LoRA');
    await page.focus('body');
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    const hrefs = await resultHrefs(page);
    await page.keyboard.press('j');
    expect(await focused(page)).toBe(`a ${hrefs[0]}`);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await focused(page)).toBe(`a ${hrefs[2]}`);
    await page.keyboard.press('k');
    expect(await focused(page)).toBe(`a ${hrefs[1]}`);
    await Promise.all([page.waitForURL(url(hrefs[1]!)), page.keyboard.press('Enter')]);
    expect(paperIdFromUrl(page.url())).toBe(hrefs[1]!.split('/')[2]);
  });

  test('j and k move between the paper cards of a list page', async () => {
    await page.goto(url('/topics/moe/'));
    const cards = await page.$$eval('.paper-card .paper-card-title a', (links) =>
      links.map((link) => link.getAttribute('href')!),
    );
    expect(cards.length).toBeGreaterThan(2);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await focused(page)).toBe(`a ${cards[1]}`);
    await page.keyboard.press('k');
    expect(await focused(page)).toBe(`a ${cards[0]}`);
  });

  test('`?` shows the keyboard shortcuts, Esc closes them', async () => {
    await page.goto(url('/'));
    await page.keyboard.press('?');
    const dialog = page.locator('dialog#keyboard-help');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.locator('h2').textContent()).toBe('Keyboard shortcuts');
    expect(await dialog.locator('dt').allTextContents()).toEqual(expect.arrayContaining(['/', 'j', 'k', '?', 'Esc']));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(problems).toEqual([]);
  });
});

describe('history', () => {
  test('Back from a paper restores the 20 results shown and the scroll position', async () => {
    await page.setViewportSize({ width: 1000, height: 700 });
    const outcome = await submitSearch('mixture of experts');
    expect(outcome.count).toBeGreaterThan(20);
    await page.click('#search-more');
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 20);
    const hrefs = await resultHrefs(page);
    const target = page.locator('#search-results > li').nth(15);
    await target.scrollIntoViewIfNeeded();
    await page.evaluate(() => scrollBy(0, 120));
    await page.waitForTimeout(300);
    const scrolled = await page.evaluate(() => scrollY);
    expect(scrolled).toBeGreaterThan(500);
    await Promise.all([page.waitForURL(url(hrefs[15]!)), target.locator('h2 a').click()]);
    await page.goBack();
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 20);
    expect(await resultHrefs(page)).toEqual(hrefs);
    expect(await page.textContent('#search-status')).toContain('showing the first 20');
    await page.waitForFunction((y) => Math.abs(scrollY - y) <= 2, scrolled, { timeout: 5_000 });
    expect(await page.inputValue('#search-query')).toBe('mixture of experts');
  });

  test('a submitted search is a history entry: Back returns to the previous search', async () => {
    await submitSearch('LoRA');
    await page.fill('#search-query', 'DPO');
    await page.press('#search-query', 'Enter');
    await searchOutcome(page, [['q', 'DPO']]);
    await page.goBack();
    const back = await searchOutcome(page, [['q', 'LoRA']]);
    expect(back.count).toBeGreaterThan(20);
    expect(await page.inputValue('#search-query')).toBe('LoRA');
  });
});
