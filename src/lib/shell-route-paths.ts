/**
 * `getStaticPaths` of a route written from its shell (src/lib/shell-routes.ts). In a build whose
 * pages are written from shells (src/integrations/shell-pages.ts), the route renders its shell
 * only, and publishes the site data its pages are made from; otherwise (`astro dev`,
 * `RESEARCH_DIGEST_SHELL_PAGES=astro`) it renders every page itself, from the same function, with
 * what only Astro renders left to the route's template (SHELL_SLOT).
 */
import { loadSiteData, type SiteData } from './site-data.ts';
import { SHELL_SLOT } from './route-shell.ts';
import { routeParams, shellRoute, type RenderedByAstro } from './shell-routes.ts';
import type { ShellPage } from './shell-page.ts';
import { publishShellRoute, routePagesFromShell } from '../integrations/shell-page-channel.ts';

/** A page's props: the page, or null for the route's shell. */
export interface ShellRouteProps {
  page: ShellPage | null;
}

/** What only Astro renders, left to the route's template: SHELL_SLOT in its place. */
const renderedInPlace = (siteData: SiteData): RenderedByAstro => ({
  topicIntros: new Map(siteData.topics.map((topic) => [topic.id, SHELL_SLOT])),
});

export async function shellRoutePaths(
  route: string,
): Promise<{ params: Record<string, string | undefined>; props: ShellRouteProps }[]> {
  const siteData = await loadSiteData();
  const { shellPath, pages } = shellRoute(route);
  if (routePagesFromShell()) {
    publishShellRoute(route, siteData);
    return [{ params: routeParams(route, shellPath), props: { page: null } }];
  }
  return pages(siteData, renderedInPlace(siteData)).map((page) => ({
    params: routeParams(route, page.path),
    props: { page },
  }));
}

/**
 * The one page of a route without params (`/`, `/new/`), whose shell is rendered at the page's own
 * address and the page written over it: null in a build that writes it so (the route then renders
 * its shell), the page otherwise.
 */
export async function singleShellRoutePage(route: string): Promise<ShellPage | null> {
  const siteData = await loadSiteData();
  const { shellPath, pages } = shellRoute(route);
  if (routePagesFromShell()) {
    publishShellRoute(route, siteData);
    return null;
  }
  const made = pages(siteData, renderedInPlace(siteData));
  if (made.length !== 1 || made[0]!.path !== shellPath)
    throw new Error(`the route ${route} makes ${made.length} pages, not one at ${shellPath}`);
  return made[0]!;
}
