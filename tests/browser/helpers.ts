/** Shared by the browser tests: the ingest's expectations, problem collection, search driving. */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { launchBrowser } from '../../scripts/lib/launch-browser.ts';
import { changedInputs, fingerprintInputs } from './inputs.ts';
import { searchTerms } from '../../src/scripts/search-terms.ts';
import {
  ingestDumps,
  readDumpFolder,
  readTopicDefinitions,
  type IngestResult,
  type PaperRecord,
  type TopicDefinition,
} from '../../src/ingest/index.ts';
import { decodeEntities } from '../site-build/helpers.ts';

const baseUrl = (): string => inject('baseUrl');
export const url = (path: string): string => `${inject('baseUrl')}${path}`;

export const OTHER = { id: 'other', name: 'Other' } as const;

/**
 * The DOM text (`textContent`) of a record's `titleHtml` or `abstractHtml`: what the page's h1 or
 * `.abstract` must read. It equals the plain text but where there is math: a formula contributes
 * its MathML text and then its plain reading (the hidden span Pagefind indexes), e.g. "S2²FT".
 */
export const textOfHtml = (html: string): string => decodeEntities(html.replace(/<[^>]*>/g, ''));
export const PAGE_SIZE = 50;

export interface Expected {
  result: IngestResult;
  topics: TopicDefinition[];
  byId: Map<string, PaperRecord>;
  /** Paper ids per topic id, `other` for papers in none. */
  idsByTopic: Map<string, Set<string>>;
  /** Topic id → display name, `other` → `Other`. */
  topicNames: Map<string, string>;
}

let expected: Expected | null = null;

/** What the site must show, computed from the same seeds and topic definitions with the ingest library. */
export function expectedDigest(): Expected {
  if (expected) return expected;
  const root = inject('projectRoot');
  const changed = changedInputs(inject('builtInputs'), fingerprintInputs(root));
  if (changed.length > 0) {
    throw new Error(
      `the site under test was built before these files changed, so it cannot match a fresh ingest; run the tests again: ${changed.join(', ')}`,
    );
  }
  const topics = readTopicDefinitions(join(root, 'content/topics'));
  const result = ingestDumps(readDumpFolder(join(root, 'seeds')), topics);
  const idsByTopic = new Map<string, Set<string>>([
    ...topics.map((topic) => [topic.id, new Set<string>()] as const),
    [OTHER.id, new Set<string>()],
  ]);
  for (const paper of result.papers) {
    for (const topic of paper.topics.length > 0 ? paper.topics : [OTHER.id]) idsByTopic.get(topic)!.add(paper.id);
  }
  expected = {
    result,
    topics,
    byId: new Map(result.papers.map((paper) => [paper.id, paper])),
    idsByTopic,
    topicNames: new Map([...topics.map((topic) => [topic.id, topic.name] as const), [OTHER.id, OTHER.name]]),
  };
  return expected;
}

export function paperIdFromUrl(href: string): string {
  const match = /^\/papers\/([^/]+)\/$/.exec(new URL(href, 'http://x').pathname);
  if (!match) throw new Error(`not a paper URL: ${href}`);
  return match[1]!;
}

/** "1,234 papers" → 1234. */
export function parseCount(text: string | null): number {
  const match = /^\s*([\d,]+)\s+papers?\b/.exec(text ?? '');
  if (!match) throw new Error(`no paper count in ${JSON.stringify(text)}`);
  return Number(match[1]!.replaceAll(',', ''));
}

