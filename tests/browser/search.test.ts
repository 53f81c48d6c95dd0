/** The search page, driven like a reader would: titles, keywords, topic filter, sort orders. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, test } from 'vitest';
import { formatDate } from '../../src/lib/format.ts';
import { readSearchValues, searchValuesPath, type SortKey } from '../../src/lib/search-values.ts';
import { searchTerms } from '../../src/scripts/search-terms.ts';
import {
  allMatches,
  expectedDigest,
  OTHER,
  paperIdFromUrl,
  searchByUrl,
  searchOutcome,
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

/** Types a query into the search form and submits it. */
async function typeQuery(query: string): Promise<SearchOutcome> {
  await page.goto(url('/search/'));
  await page.fill('#search-form input[name="q"]', query);
  await page.press('#search-form input[name="q"]', 'Enter');
  return searchOutcome(page, [['q', query]]);
}

/** Title and abstract of every paper, for "which papers mention X". */
const mentions = (pattern: RegExp) =>
  new Set(
    expectedDigest()
      .result.papers.filter((paper) => pattern.test(`${paper.title}\n${paper.abstract}`))
      .map((paper) => paper.id),
  );

describe('exact titles', () => {
  const titles = [
    // LaTeX in the dumps (S^{2}FT, S$^{2}$FT), a superscript two on the site.
    [
      's2ft-efficient-scalable-and-generalizable-llm-fine-tuning-by',
      'S²FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity',
    ],
    [
      'pangu-enhancing-language-model-architectures-via-nonlinearity',
      'PanGu-π: Enhancing Language Model Architectures via Nonlinearity Compensation',
    ],
    [
      'mcm-dpo-multifaceted-cross-modal-direct-preference-optimization',
      'MCM-DPO: Multifaceted Cross-Modal Direct Preference Optimization for Alt-text Generation',
    ],
    [
      'codeultrafeedback-an-llm-as-a-judge-dataset-for-aligning-large',
      'CodeUltraFeedback: An LLM-as-a-Judge Dataset for Aligning Large Language Models to Coding Preferences',
    ],
    [
      'outrageously-large-neural-networks-the-sparsely-gated-mixture-of',
      'Outrageously Large Neural Networks: The Sparsely-Gated Mixture-of-Experts Layer',
    ],
  ] as const;

  test("the titles used below are the records' titles", () => {
    const { byId } = expectedDigest();
    expect(titles.map(([id]) => [id, byId.get(id)?.title])).toEqual(titles);
  });

  test.each(titles)('typing the title of %s finds it first', async (id, title) => {
    const outcome = await typeQuery(title);
    expect(outcome.count).toBeGreaterThan(0);
    expect(outcome.results[0]?.id).toBe(id);
    expect(outcome.results[0]?.title).toBe(title);
  });

  test('S²FT is found by its title given in the URL too (a linked search)', async () => {
    const [id, title] = titles[0];
    expect(ids(await searchByUrl(page, [['q', title]]))[0]).toBe(id);
    expect(await page.inputValue('#search-form input[name="q"]')).toBe(title);
  });

  test('S²FT is found when typed on a plain keyboard as S2FT', async () => {
    const [id] = titles[0];
    const outcome = await typeQuery('S2FT');
    expect(outcome.results[0]?.id).toBe(id);
  });

  test("every paper's exact title (and every alias) finds that paper first in the site's index", async () => {
    const { result } = expectedDigest();
    await page.goto(url('/search/'));
    const misses = await page.evaluate(
      async (papers) => {
        const pagefind = await new Function('return import("/pagefind/pagefind.js")')();
        const found: string[] = [];
        for (const [id, title] of papers) {
          const search = await pagefind.search(title);
          const first = search.results[0] ? (await search.results[0].data()).url : 'nothing';
          if (first !== `/papers/${id}/`) found.push(`${title} → ${first}`);
        }
        return found;
      },
      result.papers.flatMap((paper) => [paper.title, ...paper.aliases].map((title) => [paper.id, title] as const)),
    );
    expect(misses).toEqual([]);
  });
});

