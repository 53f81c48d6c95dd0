/**
 * One paper in a list (src/lib/paper-list-html.ts puts a page's cards together), as an HTML string. A topic's two lists,
 * its themes and the organisations' pages show every paper on several pages, and at 10,000 papers
 * there are ~600 such pages of 50 cards: built as one string, a card costs a few microseconds, where
 * an Astro component with its child cost ~40 (two component instances, streamed). The markup, its
 * white space and its escaping are the component's as Astro rendered it (text escaped as Astro
 * escapes text, attribute values as it escapes attributes; an empty value as a bare attribute),
 * so the pages stay byte for byte the same.
 */
import type { PaperRecord } from '../ingest/index.ts';
import { attribute } from './astro-markup.ts';
import { escapeHtml, formatDate, paperUrl, plural, topicUrl } from './format.ts';
import { organisationUrl } from './organisations.ts';
import { previewSentence } from './paper-preview.ts';

export interface PaperCardOptions {
  /** The topic whose page lists the card; its badge is left out as redundant. */
  currentTopic?: string | undefined;
  headingLevel?: 'h2' | 'h3' | undefined;
  /** Mark the paper as new to the digest (first listed by the latest dump). */
  isNew?: boolean | undefined;
  /** Leave the preview out (short lists such as the home page's). */
  preview?: boolean | undefined;
}

/** What of the site data a card reads. */
export interface PaperCardContext {
  dumpDates: ReadonlyMap<string, string | null>;
  organisationIds: ReadonlyMap<string, string>;
  topicNames: ReadonlyMap<string, string>;
}

/**
 * "Save" to the reading list (on paper cards and paper pages): a toggle that
 * src/scripts/save-buttons.ts shows once it can use the browser's storage. Hidden without
 * JavaScript; ignored by the search index.
 */
export function saveButtonHtml(
  paper: Pick<PaperRecord, 'id' | 'title' | 'published' | 'topics'>,
  topicNames: ReadonlyMap<string, string>,
): string {
  return (
    `<button type="button" class="save-button" hidden aria-pressed="false" data-pagefind-ignore` +
    attribute('data-save-paper', paper.id) +
    attribute('data-title', paper.title) +
    attribute('data-published', paper.published ?? '') +
    attribute('data-topics', paper.topics.map((topic) => topicNames.get(topic) ?? topic).join('|')) +
    attribute('aria-label', `Save “${paper.title}” to your reading list`) +
    `>Save</button>`
  );
}

export function paperCardHtml(paper: PaperRecord, context: PaperCardContext, options: PaperCardOptions = {}): string {
  const heading = options.headingLevel ?? 'h3';
  const date = formatDate(paper.published);
  const listed = date ? null : formatDate(context.dumpDates.get(paper.firstSeen) ?? null);
  const organisationId = paper.organization ? context.organisationIds.get(paper.organization) : undefined;
  const previewText = (options.preview ?? true) ? previewSentence(paper.abstract) : '';
  const topicName = (topic: string) => context.topicNames.get(topic) ?? topic;

  const dateHtml = date
    ? `<span><time${attribute('datetime', paper.published!)}>${escapeHtml(date)}</time></span>`
    : '';
  const listedHtml = listed ? `<span>listed ${escapeHtml(listed)}</span>` : '';
  const upvotesHtml = paper.upvotes !== null ? `<span>${escapeHtml(plural(paper.upvotes, 'upvote'))}</span>` : '';
  const organisationHtml = !paper.organization
    ? ''
    : organisationId
      ? `<a${attribute('href', organisationUrl(organisationId))}>${escapeHtml(paper.organization)}</a>`
      : `<span>${escapeHtml(paper.organization)}</span>`;
  const badgesHtml = paper.topics
    .filter((topic) => topic !== options.currentTopic)
    .map((topic) => `<a class="topic-badge"${attribute('href', topicUrl(topic))}>${escapeHtml(topicName(topic))}</a>`)
    .join('');
  const previewHtml = previewText ? `<p class="paper-preview">${escapeHtml(previewText)}</p>` : '';
  return (
    `<article class="paper-card"${attribute('data-paper-id', paper.id)}${attribute('data-first-seen', paper.firstSeen)}> ` +
    `<${heading} class="paper-card-title">${options.isNew ? '<span class="new-badge">New</span> ' : ''}` +
    `<a${attribute('href', paperUrl(paper.id))}>${paper.titleHtml}</a></${heading}> ` +
    `<p class="paper-meta"> ${dateHtml} ${listedHtml} ${upvotesHtml} ${organisationHtml} ${badgesHtml} </p> ` +
    `${previewHtml} ${saveButtonHtml(paper, context.topicNames)} </article>`
  );
}
