/**
 * A query that names a topic ("mixture of experts", "Parameter-efficient fine-tuning") gets a link
 * to all the topic's papers (the topic filter): topic names are not words of the index
 * (src/lib/search-facets.ts says why), and the names are on the page already, as the filter's.
 */
import { vocabularyWords } from '../lib/vocabulary-text.ts';
import { searchUrl } from './search-form-state.ts';
import type { SearchState } from './search-query.ts';

const words = (text: string) => vocabularyWords(text).join(' ');

export function showTopicLink(container: HTMLElement, form: HTMLFormElement, state: SearchState): void {
  const query = words(state.query);
  const topic = [...form.querySelectorAll<HTMLInputElement>('[name="topic"]')]
    .map((box) => box.value)
    .find((name) => words(name) === query);
  if (!topic || (state.topics.length === 1 && state.topics[0] === topic)) return;
  const link = document.createElement('a');
  link.href = searchUrl({ ...state, query: '', topics: [topic] });
  link.textContent = topic;
  container.replaceChildren('Every paper in the topic ', link, '.');
  container.hidden = false;
}