describe('keywords', () => {
  test("S'MoRE finds the paper of the first abstract of seeds/000_*", async () => {
    const root = inject('projectRoot');
    const dump = readdirSync(join(root, 'seeds')).find((name) => name.startsWith('000_'))!;
    const firstAbstract = readFileSync(join(root, 'seeds', dump), 'utf8')
      .split('\n')[0]!
      .replace(/^Abstract:/, '')
      .trim();
    const paper = expectedDigest().result.papers.find((candidate) =>
      candidate.abstract.startsWith(firstAbstract.slice(0, 120)),
    )!;
    expect(paper.id).toBe('s-more-structural-mixture-of-residual-experts');
    const outcome = await typeQuery("S'MoRE");
    expect(outcome.results[0]?.id).toBe(paper.id);
    expect(ids(outcome)).toEqual(expect.arrayContaining([...mentions(/S'MoRE/)]));
  });

  test('DPO finds every paper whose title or abstract mentions DPO', async () => {
    const expected = mentions(/\bDPO\b/);
    expect(expected.size).toBe(13);
    const outcome = await searchByUrl(page, [['q', 'DPO']]);
    expect(outcome.count).toBeGreaterThanOrEqual(expected.size);
    expect(outcome.results).toHaveLength(10);
    expect(outcome.results[0]?.id).toBe('insights-into-alignment-evaluating-dpo-and-its-variants-across');
    // 13 ≤ 20: the first page and one "Show more results" hold them all.
    await page.click('#search-more');
    await page.waitForFunction(
      (count) => document.querySelectorAll('#search-results > li').length === count,
      Math.min(outcome.count, 20),
    );
    const shown = await page.$$eval('#search-results > li h2 a', (links) =>
      links.map((link) => new URL((link as HTMLAnchorElement).href).pathname.split('/')[2]!),
    );
    expect(new Set(shown)).toEqual(expected);
    expect(await page.isHidden('#search-more')).toBe(true);
  });

  test('mixture of experts finds every paper that mentions the phrase, the best ones first', async () => {
    const phrase = mentions(/mixture[- ]of[- ]experts/i);
    expect(phrase.size).toBe(32);
    const outcome = await typeQuery('mixture of experts');
    expect(outcome.results).toHaveLength(10);
    expect(outcome.count).toBeGreaterThanOrEqual(phrase.size);
    expect(outcome.status).toContain('showing the first 10');
    // The first page holds only papers using the phrase or in the Mixture-of-Experts topic.
    const moe = expectedDigest().idsByTopic.get('moe')!;
    expect(ids(outcome).filter((id) => !phrase.has(id) && !moe.has(id))).toEqual([]);
    // Every paper using the phrase is among the matches.
    const all = await allMatches(page, 'mixture of experts');
    expect(all.length).toBe(outcome.count);
    expect([...phrase].filter((id) => !all.includes(id))).toEqual([]);
  });

  test('"Show more results" lists the rest of the matches, in the order of the index, and focuses the first new one', async () => {
    const first = await typeQuery('mixture of experts');
    const all = await allMatches(page, 'mixture of experts');
    expect(all.length).toBeGreaterThan(20);
    await page.click('#search-more');
    await page.waitForFunction(
      (count) => document.querySelectorAll('#search-results > li').length === count,
      Math.min(all.length, 20),
    );
    const shown = await page.$$eval('#search-results > li a', (links) =>
      links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
    );
    expect(shown.map((path) => path.split('/')[2])).toEqual(all.slice(0, 20));
    expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href'))).toBe(
      `/papers/${all[10]}/`,
    );
    expect(await page.isHidden('#search-more')).toBe(all.length <= 20);
    expect(ids(first)).toEqual(all.slice(0, 10));
  });

  test('a word no paper uses finds nothing', async () => {
    const outcome = await searchByUrl(page, [['q', 'zzqqxx']]);
    expect(outcome).toEqual({ status: 'No papers found for “zzqqxx”.', count: 0, results: [] });
  });
});

describe('filters', () => {
  test('checking the Mixture-of-Experts topic narrows the results to that topic', async () => {
    const moe = expectedDigest().idsByTopic.get('moe')!;
    const unfiltered = await typeQuery('mixture of experts');
    const matches = await allMatches(page, 'mixture of experts');
    await page.check('#search-form input[name="topic"][value="Mixture-of-Experts"]');
    const filtered = await searchOutcome(page, [
      ['q', 'mixture of experts'],
      ['topic', 'Mixture-of-Experts'],
    ]);
    expect(filtered.count).toBeLessThan(unfiltered.count);
    expect(filtered.count).toBe(matches.filter((id) => moe.has(id)).length);
    expect(filtered.results.length).toBe(Math.min(10, filtered.count));
    expect(filtered.results.filter((result) => !moe.has(result.id))).toEqual([]);
    for (const result of filtered.results) expect(result.meta).toContain('Mixture-of-Experts');
  });

  test('the Other topic narrows DPO results to papers in no topic', async () => {
    const other = expectedDigest().idsByTopic.get(OTHER.id)!;
    const unfiltered = await searchByUrl(page, [['q', 'DPO']]);
    const filtered = await searchByUrl(page, [
      ['q', 'DPO'],
      ['topic', 'Other'],
    ]);
    expect(filtered.count).toBe(ids(unfiltered).filter((id) => other.has(id)).length);
    expect(filtered.count).toBeLessThan(unfiltered.count);
    expect(filtered.results.filter((result) => !other.has(result.id))).toEqual([]);
  });

  test.each(['peft', 'alignment', 'moe', 'multimodal', 'other'])(
    'the %s topic alone lists as many papers as the topic has',
    async (topicId) => {
      const { idsByTopic, topicNames } = expectedDigest();
      const name = topicNames.get(topicId)!;
      const outcome = await searchByUrl(page, [['topic', name]]);
      expect(outcome.status).toMatch(/found with these filters/);
      expect(outcome.count).toBe(idsByTopic.get(topicId)!.size);
      expect(outcome.results.filter((result) => !idsByTopic.get(topicId)!.has(result.id))).toEqual([]);
    },
  );

  test('two topics give the papers in either', async () => {
    const { idsByTopic } = expectedDigest();
    const either = new Set([...idsByTopic.get('peft')!, ...idsByTopic.get('moe')!]);
    const outcome = await searchByUrl(page, [
      ['topic', 'Parameter-efficient fine-tuning'],
      ['topic', 'Mixture-of-Experts'],
    ]);
    expect(outcome.count).toBe(either.size);
  });

  test('year and organisation filters match the ingest', async () => {
    const { result } = expectedDigest();
    const byYear = (year: string) =>
      result.papers.filter((paper) => (paper.published?.slice(0, 4) ?? 'Undated') === year).length;
    await page.goto(url('/search/'));
    await page.selectOption('#search-form select[name="year"]', '2024');
    expect((await searchOutcome(page, [['year', '2024']])).count).toBe(byYear('2024'));
    expect(byYear('2024')).toBe(20);
    await page.selectOption('#search-form select[name="year"]', 'Undated');
    expect((await searchOutcome(page, [['year', 'Undated']])).count).toBe(byYear('Undated'));
    await page.selectOption('#search-form select[name="year"]', '');
    await page.selectOption('#search-form select[name="organization"]', 'Liquid AI');
    const liquid = await searchOutcome(page, [['organization', 'Liquid AI']]);
    expect(ids(liquid)).toEqual(
      result.papers.filter((paper) => paper.organization === 'Liquid AI').map((paper) => paper.id),
    );
    expect(ids(liquid)).toEqual(['lfm2-technical-report']);
  });
});

describe('sort orders', () => {
  test.each(['alignment', 'LoRA'])(
    'sorting "%s" by date or upvotes keeps every match and orders them',
    async (query) => {
      const { byId } = expectedDigest();
      const relevance = await typeQuery(query);
      expect(relevance.count).toBeGreaterThan(20);
      const matches = await allMatches(page, query);
      expect(matches.length).toBe(relevance.count);

      await page.selectOption('#search-form select[name="sort"]', 'date');
      const byDate = await searchOutcome(page, [
        ['q', query],
        ['sort', 'date'],
      ]);
      expect(byDate.count).toBe(relevance.count);
      // The newest 10 of all matches, undated last (compared by date: equal dates may come in any order).
      const newest = matches
        .map((id) => byId.get(id)!.published ?? '0000-00-00')
        .sort()
        .reverse()
        .slice(0, 10);
      expect(byDate.results.map((result) => byId.get(result.id)!.published ?? '0000-00-00')).toEqual(newest);
      expect(newest[0]).not.toBe('0000-00-00');

      await page.selectOption('#search-form select[name="sort"]', 'upvotes');
      const byUpvotes = await searchOutcome(page, [
        ['q', query],
        ['sort', 'upvotes'],
      ]);
      expect(byUpvotes.count).toBe(relevance.count);
      const most = matches
        .map((id) => byId.get(id)!.upvotes ?? 0)
        .sort((a, b) => b - a)
        .slice(0, 10);
      expect(byUpvotes.results.map((result) => byId.get(result.id)!.upvotes ?? 0)).toEqual(most);
      expect(most[0]).toBeGreaterThan(0);

      // The page sorts by the build's values files, read by each result's id: for every match, the
      // values its id leads to are its paper's (day numbers since 1970-01-01 for dates).
      const read = async (key: SortKey) =>
        readSearchValues(
          key,
          (await (await fetch(url(searchValuesPath(key)))).json()) as Parameters<typeof readSearchValues>[1],
        );
      const [dates, upvotes] = await Promise.all([read('date'), read('upvotes')]);
      const found = await page.evaluate(async (query) => {
        const pagefind = await new Function('return import("/pagefind/pagefind.js")')();
        const search = await pagefind.search(query);
        return Promise.all(
          search.results.map(async (result: { id: string; data: () => Promise<{ url: string }> }) => ({
            id: result.id,
            url: (await result.data()).url,
          })),
        );
      }, searchTerms(query));
      expect(found).toHaveLength(matches.length);
      for (const { id, url: address } of found) {
        const paper = byId.get(paperIdFromUrl(address))!;
        const place = upvotes.place(id)!;
        expect(place).not.toBeNull();
        expect(dates.place(id)).toEqual(place);
        expect(upvotes.value(place)).toBe(paper.upvotes);
        expect(dates.value(place)).toBe(
          paper.published === null ? null : Date.parse(`${paper.published}T00:00:00Z`) / 86_400_000,
        );
      }
    },
  );
});

/** What a result's line of facts must read: its paper's date, upvotes and topics, from the seeds. */
function expectedMeta(id: string): string {
  const { byId, topicNames } = expectedDigest();
  const paper = byId.get(id)!;
  const facts = [
    formatDate(paper.published),
    paper.upvotes === null ? null : `${paper.upvotes} ${paper.upvotes === 1 ? 'upvote' : 'upvotes'}`,
    (paper.topics.length > 0 ? paper.topics : ['other']).map((topic) => topicNames.get(topic)).join(', '),
  ];
  return facts.filter(Boolean).join(' · ');
}

describe('result details', () => {
  test('each result states the date, upvotes and topics of its paper, and nothing it does not know', async () => {
    const { byId } = expectedDigest();
    const shown: { id: string; meta: string }[] = [];
    for (const params of [[['q', 'LoRA']], [['year', '2025']], [['year', '2024']]] as [string, string][][]) {
      shown.push(...(await searchByUrl(page, params)).results);
    }
    const upvotes = shown.map((result) => byId.get(result.id)!.upvotes);
    // The searches above cover unknown, zero, one and several upvotes.
    expect(upvotes).toEqual(expect.arrayContaining([null, 0, 1, 2]));
    expect(shown.map((result) => result.meta)).toEqual(shown.map(({ id }) => expectedMeta(id)));
  });

  test("Pagefind loads the page list, never its metadata, and orders ties by the page list's ranks", async () => {
    const requested: string[] = [];
    const warnings: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    page.on('console', (message) => warnings.push(message.text()));
    const found = await typeQuery('adapter');
    expect(found.results.length).toBeGreaterThan(5);
    expect(requested.filter((path) => /^\/pagefind\/pagefind\.[^/]+\.pf_pages$/.test(path))).toHaveLength(1);
    expect(requested.filter((path) => path.endsWith('.pf_meta'))).toEqual([]);
    expect(warnings.filter((text) => text.includes('page list'))).toEqual([]);
    const ranks = await page.evaluate(async (ids) => {
      const pagefind = await new Function('return import("/pagefind/pagefind.js")')();
      const found = await pagefind.search('adapter');
      const urls = await Promise.all(
        found.results.map(async (result: { data: () => Promise<{ url: string }> }) => (await result.data()).url),
      );
      const byUrl = new Map(urls.map((url: string, at: number) => [url, found.results[at].id as string]));
      return ids.map((id) => pagefind.researchDigestTieRank(byUrl.get(`/papers/${id}/`)) as number | undefined);
    }, ids(found));
    expect(ranks.every((rank) => Number.isInteger(rank))).toBe(true);
    expect(new Set(ranks).size).toBe(ranks.length);
  });

  test("a search not sorted by upvotes fetches only the blocks of the shown results' upvotes; a sort by upvotes, the whole file", async () => {
    const { byId } = expectedDigest();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const upvotesFile = searchValuesPath('upvotes');
    const blocks = () => requested.filter((path) => path.startsWith('/pagefind/upvotes/'));

    // "fine-tuning": 20 results from both ends of the seeds, several with upvotes.
    const first = await typeQuery('fine-tuning');
    await page.click('#search-more');
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 20);
    const shown = (await searchOutcome(page, [['q', 'fine-tuning']])).results;
    expect(shown.slice(0, 10)).toEqual(first.results);
    expect(shown.map((result) => result.meta)).toEqual(shown.map(({ id }) => expectedMeta(id)));
    const upvotes = shown.map(({ id }) => byId.get(id)!.upvotes);
    expect(upvotes.filter((count) => count !== null && count > 0).length).toBeGreaterThan(1);
    expect(upvotes).toContain(null);
    expect(requested).not.toContain(upvotesFile);
    // The seeds' 477 pages make two blocks of upvotes; each is fetched once at most.
    expect(blocks().length).toBeGreaterThan(0);
    expect(blocks().length).toBeLessThanOrEqual(2);
    expect(new Set(blocks()).size).toBe(blocks().length);
    for (const path of blocks()) expect(path).toMatch(/^\/pagefind\/upvotes\/[0-9a-f]{6}-[01]\.json$/);

    await page.selectOption('#search-form select[name="sort"]', 'upvotes');
    const byUpvotes = await searchOutcome(page, [
      ['q', 'fine-tuning'],
      ['sort', 'upvotes'],
    ]);
    expect(requested.filter((path) => path === upvotesFile)).toHaveLength(1);
    const most = byUpvotes.results.map(({ id }) => byId.get(id)!.upvotes);
    expect(most[0]).toBeGreaterThan(0);
    expect(most).toEqual([...most].sort((a, b) => (b ?? -1) - (a ?? -1)));
    expect(byUpvotes.results.map((result) => result.meta)).toEqual(byUpvotes.results.map(({ id }) => expectedMeta(id)));
  });
});
