/**
 * The search page: reads the form (and the URL, so searches can be linked), runs Pagefind, and
 * renders results as text. Pagefind (its script, WebAssembly and index metadata) starts loading as
 * soon as the page does, so that it is ready by the time a query is typed; while the reader types,
 * the index chunks for the words so far are fetched ahead of the search. Once the first results are
 * on the page, the service worker that keeps search working offline is registered (its copy of the
 * index would otherwise compete with the search for the network).
 *
 * The page's history entry holds how many results are shown and the scroll position, so Back from
 * a paper returns to the same place; a submitted search is a new history entry.
 */
import type { Pagefind, PagefindResult } from './pagefind-types.ts';
import { historyState, readForm, searchUrl, writeForm, type SearchHistory } from './search-form-state.ts';
import {
  findPapers,
  hasFilters,
  pagefindFilters,
  pagefindQuery,
  type FoundPapers,
  type SearchState,
} from './search-query.ts';
import { renderResults, type ResultView } from './search-results.ts';
import { needsSuggestions } from './search-suggestion-trigger.ts';
import { STOP_WORDS } from './search-terms.ts';
import { showSuggestions } from './search-suggestion-view.ts';
import { showTopicLink } from './search-topic-link.ts';
import { VOCABULARY_PATH, vocabularyWords } from '../lib/vocabulary-text.ts';
import { loadSearchValues, upvotesOf, type UpvotesOf } from './search-value-files.ts';

const PAGEFIND_URL = '/pagefind/pagefind.js';
/** Results shown at a time: each one costs a fragment fetch (about 1 KB), so a page of them is kept short. */
const RESULTS_PER_PAGE = 10;

/** A result as shown; its upvotes come from the values files (src/scripts/search-value-files.ts), not the index. */
async function resultView(result: PagefindResult, upvotes: Promise<UpvotesOf>): Promise<ResultView> {
  const [data, upvotesOfResult] = await Promise.all([result.data(), upvotes]);
  return {
    url: data.url,
    title: data.meta.title ?? data.url,
    content: data.content,
    locations: data.locations,
    date: data.meta.date ?? '',
    upvotes: String(upvotesOfResult(result.id) ?? ''),
    topics: data.filters.topic ?? [],
  };
}

let pagefindModule: Promise<Pagefind> | null = null;
function loadPagefind(): Promise<Pagefind> {
  pagefindModule ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ PAGEFIND_URL)) as Pagefind;
    // Before init, options are the ones Pagefind starts with. On the page's own thread: a web worker
    // would cost another script (12 KB) and its start-up before the first results.
    await pagefind.options({ excerptLength: 30, noWorker: true });
    // Fetches the entry file, the index metadata and the WebAssembly now, not at the first search.
    await pagefind.init();
    return pagefind;
  })();
  // A failed load (offline, say) is tried again by the next search.
  pagefindModule.catch(() => (pagefindModule = null));
  return pagefindModule;
}

function registerOfflineSearch(): void {
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}

const UNKNOWN_NOTE = { date: 'no known date', upvotes: 'no known upvote count' } as const;

function statusText(state: SearchState, found: FoundPapers, shown: number): string {
  const total = found.results.length;
  const what = state.query ? `for “${state.query}”` : 'with these filters';
  if (total === 0) return `No papers found ${what}.`;
  const unknown =
    found.unknownCount && found.sortKey
      ? ` ${found.unknownCount} ${found.unknownCount === 1 ? 'has' : 'have'} ${UNKNOWN_NOTE[found.sortKey]} and ${found.unknownCount === 1 ? 'comes' : 'come'} last.`
      : '';
  const loose =
    found.looseWords.length > 0
      ? ` ${found.looseWords.map((word) => `“${word}”`).join(' and ')} matched only words that begin like ${found.looseWords.length === 1 ? 'it' : 'them'}, so the other words rank the results.`
      : '';
  return `${total} ${total === 1 ? 'paper' : 'papers'} found ${what}${total > shown ? `; showing the first ${shown}` : ''}.${unknown}${loose}`;
}

