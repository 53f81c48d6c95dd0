/**
 * What readers' browsers transfer: each page loaded cold in headless Chromium from the bench
 * server, and a first and a second search. Bytes and requests come from the server's log (what
 * went over the wire, gzip and headers included); request types from Chromium.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './launch-browser.ts';
import type { LoggedResponse, StaticServer } from './static-server.ts';

export interface PageFigures {
  path: string;
  wireKb: number;
  requests: number;
  /** Script requests and `<script>` elements on the page (inline ones included). */
  scriptRequests: number;
  scriptElements: number;
  /** `loadEventEnd` of the navigation, ms. */
  loadMs: number;
}

export interface SearchFigures {
  query: string;
  /** Everything the page fetched for this search (the first search includes the search page itself). */
  wireKb: number;
  requests: number;
  /** Of which Pagefind's files (script, WebAssembly, index chunks, fragments). */
  pagefindKb: number;
  pagefindRequests: number;
  /**
   * Query submitted → results shown. The first search is typed into the search page as soon as it
   * has loaded (its `load` event), so it includes whatever of Pagefind is still loading by then.
   */
  resultsMs: number;
  /** First search only: navigation start → first result shown (page load, typing, search). */
  fromNavigationMs: number | null;
  /** First search only: from the moment the page asked for Pagefind's script → first result shown. */
  sinceSearchStartMs: number | null;
  results: number;
  /** Fetched in the background by the service worker (the offline copy of the index), not by the page. */
  serviceWorkerKb: number;
  serviceWorkerRequests: number;
  /** What the page fetched, by kind of file (`page`, `pagefind.js`, `wasm`, `entry`, `meta`, `page list`, `index`, `filter`, `fragment`, `upvotes`). */
  byKind: Record<string, { kb: number; requests: number }>;
}

/** The kind of a Pagefind file (or `page` for the site's own files). */
function fileKind(path: string): string {
  const name = path.replace(/\?.*$/, '');
  if (!name.startsWith('/pagefind/')) return 'page';
  if (/\/pagefind\.js$/.test(name)) return 'pagefind.js';
  if (/\/pagefind-worker\.js$/.test(name)) return 'worker.js';
  if (/\/wasm\.[^/]*\.pagefind$/.test(name)) return 'wasm';
  if (/pagefind-entry\.json$/.test(name)) return 'entry';
  if (/\.pf_meta$/.test(name)) return 'meta';
  if (/\.pf_pages$/.test(name)) return 'page list';
  if (/\.pf_index$/.test(name)) return 'index';
  if (/\.pf_filter$/.test(name)) return 'filter';
  if (/\.pf_fragment$/.test(name)) return 'fragment';
  if (/\/upvotes\/|search-upvotes\.json$/.test(name)) return 'upvotes';
  return 'other';
}

function byKind(entries: readonly LoggedResponse[]): SearchFigures['byKind'] {
  const kinds: SearchFigures['byKind'] = {};
  for (const entry of entries) {
    const kind = (kinds[fileKind(entry.path)] ??= { kb: 0, requests: 0 });
    kind.kb += entry.wireBytes / 1024;
    kind.requests++;
  }
  return kinds;
}

export interface BrowserFigures {
  chromium: string;
  home: PageFigures;
  topic: PageFigures;
  paper: PageFigures;
  firstSearch: SearchFigures;
  secondSearch: SearchFigures;
  /** The same two searches with the service worker blocked: no offline copy competing for the network. */
  firstSearchWithoutWorker: SearchFigures;
  secondSearchWithoutWorker: SearchFigures;
  /** A reader arriving at `/search/?q=…` (the header's search box): navigation start → first result shown. */
  firstSearchFromUrl: SearchFigures;
}

export interface BrowserPlan {
  topicPath: string;
  paperPath: string;
  firstQuery: string;
  secondQuery: string;
}

