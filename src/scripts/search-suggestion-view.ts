/**
 * The "Did you mean …?" links, shown when src/scripts/search-suggestion-trigger.ts says a query
 * needs them.
 */
import { loadVocabulary, suggestSpellings } from './search-suggestions.ts';

export interface SuggestionRequest {
  /** The query's words, as src/lib/vocabulary-text.ts splits them. */
  words: string[];
  stopWords: ReadonlySet<string>;
  vocabularyPath: string;
  /** The search page's address for a suggested query. */
  linkFor: (query: string) => string;
  /** True once another search has started. */
  stale: () => boolean;
}

export async function showSuggestions(container: HTMLElement, request: SuggestionRequest): Promise<void> {
  const vocabulary = await loadVocabulary(request.vocabularyPath).catch(() => null);
  if (!vocabulary || request.stale()) return;
  const spellings = suggestSpellings(request.words, vocabulary, request.stopWords);
  if (spellings.length === 0) return;
  const nodes: (Node | string)[] = ['Did you mean: '];
  spellings.forEach((spelling, at) => {
    if (at > 0) nodes.push(at === spellings.length - 1 ? ' or ' : ', ');
    const link = document.createElement('a');
    link.href = request.linkFor(spelling);
    link.textContent = spelling;
    nodes.push(link);
  });
  nodes.push('?');
  container.replaceChildren(...nodes);
  container.hidden = false;
}
