/**
 * Regression: typing a query and then clicking "Show more results" showed nothing the first time.
 * The click blurred the query box, whose `change` event started the same search again; the click's
 * results belonged to the search it replaced and were dropped.
 */
import { expect, test } from 'vitest';
import { allMatches, searchOutcome, url } from '../browser/helpers.ts';
import { useSharedBrowser } from './helpers.ts';

const shared = useSharedBrowser();

test('after typing a query, the first click on "Show more results" shows the next 10', async () => {
  const page = await shared.browser.newPage();
  try {
    await page.goto(url('/search/'), { waitUntil: 'networkidle' });
    await page.click('#search-query');
    await page.keyboard.type('language model', { delay: 20 });
    const first = await searchOutcome(page, [['q', 'language model']]);
    expect(first.results).toHaveLength(10);
    const all = await allMatches(page, 'language model');
    expect(all.length).toBeGreaterThan(20);
    await page.click('#search-more');
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 20, undefined, {
      timeout: 5_000,
    });
    expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href'))).toBe(
      `/papers/${all[10]}/`,
    );
    // The query box still searches as it changes.
    await page.fill('#search-query', 'LoRA');
    const changed = await searchOutcome(page, [['q', 'LoRA']]);
    expect(changed.results.length).toBeGreaterThan(0);
  } finally {
    await page.close();
  }
});
