/**
 * The search page: reads the form (and the URL, so searches can be linked), runs Pagefind, and
 * renders results as text. Pagefind (its script, WebAssembly and index metadata) starts loading as
 * soon as the page does, so that it is ready by the time a query is typed; while the reader types,
 * the index chunks for the words so far are fetched ahead of the search. Once the first results are
 * on the page, the service worker that keeps search working offline is registered (its copy of the
 * index would otherwise compete with the search for the network).
 */
import { renderResults, type ResultView } from './search-results.ts';
import { searchTerms } from './search-terms.ts';

interface PagefindResult {
  id: string;
  data: () => Promise<{ url: string; excerpt: string; content: string; meta: Record<string, string | undefined>; filters: Record<string, string[]> }>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (query: string | null, options?: Record<string, unknown>) => Promise<{ results: PagefindResult[] } | null>;
  preload: (query: string, options?: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
}

const PAGEFIND_URL = '/pagefind/pagefind.js';

async function resultView(result: PagefindResult): Promise<ResultView> {
  const data = await result.data();
  return { url: data.url, title: data.meta.title ?? data.url, excerpt: data.excerpt, content: data.content, date: data.meta.date ?? '', upvotes: data.meta.upvotes ?? '', topics: data.filters.topic ?? [] };
}
/** Results shown at a time: each one costs a fragment fetch (about 1 KB), so a page of them is kept short. */
const RESULTS_PER_PAGE = 10;

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

interface SearchState {
  query: string;
  sort: string;
  topics: string[];
  year: string;
  organization: string;
}

function readForm(form: HTMLFormElement): SearchState {
  const data = new FormData(form);
  return {
    query: String(data.get('q') ?? '').trim(),
    sort: String(data.get('sort') ?? 'relevance'),
    topics: data.getAll('topic').map(String),
    year: String(data.get('year') ?? ''),
    organization: String(data.get('organization') ?? ''),
  };
}

function writeForm(form: HTMLFormElement, params: URLSearchParams): void {
  const field = <T extends Element>(selector: string) => form.querySelector<T & Element>(selector);
  const query = field<HTMLInputElement>('[name="q"]');
  if (query) query.value = params.get('q') ?? '';
  const sort = field<HTMLSelectElement>('[name="sort"]');
  if (sort && params.get('sort')) sort.value = params.get('sort')!;
  const topics = new Set(params.getAll('topic'));
  form.querySelectorAll<HTMLInputElement>('[name="topic"]').forEach((box) => (box.checked = topics.has(box.value)));
  for (const name of ['year', 'organization']) {
    const select = field<HTMLSelectElement>(`[name="${name}"]`);
    if (select) select.value = params.get(name) ?? '';
  }
}

function toParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  for (const topic of state.topics) params.append('topic', topic);
  if (state.year) params.set('year', state.year);
  if (state.organization) params.set('organization', state.organization);
  return params;
}

function pagefindOptions(state: SearchState): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  if (state.topics.length > 0) filters.topic = { any: state.topics };
  if (state.year) filters.year = state.year;
  if (state.organization) filters.organization = state.organization;
  const options: Record<string, unknown> = { filters };
  if (state.sort === 'date') options.sort = { date: 'desc' };
  if (state.sort === 'upvotes') options.sort = { upvotes: 'desc' };
  return options;
}

function hasFilters(state: SearchState): boolean {
  return state.topics.length > 0 || state.year !== '' || state.organization !== '';
}

export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const more = document.querySelector<HTMLButtonElement>('#search-more');
  if (!form || !status || !list || !more) return;
  let generation = 0;
  let showMore = async () => {};
  more.addEventListener('click', async () => {
    const before = list.children.length;
    await showMore();
    // Keyboard readers continue where the new results start.
    list.children[before]?.querySelector('a')?.focus();
  });

  const run = async (state: SearchState) => {
    const current = ++generation;
    history.replaceState(null, '', `${location.pathname}${toParams(state).size ? `?${toParams(state)}` : ''}`);
    if (!state.query && !hasFilters(state)) {
      status.textContent = 'Type a word or a title, or choose a topic.';
      list.replaceChildren();
      more.hidden = true;
      return;
    }
    status.textContent = 'Searching…';
    try {
      const pagefind = await loadPagefind();
      const search = await pagefind.search(state.query ? searchTerms(state.query) : null, pagefindOptions(state));
      if (current !== generation || search === null) return;
      const total = search.results.length;
      const what = state.query ? `for “${state.query}”` : 'with these filters';
      let shown = 0;
      // Results arrive a page at a time: fragments are only fetched for what is shown.
      showMore = async () => {
        const views = await Promise.all(search.results.slice(shown, shown + RESULTS_PER_PAGE).map(resultView));
        if (current !== generation) return;
        renderResults(list, views, { append: shown > 0 });
        shown += views.length;
        more.hidden = shown >= total;
        status.textContent =
          total === 0 ? `No papers found ${what}.` : `${total} ${total === 1 ? 'paper' : 'papers'} found ${what}${total > shown ? `; showing the first ${shown}` : ''}.`;
      };
      await showMore();
      if (current === generation) registerOfflineSearch();
    } catch (error) {
      status.textContent = `Search could not run: ${(error as Error).message}`;
    }
  };

  writeForm(form, new URLSearchParams(location.search));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(readForm(form));
  });
  // The query box has its own listener below; its `change` on blur would search again and swallow a
  // click on "Show more results" (the click's results belong to the search it replaces).
  form.addEventListener('change', (event) => {
    if (!(event.target as Element).matches('[name="q"]')) void run(readForm(form));
  });
  let typing: ReturnType<typeof setTimeout> | undefined;
  form.querySelector('[name="q"]')?.addEventListener('input', () => {
    clearTimeout(typing);
    // The index chunks for the words typed so far load while the reader pauses.
    const state = readForm(form);
    if (state.query) void loadPagefind().then((pagefind) => pagefind.preload(searchTerms(state.query), pagefindOptions(state)), () => undefined);
    typing = setTimeout(() => void run(readForm(form)), 200);
  });
  const initial = readForm(form);
  void loadPagefind().catch(() => undefined);
  if (initial.query || hasFilters(initial)) void run(initial);
  else status.textContent = 'Type a word or a title, or choose a topic.';
}