const kb = (entries: readonly LoggedResponse[]) => entries.reduce((sum, entry) => sum + entry.wireBytes, 0) / 1024;
const isServiceWorkerTraffic = (entry: LoggedResponse) => entry.referer === '/sw.js' || entry.path.startsWith('/sw.js');
const isPagefind = (entry: LoggedResponse) => entry.path.startsWith('/pagefind/');

/** Waits until the server has answered nothing for `quietMs`. */
async function serverQuiet(server: StaticServer, quietMs = 600, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let count = -1;
  while (Date.now() < deadline) {
    if (server.log.length === count) return;
    count = server.log.length;
    await new Promise((done) => setTimeout(done, quietMs));
  }
}

async function measurePage(browser: Browser, server: StaticServer, path: string): Promise<PageFigures> {
  // A first visit: empty cache, and no service worker (only a search installs it).
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    let scriptRequests = 0;
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scriptRequests++;
    });
    const from = server.log.length;
    const response = await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    if (!response?.ok()) throw new Error(`${path} answered ${response?.status()}`);
    await serverQuiet(server, 300);
    const loaded = server.log.slice(from);
    const loadMs = await page.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    );
    const scriptElements = await page.locator('script').count();
    return { path, wireKb: kb(loaded), requests: loaded.length, scriptRequests, scriptElements, loadMs };
  } finally {
    await context.close();
  }
}

declare global {
  interface Window {
    __benchFirstResultAt?: number;
  }
}

async function statusText(page: Page): Promise<string> {
  return ((await page.textContent('#search-status')) ?? '').trim();
}

/**
 * Types `query` into the search page's form and submits it; resolves with the time from the
 * submit to the status line announcing the results (which is set once they are on the page), and
 * that moment since navigation start.
 */
async function typeSearch(page: Page, query: string): Promise<{ ms: number; at: number }> {
  return page.evaluate(async (query) => {
    const form = document.querySelector<HTMLFormElement>('#search-form')!;
    const input = form.querySelector<HTMLInputElement>('[name="q"]')!;
    const status = document.querySelector('#search-status')!;
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    const done = new Promise<void>((resolve) => {
      new MutationObserver(() => {
        const text = status.textContent ?? '';
        if (text.includes(`“${query}”`) && /found|could not run/.test(text)) resolve();
      }).observe(status, { childList: true, characterData: true, subtree: true });
    });
    const started = performance.now();
    input.value = query;
    form.requestSubmit();
    await done;
    const at = performance.now();
    return { ms: at - started, at };
  }, query);
}

function searchFigures(
  query: string,
  log: LoggedResponse[],
  timing: { resultsMs: number; fromNavigationMs: number | null; sinceSearchStartMs: number | null },
  results: number,
): SearchFigures {
  const own = log.filter((entry) => !isServiceWorkerTraffic(entry));
  const worker = log.filter(isServiceWorkerTraffic);
  return {
    query,
    wireKb: kb(own),
    requests: own.length,
    pagefindKb: kb(own.filter(isPagefind)),
    pagefindRequests: own.filter(isPagefind).length,
    ...timing,
    results,
    serviceWorkerKb: kb(worker),
    serviceWorkerRequests: worker.length,
    byKind: byKind(own),
  };
}

/** When the page asked for Pagefind's script, ms since navigation start. */
async function pagefindRequestedAt(page: Page): Promise<number | null> {
  return page.evaluate(
    () =>
      performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname === '/pagefind/pagefind.js')
        ?.startTime ?? null,
  );
}

/**
 * A first search, typed into the search page as soon as it has loaded (a reader who opened it), and
 * a second one typed after it. With the service worker allowed (as readers have it), the first
 * search also installs it, and it copies the whole index in the background (counted apart, and
 * waited for before the second search); `block` shows the searches without it.
 */
