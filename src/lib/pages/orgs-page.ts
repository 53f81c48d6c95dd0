/**
 * `/orgs/`: the organisations the listings name, most papers first. As one string, as
 * src/pages/orgs/index.astro rendered it.
 */
import { attribute, text } from '../astro-markup.ts';
import { plural } from '../format.ts';
import { organisationUrl } from '../organisations.ts';
import type { ShellPage } from '../shell-page.ts';
import type { SiteData } from '../site-data.ts';

/** What of the site data the page reads. */
export type OrgsPageData = Pick<SiteData, 'organisations' | 'papers'>;

export function orgsPage(siteData: OrgsPageData): ShellPage {
  return {
    path: '/orgs/',
    title: 'Organisations',
    description: 'The organisations that the paper listings name, with their papers.',
    feeds: [],
    bodyHtml: () => orgsBodyHtml(siteData),
  };
}

function orgsBodyHtml(siteData: OrgsPageData): string {
  const organisations = [...siteData.organisations].sort(
    (a, b) => b.papers.length - a.papers.length || a.name.localeCompare(b.name, 'en'),
  );
  const named = siteData.papers.filter((paper) => paper.organization).length;
  const list =
    organisations.length === 0
      ? '<p>No dump names an organisation yet.</p>'
      : `<ul class="org-list"> ${organisations
          .map(
            (organisation) =>
              `<li${attribute('data-org', organisation.id)}><a${attribute('href', organisationUrl(organisation.id))}>${text(organisation.name)}</a> ` +
              `<span class="muted">${text(plural(organisation.papers.length, 'paper'))}</span></li>`,
          )
          .join('')} </ul>`;
  return (
    `<h1>Organisations</h1> <p class="lead">The organisations named in the listings, most papers first. ` +
    `${text(plural(named, 'paper'))} of ${text(siteData.papers.length.toLocaleString('en-US'))} name one: most dumps carry no organisation.</p> ${list}`
  );
}
