/**
 * Search that ranks well and forgives (issue 12): quoted phrases by relevance, hyphen and space
 * spellings alike, spelling suggestions, organisation names (and links for topic names), excerpts
 * from abstracts,
 * unknown values last in either sort direction.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  allMatches,
  expectedDigest,
  searchByUrl,
  searchOutcome,
  textOfHtml,
  url,
  type SearchOutcome,
  usePagePerTest,
} from './helpers.ts';

const tab = usePagePerTest();
let page: Page;
beforeEach(() => {
  page = tab.page;
});

const ids = (outcome: SearchOutcome) => outcome.results.map((result) => result.id);
const spaced = (text: string) => text.toLowerCase().replace(/-/g, ' ');

async function typeQuery(query: string): Promise<SearchOutcome> {
  await page.goto(url('/search/'));
  await page.fill('#search-query', query);
  await page.press('#search-query', 'Enter');
  return searchOutcome(page, [['q', query]]);
}

/** Clicks "Show more results" until every match is listed; the ids in the order shown. */
async function showAll(): Promise<string[]> {
  while (await page.isVisible('#search-more')) {
    const before = await page.locator('#search-results > li').count();
    await page.click('#search-more');
    await page.waitForFunction((count) => document.querySelectorAll('#search-results > li').length > count, before);
  }
  return page.$$eval('#search-results > li h2 a', (links) =>
    links.map((link) => link.getAttribute('href')!.split('/')[2]!),
  );
}

describe('phrases and spellings', () => {
  test('a quoted phrase is ranked by relevance: the first result has the phrase in its title', async () => {
    const outcome = await typeQuery('"mixture of experts"');
    expect(outcome.count).toBeGreaterThan(10);
    expect(spaced(outcome.results[0]!.title)).toContain('mixture of experts');
    // Not the index's (alphabetical) order any more.
    const alphabetical = [...ids(outcome)].sort();
    expect(ids(outcome)).not.toEqual(alphabetical);
    // Every result uses the phrase, in either spelling, in its title, abstract or topic names.
    const { byId, topicNames } = expectedDigest();
    const all = await showAll();
    expect(all).toHaveLength(outcome.count);
    const uses = (id: string) => {
      const paper = byId.get(id)!;
      return /mixture[- ]of[- ]experts/i.test(
        `${paper.title} ${paper.abstract} ${paper.topics.map((topic) => topicNames.get(topic)).join(' ')}`,
      );
    };
    expect(all.filter((id) => !uses(id))).toEqual([]);
  });

  test('hyphenated and spaced forms of a term give the same results', async () => {
    const spacedOut = await searchByUrl(page, [['q', 'mixture of experts']]);
    const hyphenated = await searchByUrl(page, [['q', 'Mixture-of-Experts']]);
    expect(hyphenated.count).toBe(spacedOut.count);
    expect(ids(hyphenated)).toEqual(ids(spacedOut));
    const quotedSpaced = await searchByUrl(page, [['q', '"mixture of experts"']]);
    const quotedHyphenated = await searchByUrl(page, [['q', '"Mixture-of-Experts"']]);
    expect(quotedHyphenated.count).toBe(quotedSpaced.count);
    expect(ids(quotedHyphenated)).toEqual(ids(quotedSpaced));
    // The phrase's papers are among the words' papers.
    expect(quotedSpaced.count).toBeLessThanOrEqual(spacedOut.count);
  });

  test('"mixtral of expers" suggests "mixture of experts", and the suggestion finds the MoE papers', async () => {
    await typeQuery('mixtral of expers');
    const suggestion = page.locator('#search-suggestions a', { hasText: /^mixture of experts$/ });
    await suggestion.waitFor({ timeout: 10_000 });
    expect(await page.textContent('#search-suggestions')).toMatch(/^Did you mean: .*mixture of experts.*\?$/);
    await suggestion.click();
    const outcome = await searchOutcome(page, [['q', 'mixture of experts']]);
    const moe = expectedDigest().idsByTopic.get('moe')!;
    expect(outcome.count).toBeGreaterThan(20);
    expect(ids(outcome).filter((id) => !moe.has(id))).toEqual([]);
  });

  test('a misspelt word matched only by words that begin like it does not rank the results: the other words do', async () => {
    // No seed paper says "mixtral"; Pagefind matches it with "mix", "mixed", "mixing".
    const { result } = expectedDigest();
    expect(result.papers.some((paper) => /mixtral/i.test(`${paper.title} ${paper.abstract}`))).toBe(false);
    const outcome = await typeQuery('mixtral model');
    expect(outcome.status).toContain(
      '“mixtral” matched only words that begin like it, so the other words rank the results.',
    );
    const shown = await showAll();
    const matches = new Set(await allMatches(page, 'mixtral model'));
    expect(matches.size).toBeGreaterThanOrEqual(5);
    expect(new Set(shown)).toEqual(matches);
    // Pagefind's own order of the same papers for the correctly spelt word alone.
    const byModel = (await allMatches(page, 'model')).filter((id) => matches.has(id));
    expect(shown).toEqual(byModel);
    // Ranked with the loose matches ("Mixing It Up", "mixed-precision"), another paper would come first.
    expect((await allMatches(page, 'mixtral model'))[0]).not.toBe(byModel[0]);
  });

  test('a query whose words the papers use suggests nothing, and the vocabulary is not fetched', async () => {
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    const outcome = await typeQuery('reward model');
    expect(outcome.count).toBeGreaterThan(3);
    await page.waitForTimeout(300);
    expect(await page.isHidden('#search-suggestions')).toBe(true);
    expect(fetched).not.toContain('/search-vocabulary.json');
  });
});