/**
 * Everything that went wrong on a page: console errors, uncaught exceptions, failed requests
 * HTTP error responses and requests leaving the test server.
 */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  const origin = new URL(baseUrl()).origin;
  page.on('request', (request) => {
    if (!request.url().startsWith('data:') && new URL(request.url()).origin !== origin)
      problems.push(`request to another site: ${request.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error')
      problems.push(`console error: ${message.text()} (at ${message.location().url || 'unknown'})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/** The search page's state as a reader sees it. */
export interface SearchOutcome {
  status: string;
  /** Total matches the status line reports (the list shows at most the first 20). */
  count: number;
  results: { id: string; title: string; meta: string }[];
}

const FINISHED_STATUS = /\d+ papers? found|No papers found|could not run/;

/**
 * Waits until the search page shows the outcome of the search described by `params` (the page
 * mirrors its form into the URL before searching, so an older outcome cannot be mistaken for it).
 */
export async function searchOutcome(page: Page, params: [string, string][]): Promise<SearchOutcome> {
  const wanted = params
    .filter(([key, value]) => value !== '' && !(key === 'sort' && value === 'relevance'))
    .map(([key, value]) => `${key}=${value}`)
    .sort();
  await page.waitForFunction(
    ({ wanted, finished }) => {
      const current = [...new URLSearchParams(location.search)].map(([key, value]) => `${key}=${value}`).sort();
      const status = document.querySelector('#search-status')?.textContent ?? '';
      return JSON.stringify(current) === JSON.stringify(wanted) && new RegExp(finished).test(status);
    },
    { wanted, finished: FINISHED_STATUS.source },
    { timeout: 20_000 },
  );
  const status = ((await page.textContent('#search-status')) ?? '').trim();
  if (/could not run/.test(status)) throw new Error(`search failed: ${status}`);
  const results = await page.$$eval('ol#search-results > li', (items) =>
    items.map((item) => ({
      href: item.querySelector('a')?.getAttribute('href') ?? '',
      title: item.querySelector('a')?.textContent?.trim() ?? '',
      meta: item.querySelector('.paper-meta')?.textContent ?? '',
    })),
  );
  return {
    status,
    count: /^No papers found/.test(status) ? 0 : parseCount(status),
    results: results.map(({ href, title, meta }) => ({ id: paperIdFromUrl(href), title, meta })),
  };
}

/** Opens `/search/?…` and waits for its outcome. */
export async function searchByUrl(page: Page, params: [string, string][]): Promise<SearchOutcome> {
  await page.goto(url(`/search/?${new URLSearchParams(params)}`));
  return searchOutcome(page, params);
}

/**
 * Every match of a query straight from the site's Pagefind index, loaded by the page itself (the
 * search page lists only the first 10): paper ids in Pagefind's order.
 */
export async function allMatches(
  page: Page,
  query: string | null,
  options: Record<string, unknown> = {},
): Promise<string[]> {
  // The words the search page itself gives Pagefind (it leaves out words such as "of").
  if (query !== null) query = searchTerms(query);
  const urls = await page.evaluate(
    async ({ query, options }) => {
      // Built with Function so that Vite leaves this import() alone: it runs in the page.
      const pagefind = await new Function('return import("/pagefind/pagefind.js")')();
      const search = await pagefind.search(query, options);
      return Promise.all(
        search.results.map(async (result: { data: () => Promise<{ url: string }> }) => (await result.data()).url),
      );
    },
    { query, options },
  );
  return urls.map(paperIdFromUrl);
}

/** A test file's Chromium: one context without the service worker, and a new page for each test. */
export interface PagePerTest {
  context: BrowserContext;
  page: Page;
}

/**
 * Registers the file's hooks and returns what they fill in. The service worker is left out: searches
 * must not depend on its cache (tests/browser/offline.test.ts has it).
 */
export function usePagePerTest(): PagePerTest {
  const tab = {} as PagePerTest & { browser: Browser };
  beforeAll(async () => {
    tab.browser = await launchBrowser();
    tab.context = await tab.browser.newContext({ serviceWorkers: 'block' });
  });
  beforeEach(async () => {
    await tab.page?.close();
    tab.page = await tab.context.newPage();
  });
  afterAll(async () => {
    await tab.browser?.close();
  });
  return tab;
}
