/** Every page type loads cleanly (no console errors, failed requests or page errors) and, search aside, works without JavaScript. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collectProblems, expectedDigest, parseCount, searchOutcome, url } from './helpers.ts';
import { launchBrowser } from '../../scripts/lib/launch-browser.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * A paper whose title holds math (`S$^{2}$FT`): its h1 reads the MathML superscript ("2") and then
 * the plain reading kept for the search index in a hidden span ("²").
 */
const PAPER = {
  id: 's2ft-efficient-scalable-and-generalizable-llm-fine-tuning-by',
  heading: 'S2²FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity',
};

/** One URL of each page type, with the heading it must show. */
const PAGE_TYPES = [
  { name: 'home', path: '/', h1: 'Research Digest' },
  { name: 'topics index', path: '/topics/', h1: 'Topics' },
  { name: 'topic', path: '/topics/alignment/', h1: 'Alignment' },
  { name: 'paginated topic', path: '/topics/multimodal/3/', h1: 'Multimodal' },
  { name: 'other', path: '/topics/other/', h1: 'Other' },
  { name: 'paper', path: `/papers/${PAPER.id}/`, h1: PAPER.heading },
  { name: 'sources', path: '/sources/', h1: 'Sources' },
  { name: 'about', path: '/about/', h1: 'About this digest' },
  { name: 'search with a query', path: '/search/?q=LoRA', h1: 'Search papers' },
  { name: '404 (an unknown URL)', path: '/papers/no-such-paper/', h1: 'Page not found' },
  { name: 'offline', path: '/offline/', h1: 'You are offline' },
] as const;

describe('no console errors, failed requests or page errors', () => {
  test.each(PAGE_TYPES)('$name page ($path)', async ({ path, h1 }) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      const response = await page.goto(url(path), { waitUntil: 'networkidle' });
      const notFound = path.startsWith('/papers/no-such');
      expect(response?.status()).toBe(notFound ? 404 : 200);
      expect((await page.textContent('h1'))?.trim()).toBe(h1);
      if (path.startsWith('/search/')) {
        const outcome = await searchOutcome(page, [['q', 'LoRA']]);
        expect(outcome.results.length).toBe(10);
        await page.waitForLoadState('networkidle');
      }
      // Late errors (scripts run after load) get a moment to surface.
      await page.waitForTimeout(200);
      const expected = notFound
        ? // Chromium itself logs every 4xx response as a console error, the document's included;
          // that status is what a 404 page is for.
          [
            `HTTP 404: ${url(path)}`,
            `console error: Failed to load resource: the server responded with a status of 404 (Not Found) (at ${url(path)})`,
          ]
        : [];
      expect(problems).toEqual(expected);
    } finally {
      await context.close();
    }
  });
});

describe('without JavaScript', () => {
  test('a topic page lists its papers and links to its next page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      await page.goto(url('/topics/alignment/'));
      const alignment = expectedDigest().idsByTopic.get('alignment')!;
      expect(await page.textContent('h1')).toBe('Alignment');
      expect(parseCount(await page.textContent('[data-topic-count]'))).toBe(alignment.size);
      const cards = await page.$$eval('article.paper-card[data-paper-id]', (articles) =>
        articles.map((article) => ({
          id: article.getAttribute('data-paper-id')!,
          href: article.querySelector('a')?.getAttribute('href'),
        })),
      );
      expect(cards).toHaveLength(50);
      for (const card of cards) {
        expect(alignment.has(card.id)).toBe(true);
        expect(card.href).toBe(`/papers/${card.id}/`);
      }
      await page.click('a[rel="next"]');
      await page.waitForURL(url('/topics/alignment/2/'));
      expect(await page.$$eval('article.paper-card', (articles) => articles.length)).toBe(alignment.size - 50);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('a paper page shows its title, facts, abstract, topics and sources', async () => {
    const paper = expectedDigest().byId.get(PAPER.id)!;
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const problems = collectProblems(page);
      await page.goto(url(`/papers/${PAPER.id}/`));
      expect(await page.textContent('h1')).toBe(PAPER.heading);
      expect(await page.innerText('h1')).not.toContain('²'); // the hidden reading is not shown
      expect((await page.textContent('.abstract'))?.replace(/\s+/g, ' ').trim()).toBe(
        paper.abstract.replace(/\s+/g, ' ').trim(),
      );
      const topicLinks = await page.$$eval('dl.facts a[href^="/topics/"]', (links) =>
        links.map((link) => link.getAttribute('href')),
      );
      expect(topicLinks).toEqual(paper.topics.map((topic) => `/topics/${topic}/`));
      expect(paper.topics).toEqual(['peft']);
      const sourceLinks = await page.$$eval('a[href^="/sources/#"]', (links) => links.map((link) => link.textContent));
      expect(sourceLinks).toEqual([paper.firstSeen, ...paper.sources.map((source) => source.dump)]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test.each(PAGE_TYPES.filter((type) => !type.path.startsWith('/search/')))(
    'the $name page shows its content',
    async ({ path, h1 }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(url(path));
        expect((await page.textContent('h1'))?.trim()).toBe(h1);
        expect(((await page.textContent('main')) ?? '').length).toBeGreaterThan(100);
      } finally {
        await context.close();
      }
    },
  );

  test('the search page says that search needs JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(url('/search/?q=LoRA'));
      expect(await page.textContent('#search-status')).toContain('needs JavaScript');
    } finally {
      await context.close();
    }
  });
});
