/**
 * Every page of a route with one page whose content depends on the papers, as the routes render
 * them: what a rebuild without Astro writes again from their shells after a new dump. The pages
 * whose content does not depend on the papers (404, offline, the reading list, about) are not here.
 */
import type { ShellPage } from '../shell-page.ts';
import { homePage, type HomePageData } from './home-page.ts';
import { newPage, type NewPageData } from './new-page.ts';
import { orgsPage, type OrgsPageData } from './orgs-page.ts';
import { searchPage, type SearchPageData } from './search-page.ts';
import { sourcesPage, type SourcesPageData } from './sources-page.ts';
import { topicsPage, type TopicsPageData } from './topics-page.ts';

/** What of the site data the pages read (a SiteData is one). */
export type SinglePagesData = HomePageData &
  NewPageData &
  SourcesPageData &
  TopicsPageData &
  OrgsPageData &
  SearchPageData;

export const singlePages = (siteData: SinglePagesData): ShellPage[] => [
  homePage(siteData),
  newPage(siteData),
  sourcesPage(siteData),
  topicsPage(siteData),
  orgsPage(siteData),
  searchPage(siteData),
];
