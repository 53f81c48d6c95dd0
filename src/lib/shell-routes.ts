/**
 * The routes whose pages are written from their shell (src/lib/route-shell.ts), each with where
 * its shell is rendered and its pages as a plain function of the site's data: what the routes
 * render in `astro dev`, what a build writes from the shells Astro rendered, and what a rebuild
 * without Astro writes from the shells the last build kept (src/integrations/saved-shells.ts) all
 * come from here. No Astro in it.
 *
 * A route with one page renders its shell at that page's address (`shellPath` is then the page's
 * `path`), and the page is written over it.
 */
import type { ShellPage } from './shell-page.ts';
import type { SiteData } from './site-data.ts';
import { SHELL_SEGMENT } from './route-shell.ts';
import { topicListPages, type TopicIntros } from './topic-list-pages.ts';
import { themePages } from './theme-pages.ts';
import { organisationPages } from './organisation-pages.ts';
import { homePage } from './pages/home-page.ts';
import { newPage } from './pages/new-page.ts';
import { orgsPage } from './pages/orgs-page.ts';
import { searchPage } from './pages/search-page.ts';
import { sourcesPage } from './pages/sources-page.ts';
import { topicsPage } from './pages/topics-page.ts';

/** What only Astro can render, captured when it rendered the shells, which the pages put in as HTML. */
export interface RenderedByAstro {
  topicIntros: TopicIntros;
}

export interface ShellRoute {
  /** As Astro names it (the build log counts the pages under it): `/topics/[topic]/[...page]`. */
  route: string;
  /** Where its shell is rendered: an address of no page (with SHELL_SEGMENT), or its one page's. */
  shellPath: string;
  pages: (siteData: SiteData, rendered: RenderedByAstro) => ShellPage[];
}

export const TOPIC_LIST_ROUTE = '/topics/[topic]/[...page]';
export const TOPIC_UPVOTED_ROUTE = '/topics/[topic]/upvoted/[...page]';
export const THEME_ROUTE = '/topics/[topic]/themes/[theme]';
export const ORGANISATION_ROUTE = '/orgs/[org]';

export const SHELL_ROUTES: readonly ShellRoute[] = [
  {
    route: TOPIC_LIST_ROUTE,
    shellPath: `/topics/${SHELL_SEGMENT}/`,
    pages: (siteData, rendered) => topicListPages(siteData, 'newest', rendered.topicIntros),
  },
  {
    route: TOPIC_UPVOTED_ROUTE,
    shellPath: `/topics/${SHELL_SEGMENT}/upvoted/`,
    pages: (siteData, rendered) => topicListPages(siteData, 'upvoted', rendered.topicIntros),
  },
  { route: THEME_ROUTE, shellPath: `/topics/${SHELL_SEGMENT}/themes/${SHELL_SEGMENT}/`, pages: themePages },
  { route: ORGANISATION_ROUTE, shellPath: `/orgs/${SHELL_SEGMENT}/`, pages: organisationPages },
  // The routes of one page each: their shells are rendered at their pages' addresses.
  { route: '/', shellPath: '/', pages: (siteData) => [homePage(siteData)] },
  { route: '/new', shellPath: '/new/', pages: (siteData) => [newPage(siteData)] },
  { route: '/sources', shellPath: '/sources/', pages: (siteData) => [sourcesPage(siteData)] },
  { route: '/topics', shellPath: '/topics/', pages: (siteData) => [topicsPage(siteData)] },
  { route: '/orgs', shellPath: '/orgs/', pages: (siteData) => [orgsPage(siteData)] },
  { route: '/search', shellPath: '/search/', pages: (siteData) => [searchPage(siteData)] },
];

export function shellRoute(route: string): ShellRoute {
  const found = SHELL_ROUTES.find((candidate) => candidate.route === route);
  if (!found) throw new Error(`${route} is not a route written from its shell (src/lib/shell-routes.ts)`);
  return found;
}

/** A route's pages, as a build or a rebuild writes them. */
export interface RoutePages {
  route: string;
  pages: ShellPage[];
}

/** Every converted route's pages from the site data: pure, the same function the routes call. */
export const shellRoutePages = (siteData: SiteData, rendered: RenderedByAstro): RoutePages[] =>
  SHELL_ROUTES.map(({ route, pages }) => ({ route, pages: pages(siteData, rendered) }));

/**
 * The params of `route` (Astro's name) for the page at `path`, as `getStaticPaths` returns them:
 * `[name]` takes one segment, `[...name]` the rest (none: undefined).
 */
export function routeParams(route: string, path: string): Record<string, string | undefined> {
  const pattern = route.split('/').filter(Boolean);
  const segments = path.split('/').filter(Boolean);
  const params: Record<string, string | undefined> = {};
  const fail = () => new Error(`the page ${path} is not one of the route ${route}`);
  for (const [at, part] of pattern.entries()) {
    const rest = /^\[\.\.\.(\w+)\]$/.exec(part);
    if (rest) {
      if (at !== pattern.length - 1) throw fail();
      const taken = segments.slice(at);
      params[rest[1]!] = taken.length > 0 ? taken.join('/') : undefined;
      return params;
    }
    const segment = segments[at];
    if (segment === undefined) throw fail();
    const name = /^\[(\w+)\]$/.exec(part);
    if (name) params[name[1]!] = segment;
    else if (part !== segment) throw fail();
  }
  if (segments.length !== pattern.length) throw fail();
  return params;
}
