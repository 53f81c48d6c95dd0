/**
 * The home page (`/`): the digest's counts, the latest dump, a card per topic with its newest papers,
 * and the twelve newest papers. As one string, as src/pages/index.astro rendered it.
 */
import type { PaperRecord } from '../../ingest/index.ts';
import { attribute, text } from '../astro-markup.ts';
import { formatDate, paperUrl, plural, topicUrl } from '../format.ts';
import { newSinceLastVisitHtml } from '../new-since-visit-html.ts';
import { newMarkNoteHtml, paperListHtml } from '../paper-list-html.ts';
import type { ShellPage } from '../shell-page.ts';
import { isNewPaper, type SiteData } from '../site-data.ts';

/** What of the site data the home page reads. */
export type HomePageData = Pick<
  SiteData,
  | 'papers'
  | 'dumps'
  | 'latestDump'
  | 'newPapers'
  | 'topicSummaries'
  | 'papersByTopic'
  | 'dumpArrivals'
  | 'dumpDates'
  | 'organisationIds'
  | 'topicNames'
>;

/** Papers in the home page's list. */
const NEWEST_LENGTH = 12;
/** Papers under each topic's card. */
const TOPIC_CARD_LENGTH = 3;

export function homePage(siteData: HomePageData): ShellPage {
  return {
    path: '/',
    title: 'Research Digest',
    description:
      'A searchable digest of recent machine-learning papers on parameter-efficient fine-tuning, alignment, Mixture-of-Experts and multimodal models.',
    feeds: [],
    bodyHtml: () => homeBodyHtml(siteData),
  };
}

function homeBodyHtml(siteData: HomePageData): string {
  const isNew = (paper: PaperRecord) => isNewPaper(siteData, paper);
  // When every paper is new (a digest of one dump), marking them all would say nothing.
  const markNew = siteData.newPapers.length < siteData.papers.length;
  const newest = siteData.papers.slice(0, NEWEST_LENGTH);
  const note = markNew && newest.some(isNew) ? newMarkNoteHtml(siteData.latestDump?.dumpDate ?? null) : '';
  return (
    `<h1>Research Digest</h1> ${newSinceLastVisitHtml(siteData)} ` +
    `<p class="lead">Recent papers on parameter-efficient fine-tuning, alignment, Mixture-of-Experts and multimodal models, gathered from Hugging Face Papers listings and grouped by topic.</p> ` +
    `<ul class="stats"> <li><strong>${text(siteData.papers.length.toLocaleString('en-US'))}</strong> papers</li> ` +
    `<li><strong>${text(siteData.dumps.length)}</strong> <a href="/sources/">dumps</a></li> ${latestDumpHtml(siteData)} </ul> ` +
    `<h2 id="topics">Topics</h2> <ul class="topic-grid"> ${siteData.topicSummaries.map((card) => topicCardHtml(siteData, card, isNew)).join('')} </ul> ` +
    `<h2>Newest papers</h2> ${note}` +
    paperListHtml(newest, siteData, (paper) => ({ isNew: markNew && isNew(paper) }))
  );
}

function latestDumpHtml(siteData: HomePageData): string {
  const latest = siteData.latestDump;
  if (!latest) return '';
  const date = latest.dumpDate ? ` of <strong>${text(formatDate(latest.dumpDate))}</strong>` : '';
  return (
    `<li>latest dump${date}, ${text(plural(latest.entries, 'entry', 'entries'))}: ` +
    `<a href="/new/">${text(plural(siteData.newPapers.length, 'paper'))} new to the digest</a></li>`
  );
}

function topicCardHtml(
  siteData: HomePageData,
  card: HomePageData['topicSummaries'][number],
  isNew: (paper: PaperRecord) => boolean,
): string {
  const papers = siteData.papersByTopic.get(card.id) ?? [];
  const newCount = papers.filter(isNew).length;
  const newHtml = newCount ? `, <a href="/new/" data-topic-new-count>${text(newCount)} new</a>` : '';
  const newest = papers
    .slice(0, TOPIC_CARD_LENGTH)
    .map((paper) => `<li><a${attribute('href', paperUrl(paper.id))}>${paper.titleHtml}</a></li>`)
    .join('');
  return (
    `<li class="topic-card"${attribute('data-topic-card', card.id)}> <h3><a${attribute('href', topicUrl(card.id))}>${text(card.name)}</a></h3> ` +
    `<p class="muted"><span data-topic-count>${text(plural(papers.length, 'paper'))}</span>${newHtml} · ${text(card.description)}</p> ` +
    `<ul> ${newest} </ul> </li>`
  );
}
