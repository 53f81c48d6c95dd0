/**
 * A topic's side column (themes, papers over time, top organisations, its feed) as an HTML string,
 * made once per topic and build: the column is the same on every page of the topic's two lists
 * (hundreds of pages at 10,000 papers), and rendered as components on each it cost more than the
 * rest of the page. The markup, white space and escaping are those of the component it replaced,
 * as Astro rendered it (see astro-markup.ts).
 */
import type { PaperRecord } from '../ingest/index.ts';
import { attribute, text } from './astro-markup.ts';
import { FEED_LENGTH, feedUrl } from './feeds.ts';
import { plural } from './format.ts';
import { monthChartHtml } from './month-chart-html.ts';
import { organisationUrl } from './organisations.ts';
import { listFacts } from './paper-list-facts.ts';
import type { Theme } from './topic-themes.ts';

/** What of the site data the column reads. */
export interface TopicSidebarContext {
  papersByTopic: ReadonlyMap<string, readonly PaperRecord[]>;
  themes: ReadonlyMap<string, readonly Pick<Theme, 'slug' | 'label' | 'paperIds'>[]>;
  organisationIds: ReadonlyMap<string, string>;
  dumpDates: ReadonlyMap<string, string | null>;
}

const memo = new WeakMap<TopicSidebarContext, Map<string, string>>();

/** The side column of topic `topicId`, named `name`: made once per site data, topic and name. */
export function topicSidebarHtml(context: TopicSidebarContext, topicId: string, name: string): string {
  let byTopic = memo.get(context);
  if (byTopic === undefined) memo.set(context, (byTopic = new Map()));
  const key = `${topicId}\0${name}`;
  let html = byTopic.get(key);
  if (html === undefined) byTopic.set(key, (html = sidebarHtml(context, topicId, name)));
  return html;
}

function sidebarHtml(context: TopicSidebarContext, topicId: string, name: string): string {
  const papers = context.papersByTopic.get(topicId) ?? [];
  const themes = context.themes.get(topicId) ?? [];
  const { months, undated, topOrganisations } = listFacts(papers, context.dumpDates);
  const themesHtml =
    themes.length > 0
      ? `<section aria-labelledby="themes-heading"> <h2 id="themes-heading">Themes</h2> <ul class="themes" data-themes> ` +
        themes
          .map(
            (theme) =>
              `<li><a${attribute('href', `/topics/${topicId}/themes/${theme.slug}/`)}>${text(theme.label)}</a> ` +
              `<span class="muted">${text(theme.paperIds.length)}</span></li>`,
          )
          .join('') +
        ` </ul> </section>`
      : '';
  const organisationsHtml =
    topOrganisations.length > 0
      ? `<ul class="side-list"> ` +
        topOrganisations
          .map(
            ([organisation, count]) =>
              `<li><a${attribute('href', organisationUrl(context.organisationIds.get(organisation)!))}>${text(organisation)}</a> ` +
              `<span class="muted">${text(count)}</span></li>`,
          )
          .join('') +
        ` </ul>`
      : `<p class="muted small">No paper here names its organisation.</p>`;
  return (
    `<aside class="topic-side"${attribute('aria-label', `About ${name}`)}> ${themesHtml} ` +
    `<section aria-labelledby="over-time-heading"> <h2 id="over-time-heading">Over time</h2> ` +
    `${monthChartHtml(months, undated, `chart-${topicId}`)} ` +
    `<p class="muted small">By publication date, or the date of the dump that listed a paper first.</p> </section> ` +
    `<section aria-labelledby="orgs-heading"> <h2 id="orgs-heading">Top organisations</h2> ${organisationsHtml} ` +
    `<p class="small"><a href="/orgs/">All organisations</a></p> </section> ` +
    `<section aria-labelledby="follow-heading"> <h2 id="follow-heading">Follow</h2> ` +
    `<p><a${attribute('href', feedUrl(topicId))} data-topic-feed>RSS feed of ${text(name)}</a>: ` +
    `${text(plural(Math.min(FEED_LENGTH, papers.length), 'paper'))}, newest dump first.</p> </section> </aside>`
  );
}