async function measureSearches(
  browser: Browser,
  server: StaticServer,
  firstQuery: string,
  secondQuery: string,
  serviceWorkers: 'allow' | 'block',
): Promise<[SearchFigures, SearchFigures]> {
  const context = await browser.newContext({ serviceWorkers });
  try {
    const page = await context.newPage();
    const from = server.log.length;
    await page.goto(`${server.url}/search/`, { waitUntil: 'load' });
    const first = await typeSearch(page, firstQuery);
    const firstStatus = await statusText(page);
    if (/could not run/.test(firstStatus)) throw new Error(`the first search failed: ${firstStatus}`);
    const requestedAt = await pagefindRequestedAt(page);
    const firstResults = await page.locator('#search-results li').count();
    // Let the service worker finish its offline copy before the second search, and count it apart.
    if (serviceWorkers === 'allow') {
      await page.evaluate(() =>
        Promise.race([
          navigator.serviceWorker?.ready ?? Promise.resolve(),
          new Promise((done) => setTimeout(done, 120_000)),
        ]),
      );
    }
    await serverQuiet(server);
    const firstLog = server.log.slice(from);

    const second = server.log.length;
    const secondTiming = await typeSearch(page, secondQuery);
    const secondStatus = await statusText(page);
    if (/could not run/.test(secondStatus)) throw new Error(`the second search failed: ${secondStatus}`);
    const secondResults = await page.locator('#search-results li').count();
    await serverQuiet(server);
    const secondLog = server.log.slice(second);

    return [
      searchFigures(
        firstQuery,
        firstLog,
        {
          resultsMs: first.ms,
          fromNavigationMs: first.at,
          sinceSearchStartMs: requestedAt === null ? null : first.at - requestedAt,
        },
        firstResults,
      ),
      searchFigures(
        secondQuery,
        secondLog,
        { resultsMs: secondTiming.ms, fromNavigationMs: null, sinceSearchStartMs: null },
        secondResults,
      ),
    ];
  } finally {
    await context.close();
  }
}

/** A reader arriving at `/search/?q=…` (what the header's search box does), without a service worker yet. */
async function measureSearchFromUrl(browser: Browser, server: StaticServer, query: string): Promise<SearchFigures> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('#search-results li')) {
          window.__benchFirstResultAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    const from = server.log.length;
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
    await page.waitForFunction(
      () =>
        window.__benchFirstResultAt !== undefined ||
        /No papers found|could not run/.test(document.querySelector('#search-status')?.textContent ?? ''),
      null,
      { timeout: 120_000 },
    );
    const status = await statusText(page);
    if (/could not run/.test(status)) throw new Error(`the search from the URL failed: ${status}`);
    const resultsAt = await page.evaluate(() => window.__benchFirstResultAt ?? performance.now());
    const requestedAt = await pagefindRequestedAt(page);
    const results = await page.locator('#search-results li').count();
    await serverQuiet(server);
    return searchFigures(
      query,
      server.log.slice(from),
      {
        resultsMs: resultsAt,
        fromNavigationMs: resultsAt,
        sinceSearchStartMs: requestedAt === null ? null : resultsAt - requestedAt,
      },
      results,
    );
  } finally {
    await context.close();
  }
}

export async function measureInBrowser(server: StaticServer, plan: BrowserPlan): Promise<BrowserFigures> {
  const browser = await launchBrowser();
  try {
    const home = await measurePage(browser, server, '/');
    const topic = await measurePage(browser, server, plan.topicPath);
    const paper = await measurePage(browser, server, plan.paperPath);
    const [firstSearchWithoutWorker, secondSearchWithoutWorker] = await measureSearches(
      browser,
      server,
      plan.firstQuery,
      plan.secondQuery,
      'block',
    );
    const [firstSearch, secondSearch] = await measureSearches(
      browser,
      server,
      plan.firstQuery,
      plan.secondQuery,
      'allow',
    );
    const firstSearchFromUrl = await measureSearchFromUrl(browser, server, plan.firstQuery);
    return {
      chromium: browser.version(),
      home,
      topic,
      paper,
      firstSearch,
      secondSearch,
      firstSearchWithoutWorker,
      secondSearchWithoutWorker,
      firstSearchFromUrl,
    };
  } finally {
    await browser.close();
  }
}
