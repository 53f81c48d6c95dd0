/**
 * The parts of a page listing papers, as HTML strings: the list of cards (one string per list
 * instead of a component per card: a topic's list pages, its themes, the organisations, the home
 * page and /new/), what the "New" mark means, and the previous / next links of a paginated list.
 * The markup, white space and escaping are those of the components they replaced, as Astro
 * rendered them (see astro-markup.ts).
 */
import type { PaperRecord } from '../ingest/index.ts';
import { attribute, text } from './astro-markup.ts';
import { formatDate } from './format.ts';
import { paperCardHtml, type PaperCardContext, type PaperCardOptions } from './paper-card-html.ts';

/** `<div class="paper-list">` with a card per paper; `options` says how to show each. */
export function paperListHtml(
  papers: readonly PaperRecord[],
  context: PaperCardContext,
  options: (paper: PaperRecord) => PaperCardOptions = () => ({}),
): string {
  let cards = '';
  for (const paper of papers) cards += paperCardHtml(paper, context, options(paper));
  return `<div class="paper-list"> ${cards} </div>`;
}

/** What the "New" mark on a card means; `latestDumpDate` is the latest dump's date (`YYYY-MM-DD`). */
export function newMarkNoteHtml(latestDumpDate: string | null): string {
  const date = formatDate(latestDumpDate);
  return (
    `<p class="muted small new-note"><span class="new-badge">New</span> marks papers new to the digest: ` +
    `first listed by the latest dump${date ? `, of ${text(date)}` : ''} (<a href="/new/">what it brought</a>).</p>`
  );
}

/** Previous / next links and the position within a paginated list; nothing for a single page. */
export function paginationHtml(page: {
  currentPage: number;
  lastPage: number;
  prev: string | undefined;
  next: string | undefined;
}): string {
  if (page.lastPage <= 1) return '';
  const prev = page.prev
    ? `<a${attribute('href', page.prev)} rel="prev">← Newer</a>`
    : '<span aria-hidden="true"></span>';
  const next = page.next
    ? `<a${attribute('href', page.next)} rel="next">Older →</a>`
    : '<span aria-hidden="true"></span>';
  return (
    `<nav class="pagination" aria-label="Pages"> ${prev} ` +
    `<span>Page ${text(page.currentPage)} of ${text(page.lastPage)}</span> ${next} </nav>`
  );
}
