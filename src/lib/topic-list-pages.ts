/**
 * The pages of every topic's paper list, in one order (src/pages/topics/[topic]/[...page].astro and
 * .../upvoted/[...page].astro), as `ShellPage`s (src/lib/shell-page.ts): the body is one string, with
 * the markup, white space and escaping of the component it replaced, as Astro rendered it (see
 * astro-markup.ts). A topic's introduction (MDX, which only Astro renders) opens page 1 of its
 * newest-first list: it comes in as HTML, captured in the build that rendered it
 * (src/components/TopicIntroCapture.astro), or as SHELL_SLOT where Astro renders it in place.
 */
import { OTHER_TOPIC } from '../ingest/topics.ts';
import type { PaperRecord } from '../ingest/types.ts';
import { attribute, text } from './astro-markup.ts';
import { feedUrl } from './feeds.ts';
import { PAPERS_PER_PAGE, plural } from './format.ts';
import { newSinceLastVisitHtml } from './new-since-visit-html.ts';
import { paginate, type ListPage } from './paginate.ts';
import { newMarkNoteHtml, paginationHtml, paperListHtml } from './paper-list-html.ts';
import type { ShellPage } from './shell-page.ts';
import { isNewPaper, type SiteData } from './site-data.ts';
import { topicSidebarHtml } from './topic-sidebar-html.ts';
import { byUpvotes, topicListUrl, type TopicSort } from './topic-sort.ts';

/** Topic id → its introduction's HTML: every topic but "Other" has one (an empty MDX body gives ''). */
export type TopicIntros = ReadonlyMap<string, string>;

type TopicListData = Pick<
  SiteData,
  | 'topicSummaries'
  | 'papersByTopic'
  | 'papers'
  | 'newPapers'
  | 'latestDump'
  | 'dumpArrivals'
  | 'themes'
  | 'organisationIds'
  | 'dumpDates'
  | 'topicNames'
>;

/** Every page of every topic's list in `sort` order, in the order of the topics. */
export function topicListPages(siteData: TopicListData, sort: TopicSort, intros: TopicIntros): ShellPage[] {
  return siteData.topicSummaries.flatMap((topic) => {
    const papers = siteData.papersByTopic.get(topic.id) ?? [];
    const ordered = sort === 'upvoted' ? byUpvotes(papers) : papers;
    return paginate(ordered, PAPERS_PER_PAGE, topicListUrl(topic.id, sort)).map((page) =>
      topicListPage(siteData, topic, sort, page, intros),
    );
  });
}

function topicListPage(
  siteData: TopicListData,
  topic: TopicListData['topicSummaries'][number],
  sort: TopicSort,
  page: ListPage<PaperRecord>,
  intros: TopicIntros,
): ShellPage {
  const isOther = topic.id === OTHER_TOPIC.id;
  const name = topic.name;
  const description = isOther ? OTHER_TOPIC.pageDescription : topic.description;
  const titleSuffix = [
    sort === 'upvoted' ? 'most upvoted' : null,
    page.currentPage > 1 ? `page ${page.currentPage}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  let intro: string | null = null;
  if (!isOther && page.currentPage === 1 && sort === 'newest') {
    intro = intros.get(topic.id) ?? null;
    if (intro === null)
      throw new Error(
        `no introduction of the topic ${JSON.stringify(topic.id)} for ${page.url.current}: was it captured?`,
      );
  }
  return {
    path: page.url.current,
    title: titleSuffix ? `${name}, ${titleSuffix}` : name,
    description,
    feeds: [{ title: `Research Digest: ${name}`, href: feedUrl(topic.id) }],
    bodyHtml: () => topicListBodyHtml(siteData, topic.id, name, description, sort, page, intro),
  };
}

/** As src/components/TopicPage.astro rendered it, inside BaseLayout's `<main>`. */
function topicListBodyHtml(
  siteData: TopicListData,
  topicId: string,
  name: string,
  description: string,
  sort: TopicSort,
  page: ListPage<PaperRecord>,
  intro: string | null,
): string {
  const markNew = siteData.newPapers.length < siteData.papers.length;
  const isNew = (paper: PaperRecord) => markNew && isNewPaper(siteData, paper);
  const anyNew = page.data.some(isNew);
  const sortName = sort === 'newest' ? 'newest first' : 'most upvoted first';
  const showing = page.lastPage > 1 ? ` · showing ${text(page.start + 1)}–${text(page.end + 1)}` : '';
  const newest =
    sort === 'newest'
      ? '<strong aria-current="page">Newest</strong>'
      : `<a${attribute('href', topicListUrl(topicId, 'newest'))}>Newest</a>`;
  const upvoted =
    sort === 'upvoted'
      ? '<strong aria-current="page">Most upvoted</strong>'
      : `<a${attribute('href', topicListUrl(topicId, 'upvoted'))}>Most upvoted</a>`;
  return (
    `<h1>${text(name)}</h1> ${newSinceLastVisitHtml(siteData)} <p class="lead">${text(description)}</p> ` +
    `<div class="topic-layout"> <section class="topic-main" aria-labelledby="papers-heading"> ` +
    `${intro === null ? '' : `<div class="topic-intro">${intro}</div>`} ` +
    `<h2 id="papers-heading" class="visually-hidden">Papers</h2> ` +
    `<p class="muted"><span data-topic-count>${text(plural(page.total, 'paper'))}</span>, ${text(sortName)}${showing}.</p> ` +
    `<nav class="sort-links" aria-label="Order">\nOrder:  ${newest}  ·  ${upvoted} </nav> ` +
    `${anyNew ? newMarkNoteHtml(siteData.latestDump?.dumpDate ?? null) : ''} ` +
    `${paperListHtml(page.data, siteData, (paper) => ({ isNew: isNew(paper), currentTopic: topicId }))} ` +
    `${paginationHtml({ currentPage: page.currentPage, lastPage: page.lastPage, prev: page.url.prev, next: page.url.next })} ` +
    `</section> ${topicSidebarHtml(siteData, topicId, name)} </div>`
  );
}
