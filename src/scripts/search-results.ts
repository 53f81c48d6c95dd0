/**
 * Renders search results with DOM text nodes only. Titles and excerpts come from dump text,
 * which may contain markup; matched words are marked with <mark>.
 */
import { abstractExcerpt, titleWords, type ExcerptWord } from './search-excerpt.ts';

/** Text, and <mark> around the matched words. */
function appendWords(parent: HTMLElement, words: readonly ExcerptWord[], separator: string): void {
  words.forEach((word, offset) => {
    if (offset > 0 && separator) parent.append(separator);
    if (!word.marked) return parent.append(word.text);
    const mark = document.createElement('mark');
    mark.textContent = word.text;
    parent.append(mark);
  });
}

export interface ResultView {
  url: string;
  title: string;
  /** The page's indexed text, unescaped: what the excerpt's words are taken from. */
  content: string;
  /** Word numbers of the matches in `content`. */
  locations: number[];
  date: string;
  upvotes: string;
  topics: string[];
}

export function renderResults(list: HTMLOListElement, results: readonly ResultView[], { append = false } = {}): void {
  list[append ? 'append' : 'replaceChildren'](
    ...results.map((result) => {
      const item = document.createElement('li');
      const heading = document.createElement('h2');
      heading.className = 'paper-card-title';
      const link = document.createElement('a');
      link.href = new URL(result.url, location.origin).pathname;
      appendWords(link, titleWords(result.title, result.content, result.locations), '');
      heading.append(link);
      const meta = document.createElement('p');
      meta.className = 'paper-meta';
      const facts = [
        result.date,
        result.upvotes && `${result.upvotes} ${result.upvotes === '1' ? 'upvote' : 'upvotes'}`,
        result.topics.join(', '),
      ].filter(Boolean);
      meta.textContent = facts.join(' · ');
      const excerpt = document.createElement('p');
      appendWords(excerpt, abstractExcerpt(result.content, result.locations), ' ');
      item.append(heading, meta, excerpt);
      return item;
    }),
  );
}