export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const more = document.querySelector<HTMLButtonElement>('#search-more');
  const suggestions = document.querySelector<HTMLElement>('#search-suggestions');
  const topicLink = document.querySelector<HTMLElement>('#search-topic');
  if (!form || !status || !list || !more || !suggestions || !topicLink) return;
  history.scrollRestoration = 'manual';
  let generation = 0;
  let shown = 0;
  let showMore = async (_count?: number) => {};
  const remember = () => history.replaceState({ shown, scrollY: Math.round(scrollY) } satisfies SearchHistory, '');
  more.addEventListener('click', async () => {
    const before = list.children.length;
    await showMore();
    remember();
    // Keyboard readers continue where the new results start.
    list.children[before]?.querySelector('a')?.focus();
  });
  let scrolling: ReturnType<typeof setTimeout> | undefined;
  addEventListener(
    'scroll',
    () => {
      clearTimeout(scrolling);
      scrolling = setTimeout(remember, 100);
    },
    { passive: true },
  );
  addEventListener('pagehide', remember);

  /** `restore`: the history entry's results count and scroll position; `focusResults`: after a submit. */
  const run = async (
    state: SearchState,
    { push = false, restore = null as SearchHistory | null, focusResults = false } = {},
  ) => {
    const current = ++generation;
    const address = searchUrl(state);
    if (push && `${location.pathname}${location.search}` !== address)
      history.pushState({ shown: 0, scrollY: 0 }, '', address);
    else history.replaceState(restore ?? { shown: 0, scrollY: 0 }, '', address);
    for (const note of [suggestions, topicLink]) {
      note.replaceChildren();
      note.hidden = true;
    }
    if (!state.query && !hasFilters(state)) {
      status.textContent = 'Type a word or a title, or choose a topic.';
      list.replaceChildren();
      more.hidden = true;
      return;
    }
    status.textContent = 'Searching…';
    try {
      const pagefind = await loadPagefind();
      const found = await findPapers(pagefind, state, loadSearchValues);
      if (current !== generation) return;
      shown = 0;
      let focusStatus = focusResults;
      // Results arrive a page at a time: fragments and upvotes are only fetched for what is shown.
      showMore = async (count = RESULTS_PER_PAGE) => {
        const results = found.results.slice(shown, shown + count);
        const upvotes = upvotesOf(results.map((result) => result.id));
        const views = await Promise.all(results.map((result) => resultView(result, upvotes)));
        if (current !== generation) return;
        renderResults(list, views, { append: shown > 0 });
        shown += views.length;
        more.hidden = shown >= found.results.length;
        // After a submit, the next Tab goes to the first result (the list follows the status).
        if (focusStatus) status.focus();
        focusStatus = false;
        status.textContent = statusText(state, found, shown);
      };
      const wanted = restore && restore.shown > RESULTS_PER_PAGE ? restore.shown : RESULTS_PER_PAGE;
      await showMore(wanted);
      if (current !== generation) return;
      if (restore) scrollTo(0, restore.scrollY);
      remember();
      registerOfflineSearch();
      if (state.query) showTopicLink(topicLink, form, state);
      if (state.query && (await needsSuggestions(state.query, found.results))) {
        await showSuggestions(suggestions, {
          words: vocabularyWords(state.query),
          stopWords: STOP_WORDS,
          vocabularyPath: VOCABULARY_PATH,
          linkFor: (query) => searchUrl({ ...state, query }),
          stale: () => current !== generation,
        });
      }
    } catch (error) {
      if (current === generation) status.textContent = `Search could not run: ${(error as Error).message}`;
    }
  };

  const fromUrl = (restore: SearchHistory | null) => {
    writeForm(form, new URLSearchParams(location.search));
    const state = readForm(form);
    if (state.query || hasFilters(state)) void run(state, { restore });
    else status.textContent = 'Type a word or a title, or choose a topic.';
  };
  let typing: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // The search typed so far is this one.
    clearTimeout(typing);
    void run(readForm(form), { push: true, focusResults: true });
  });
  // The query box has its own listener below; its `change` on blur would search again and swallow a
  // click on "Show more results" (the click's results belong to the search it replaces).
  form.addEventListener('change', (event) => {
    if (!(event.target as Element).matches('[name="q"]')) void run(readForm(form));
  });
  const queryBox = form.querySelector<HTMLInputElement>('[name="q"]');
  queryBox?.addEventListener('input', () => {
    clearTimeout(typing);
    // The index chunks for the words typed so far load while the reader pauses.
    const state = readForm(form);
    const query = pagefindQuery(state);
    if (query)
      void loadPagefind().then(
        (pagefind) => pagefind.preload(query, { filters: pagefindFilters(state) }),
        () => undefined,
      );
    typing = setTimeout(() => void run(readForm(form)), 200);
  });
  // The arrow key down from the query box goes to the first result.
  queryBox?.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown') return;
    const first = list.querySelector('a');
    if (first) {
      event.preventDefault();
      first.focus();
    }
  });
  addEventListener('popstate', () => fromUrl(historyState()));
  void loadPagefind().catch(() => undefined);
  fromUrl(historyState());
}
