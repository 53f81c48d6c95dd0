/**
 * Every page of a route with one page whose content depends on the papers, as the routes render
 * them: what a rebuild without Astro writes again from their shells after a new dump. The pages
 * whose content does not depend on the papers (404, offline, the reading list, about) are not here.
 */
import type { ShellPage } from '../shell-page.ts';
import type { SiteData } from '../site-data.ts';
import { homePage } from './home-page.ts';
import { newPage } from './new-page.ts';
import { orgsPage } from './orgs-page.ts';
import { searchPage } from './search-page.ts';
import { sourcesPage } from './sources-page.ts';
import { topicsPage } from './topics-page.ts';

export const singlePages = (siteData: SiteData): ShellPage[] => [
  homePage(siteData),
  newPage(siteData),
  sourcesPage(siteData),
  topicsPage(siteData),
  orgsPage(siteData),
  searchPage(siteData),
];