describe('names and excerpts', () => {
  test('"Liquid AI" (an organisation) finds LFM2', async () => {
    const outcome = await typeQuery('Liquid AI');
    expect(ids(outcome)[0]).toBe('lfm2-technical-report');
    expect(expectedDigest().byId.get('lfm2-technical-report')!.organization).toBe('Liquid AI');
  });

  test('a query naming a topic links to every paper of the topic', async () => {
    const { idsByTopic } = expectedDigest();
    await typeQuery('parameter efficient fine tuning');
    const link = page.locator('#search-topic a');
    expect(await link.textContent()).toBe('Parameter-efficient fine-tuning');
    await link.click();
    const outcome = await searchOutcome(page, [['topic', 'Parameter-efficient fine-tuning']]);
    expect(outcome.count).toBe(idsByTopic.get('peft')!.size);
  });

  test('topic names are searchable words: searching a topic name finds every paper of the topic', async () => {
    await page.goto(url('/search/'));
    const { topics, idsByTopic } = expectedDigest();
    for (const topic of topics) {
      const found = new Set(await allMatches(page, topic.name));
      const missing = [...idsByTopic.get(topic.id)!].filter((id) => !found.has(id));
      expect(missing, topic.name).toEqual([]);
    }
  });

  test.each(['mixture of experts', 'DPO', 'LoRA', 'Liquid AI', 'S2FT'])(
    'no excerpt for "%s" starts with its title or with "Abstract"',
    async (query) => {
      const outcome = await searchByUrl(page, [['q', query]]);
      expect(outcome.count).toBeGreaterThan(0);
      const shown = await page.$$eval('#search-results > li', (items) =>
        items.map((item) => ({
          title: item.querySelector('h2')!.textContent!.trim(),
          excerpt: item.querySelector('p:last-of-type')!.textContent!.trim(),
        })),
      );
      const { byId } = expectedDigest();
      shown.forEach(({ title, excerpt }, at) => {
        expect(excerpt.length).toBeGreaterThan(20);
        expect(excerpt.startsWith(title)).toBe(false);
        expect(excerpt).not.toMatch(/^Abstract\b/);
        // A run of the abstract's words (as the page reads them, math included; Pagefind ends the
        // paragraph's text with a full stop).
        const abstract = `${textOfHtml(byId.get(outcome.results[at]!.id)!.abstractHtml).split(/\s+/).join(' ')}.`;
        expect(abstract).toContain(excerpt);
      });
    },
  );
});

describe('unknown values last', () => {
  test.each([
    ['upvotes', 'upvotes-asc', 'upvotes', 'no known upvote count'],
    ['date', 'date-asc', 'published', 'no known date'],
  ] as const)(
    'sorting by %s puts papers with no known value last in both directions, and counts them',
    async (descending, ascending, field, note) => {
      const { byId } = expectedDigest();
      const query = 'alignment';
      await page.goto(url('/search/'));
      const matches = await allMatches(page, query);
      const value = (id: string) => byId.get(id)![field];
      const unknown = matches.filter((id) => value(id) === null).length;
      expect(unknown).toBeGreaterThan(0);
      expect(unknown).toBeLessThan(matches.length);
      for (const sort of [descending, ascending]) {
        const outcome = await searchByUrl(page, [
          ['q', query],
          ['sort', sort],
        ]);
        expect(outcome.count).toBe(matches.length);
        expect(outcome.status).toContain(`${unknown} ${unknown === 1 ? 'has' : 'have'} ${note}`);
        const order = (await showAll()).map(value);
        expect(order).toHaveLength(matches.length);
        const known = order.slice(0, matches.length - unknown);
        expect(known.every((entry) => entry !== null)).toBe(true);
        expect(order.slice(matches.length - unknown).every((entry) => entry === null)).toBe(true);
        const sorted = [...known].sort((a, b) => (a! < b! ? -1 : a! > b! ? 1 : 0));
        expect(known).toEqual(sort === ascending ? sorted : sorted.reverse());
      }
    },
  );
});
