/**
 * The page of each organisation named by a dump (src/pages/orgs/[org].astro), as `ShellPage`s
 * (src/lib/shell-page.ts), with the markup, white space and escaping the route's template had, as
 * Astro rendered it (astro-markup.ts).
 */
import { attribute, text } from './astro-markup.ts';
import { plural, topicUrl } from './format.ts';
import { monthChartHtml } from './month-chart-html.ts';
import { monthCounts } from './month-counts.ts';
import { organisationUrl } from './organisations.ts';
import { paperListHtml } from './paper-list-html.ts';
import type { ShellPage } from './shell-page.ts';
import type { SiteData } from './site-data.ts';

type OrganisationData = Pick<SiteData, 'organisations' | 'topicNames' | 'dumpDates' | 'organisationIds'>;

export function organisationPages(siteData: OrganisationData): ShellPage[] {
  return siteData.organisations.map((organisation): ShellPage => ({
    path: organisationUrl(organisation.id),
    title: organisation.name,
    description: `Papers listed under ${organisation.name} in the digest.`,
    feeds: [],
    bodyHtml: () => {
      const dates = organisation.papers.map(
        (paper) => paper.published ?? siteData.dumpDates.get(paper.firstSeen) ?? null,
      );
      const topics = [...organisation.topicCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      const topicItems = topics
        .map(
          ([topic, count]) =>
            `<li><a${attribute('href', topicUrl(topic))}>${text(siteData.topicNames.get(topic) ?? topic)}</a> <span class="muted">${text(count)}</span></li>`,
        )
        .join('');
      return (
        `<p class="muted"><a href="/orgs/">Organisations</a></p> <h1>${text(organisation.name)}</h1> ` +
        `<p class="lead"><span data-org-count>${text(plural(organisation.papers.length, 'paper'))}</span> in the digest.</p> ` +
        `<h2>Topics</h2> <ul class="side-list"> ${topicItems} </ul> ` +
        `<h2>Over time</h2> ${monthChartHtml(monthCounts(dates), dates.filter((date) => date === null).length, 'org-chart')} ` +
        `<h2>Papers</h2> ${paperListHtml(organisation.papers, siteData)}`
      );
    },
  }));
}
