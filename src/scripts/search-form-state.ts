/** The search form's state, read from and written to the form and the page's URL. */
import { SORT_ORDERS, type SearchState, type SortOrder } from './search-query.ts';

const sortOrder = (value: string | null): SortOrder =>
  SORT_ORDERS.includes(value as SortOrder) ? (value as SortOrder) : 'relevance';

export function readForm(form: HTMLFormElement): SearchState {
  const data = new FormData(form);
  return {
    query: String(data.get('q') ?? '').trim(),
    sort: sortOrder(String(data.get('sort') ?? 'relevance')),
    topics: data.getAll('topic').map(String),
    year: String(data.get('year') ?? ''),
    organization: String(data.get('organization') ?? ''),
  };
}

export function writeForm(form: HTMLFormElement, params: URLSearchParams): void {
  const field = <T extends Element>(selector: string) => form.querySelector<T & Element>(selector);
  const query = field<HTMLInputElement>('[name="q"]');
  if (query) query.value = params.get('q') ?? '';
  const sort = field<HTMLSelectElement>('[name="sort"]');
  if (sort) sort.value = sortOrder(params.get('sort'));
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

export function searchUrl(state: SearchState): string {
  const params = toParams(state);
  return `${location.pathname}${params.size ? `?${params}` : ''}`;
}

/** What the search page keeps in its history entry, so that Back returns to the same place. */
export interface SearchHistory {
  shown: number;
  scrollY: number;
}

export function historyState(): SearchHistory | null {
  const state = history.state as Partial<SearchHistory> | null;
  return state && typeof state.shown === 'number' && typeof state.scrollY === 'number'
    ? { shown: state.shown, scrollY: state.scrollY }
    : null;
}
