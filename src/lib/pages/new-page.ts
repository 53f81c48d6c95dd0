/**
 * `/new/`: what the latest dump brought (its new papers as cards) and what it changed in papers
 * already known (renamed, re-counted). As one string, as src/pages/new.astro rendered it.
 */
import type { PaperChange } from '../../ingest/index.ts';
import { attribute, text } from '../astro-markup.ts';
import { formatDate, paperUrl, plural } from '../format.ts';
import { paperListHtml } from '../paper-list-html.ts';
import type { ShellPage } from '../shell-page.ts';
import type { SiteData } from '../site-data.ts';

/** What of the site data the page reads. */
export type NewPageData = Pick<
  SiteData,
  'latestDump' | 'newPapers' | 'changedPapers' | 'dumpDates' | 'organisationIds' | 'topicNames'
>;

export function newPage(siteData: NewPageData): ShellPage {
  return {
    path: '/new/',
    title: 'New in the latest dump',
    description: 'Papers the latest dump added to the digest, and papers it renamed or re-counted.',
    feeds: [],
    bodyHtml: () => newBodyHtml(siteData),
  };
}

function newBodyHtml(siteData: NewPageData): string {
  const newPapers =
    siteData.newPapers.length === 0
      ? '<p>None: every paper of the latest dump was already known.</p>'
      : paperListHtml(siteData.newPapers, siteData);
  return (
    `<h1>New in the latest dump</h1> ${leadHtml(siteData)}` +
    `<section id="new-papers"> <h2>New to the digest</h2> ${newPapers} </section> ` +
    `<section id="changed-papers"> <h2>Changed papers</h2> ${changedHtml(siteData)} </section>`
  );
}

/** The lead keeps the line breaks of its template (compressHTML keeps one in text that has one). */
function leadHtml(siteData: NewPageData): string {
  const latest = siteData.latestDump;
  if (!latest) return '<p>No dump has been read yet.</p>';
  const date = latest.dumpDate ? `, of ${text(formatDate(latest.dumpDate))},` : '';
  return (
    `<p class="lead">\nThe latest dump${date} listed ${text(plural(latest.entries, 'entry', 'entries'))}: it brought\n` +
    `<strong> ${text(plural(siteData.newPapers.length, 'paper'))} new to the digest</strong> ` +
    `and changed ${text(plural(siteData.changedPapers.length, 'known paper'))}.\n` +
    `      Its file and format are on <a${attribute('href', `/sources/#${latest.file}`)}>the Sources page</a>.\n</p>`
  );
}

function changedHtml(siteData: NewPageData): string {
  if (siteData.changedPapers.length === 0) return '<p>None.</p>';
  const latestFile = siteData.latestDump?.file;
  const items = siteData.changedPapers.map((paper) => {
    const changes = paper.changes
      .filter((change) => change.dump === latestFile)
      .map((change) => `<li>${changeHtml(change)}</li>`)
      .join('');
    return (
      `<li${attribute('data-paper-id', paper.id)}> <a${attribute('href', paperUrl(paper.id))}>${paper.titleHtml}</a> ` +
      `<ul> ${changes} </ul> </li>`
    );
  });
  return `<ul class="changed-list"> ${items.join('')} </ul>`;
}

const changeHtml = (change: PaperChange): string =>
  change.field === 'title'
    ? `Renamed from “${text(change.from)}”`
    : `Upvotes ${text(change.from)} → ${text(change.to)}`;
