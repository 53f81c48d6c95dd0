/**
 * What Pagefind indexes for a paper, built from the record alone: the indexed parts of the paper
 * page's `<article data-pagefind-body>` (src/lib/paper-page-html.ts: a change to one is a change
 * to the other; the leading underscore keeps Astro from making this file a route), element for element, with
 * the same weights, filters and meta (sort values and upvotes are not in the index: src/lib/search-values.ts). The parts the page marks `data-pagefind-ignore` are
 * left out, except for the filter elements inside them, which Pagefind still reads. The build
 * indexes these records while Astro renders the pages (src/integrations/pagefind-index.ts), and a
 * browser-project test checks that indexing the rendered pages gives the same index, byte for byte.
 * The integration gets the papers from the content loader through
 * src/integrations/corpus-channel.ts.
 */
import type { PaperRecord } from '../../ingest/index.ts';
import { OTHER_TOPIC } from '../../ingest/topics.ts';
import { escapeHtml, formatDate } from '../../lib/format.ts';
import { searchYear, typedTitleVariant } from '../../lib/search-facets.ts';

export interface SearchRecord {
  url: string;
  /** A whole HTML document holding the paper's article as Pagefind should see it. */
  content: string;
}

/** What of a paper its search record (and its shard: arrival order, sort values) reads. */
const SEARCH_PAPER_FIELDS = [
  'id',
  'firstSeen',
  'title',
  'titleHtml',
  'abstractHtml',
  'aliases',
  'organization',
  'topics',
  'published',
  'upvotes',
] as const satisfies readonly (keyof PaperRecord)[];

export type SearchPaper = Pick<PaperRecord, (typeof SEARCH_PAPER_FIELDS)[number]>;

/** Only what the search index reads, for the thread that indexes (a whole record is ~4 KB). */
export const searchPaperOf = (paper: SearchPaper): SearchPaper =>
  Object.fromEntries(SEARCH_PAPER_FIELDS.map((field) => [field, paper[field]])) as SearchPaper;

export function paperSearchHtml(paper: SearchPaper, topicNames: ReadonlyMap<string, string>): string {
  const date = formatDate(paper.published);
  const typedTitle = typedTitleVariant(paper.title);
  const parts: string[] = [
    `<article data-pagefind-body data-pagefind-filter="${escapeHtml(`year:${searchYear(paper)}`)}">`,
    `<span hidden data-pagefind-meta="${escapeHtml(`date:${date ?? ''}`)}"></span>`,
    `<h1 data-pagefind-weight="10" data-pagefind-meta="${escapeHtml(`title:${paper.title}`)}">${paper.titleHtml}</h1>`,
  ];
  if (typedTitle) parts.push(`<span hidden data-pagefind-weight="10">${escapeHtml(typedTitle)}</span>`);
  if (paper.aliases.length > 0) {
    parts.push(
      `<p class="muted" data-pagefind-weight="8">Also listed as: ${paper.aliases.map((alias) => `<cite>${escapeHtml(alias)}</cite>`).join('; ')}</p>`,
    );
  }
  // The facts line is ignored by Pagefind but for the organisation, which readers search for.
  if (paper.organization)
    parts.push(
      `<p class="paper-facts"><span data-pagefind-ignore></span><a data-pagefind-filter="organization">${escapeHtml(paper.organization)}</a></p>`,
    );
  // The topic names are searchable words (weighted lightly: a paper's own words count more); "Other" is not.
  const filters: string[] = [];
  for (const topic of paper.topics)
    filters.push(`<a data-pagefind-filter="topic">${escapeHtml(topicNames.get(topic) ?? topic)}</a>`);
  if (paper.topics.length === 0)
    filters.push(`<span hidden data-pagefind-filter="${escapeHtml(`topic:${OTHER_TOPIC.name}`)}"></span>`);
  parts.push(`<dl> <dd data-pagefind-weight="2">${filters.join(', ')}</dd> </dl>`);
  parts.push('<h2>Abstract</h2>');
  parts.push(`<p class="abstract" data-pagefind-weight="5">${paper.abstractHtml}</p>`);
  parts.push('</article>');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(paper.title)}</title></head><body>${parts.join(' ')}</body></html>`;
}
