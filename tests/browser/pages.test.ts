/** The built pages agree with the ingest: one page per paper, topic counts, topic listings. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { expectedDigest, OTHER, PAGE_SIZE, parseCount, url, textOfHtml } from './helpers.ts';
import { launchBrowser } from '../../scripts/lib/launch-browser.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** The topic cards of the home page and of the topics index: id, name, link, count. */
async function topicCards(path: string) {
  await page.goto(url(path));
  return page.$$eval('[data-topic-card]', (cards) =>
    cards.map((card) => ({
      id: card.getAttribute('data-topic-card'),
      name: card.querySelector('a')?.textContent?.trim(),
      href: card.querySelector('a')?.getAttribute('href'),
      count: card.querySelector('[data-topic-count]')?.textContent ?? null,
    })),
  );
}

describe('paper pages', () => {
  test('the ingest gives 477 papers from the seeds', () => {
    expect(expectedDigest().result.papers).toHaveLength(477);
  });

  test('the build has exactly one page per paper of the ingest, under /papers/<id>/', () => {
    const built = readdirSync(join(inject('distDir'), 'papers'), { withFileTypes: true });
    expect(built.filter((entry) => !entry.isDirectory()).map((entry) => entry.name)).toEqual([]);
    expect(built.map((entry) => entry.name).sort()).toEqual(
      expectedDigest()
        .result.papers.map((paper) => paper.id)
        .sort(),
    );
  });

  test("every paper page is served and shows its paper's title, abstract and topics", async () => {
    const { result, topicNames } = expectedDigest();
    await page.goto(url('/about/'));
    const pages = await page.evaluate(
      async (ids) => {
        const parser = new DOMParser();
        return Promise.all(
          ids.map(async (id) => {
            const response = await fetch(`/papers/${id}/`);
            const html = parser.parseFromString(await response.text(), 'text/html');
            const topicsTerm = [...html.querySelectorAll('dt')].find((dt) => dt.textContent === 'Topics');
            return {
              id,
              status: response.status,
              h1: [...html.querySelectorAll('h1')].map((h1) => h1.textContent?.trim() ?? ''),
              abstract: html.querySelector('.abstract')?.textContent ?? '',
              topics: [...(topicsTerm?.nextElementSibling?.querySelectorAll('a') ?? [])].map(
                (a) => a.textContent?.trim() ?? '',
              ),
            };
          }),
        );
      },
      result.papers.map((paper) => paper.id),
    );
    const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(pages.map((built) => ({ id: built.id, status: built.status, h1: built.h1 }))).toEqual(
      result.papers.map((paper) => ({ id: paper.id, status: 200, h1: [textOfHtml(paper.titleHtml)] })),
    );
    expect(pages.map((built) => normalise(built.abstract))).toEqual(
      result.papers.map((paper) => normalise(textOfHtml(paper.abstractHtml))),
    );
    expect(pages.map((built) => built.topics)).toEqual(
      result.papers.map((paper) =>
        (paper.topics.length > 0 ? paper.topics : [OTHER.id]).map((topic) => topicNames.get(topic)),
      ),
    );
  });
});

describe('topic counts', () => {
  test('the home page has a card for each of the four topics and Other, with the ingest counts', async () => {
    const { topics, idsByTopic } = expectedDigest();
    expect(topics.map((topic) => topic.id)).toEqual(['peft', 'alignment', 'moe', 'multimodal']);
    const cards = await topicCards('/');
    expect(cards).toEqual([
      ...topics.map((topic) => ({
        id: topic.id,
        name: topic.name,
        href: `/topics/${topic.id}/`,
        count: expect.any(String),
      })),
      { id: 'other', name: 'Other', href: '/topics/other/', count: expect.any(String) },
    ]);
    const counts = Object.fromEntries(cards.map((card) => [card.id, parseCount(card.count)]));
    expect(counts).toEqual(Object.fromEntries([...idsByTopic].map(([id, ids]) => [id, ids.size])));
    for (const count of Object.values(counts)) expect(count).toBeGreaterThan(0);
    expect(await page.textContent('.stats')).toContain('477 papers');
  });

  test('the topics index shows the same cards and counts', async () => {
    const { idsByTopic } = expectedDigest();
    const cards = await topicCards('/topics/');
    expect(cards.map((card) => card.id)).toEqual([...idsByTopic.keys()]);
    expect(Object.fromEntries(cards.map((card) => [card.id, parseCount(card.count)]))).toEqual(
      Object.fromEntries([...idsByTopic].map(([id, ids]) => [id, ids.size])),
    );
  });
});

describe('topic pages', () => {
  test.each(['peft', 'alignment', 'moe', 'multimodal', 'other'])(
    '/topics/%s/ lists every paper of the topic once, 50 per page, newest first',
    async (topicId) => {
      const { idsByTopic, byId, topicNames } = expectedDigest();
      const expectedIds = idsByTopic.get(topicId)!;
      const lastPage = Math.max(1, Math.ceil(expectedIds.size / PAGE_SIZE));
      const listed: string[] = [];
      for (let number = 1; number <= lastPage; number++) {
        const path = number === 1 ? `/topics/${topicId}/` : `/topics/${topicId}/${number}/`;
        const response = await page.goto(url(path));
        expect(response?.status(), path).toBe(200);
        expect(await page.textContent('h1'), path).toBe(topicNames.get(topicId));
        expect(parseCount(await page.textContent('[data-topic-count]')), path).toBe(expectedIds.size);
        const ids = await page.$$eval('article.paper-card[data-paper-id]', (cards) =>
          cards.map((card) => card.getAttribute('data-paper-id')!),
        );
        expect(ids.length, path).toBe(number < lastPage ? PAGE_SIZE : expectedIds.size - PAGE_SIZE * (lastPage - 1));
        const next = await page.$$eval('a[rel="next"]', (links) => links.map((link) => link.getAttribute('href')));
        expect(next, path).toEqual(number < lastPage ? [`/topics/${topicId}/${number + 1}/`] : []);
        listed.push(...ids);
      }
      expect(listed.length).toBe(new Set(listed).size);
      expect(new Set(listed)).toEqual(expectedIds);
      // Newest first: dated papers by date, descending, then the undated ones.
      const dates = listed.map((id) => byId.get(id)!.published);
      const dated = dates.filter((date) => date !== null);
      expect(dates.slice(0, dated.length)).toEqual(dated);
      expect(dated).toEqual([...dated].sort().reverse());
      // One page past the end does not exist.
      const beyond = await page.goto(url(`/topics/${topicId}/${lastPage + 1}/`));
      expect(beyond?.status()).toBe(404);
    },
  );

  test('a second page shows the rest of the papers and where it stands', async () => {
    const size = expectedDigest().idsByTopic.get('peft')!.size;
    expect(size).toBeGreaterThan(PAGE_SIZE);
    expect(size).toBeLessThanOrEqual(2 * PAGE_SIZE);
    const response = await page.goto(url('/topics/peft/2/'));
    expect(response?.status()).toBe(200);
    expect(await page.$$eval('article.paper-card', (cards) => cards.length)).toBe(size - PAGE_SIZE);
    expect(await page.textContent('.pagination')).toContain('Page 2 of 2');
    expect(await page.textContent('main')).toContain(`showing 51–${size}`);
    expect(await page.getAttribute('a[rel="prev"]', 'href')).toBe('/topics/peft/');
  });
});

describe('404', () => {
  test('an unknown URL gets the 404 page with status 404', async () => {
    const response = await page.goto(url('/no/such/page/'));
    expect(response?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Page not found');
  });
});
