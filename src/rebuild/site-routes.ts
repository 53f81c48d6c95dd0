/**
 * Every route of the site, by how a rebuild without Astro (src/rebuild/rebuild-site.ts) treats it,
 * as Astro names routes in `astro:build:done`. A route in neither list (a new one) makes the full
 * build keep no state, so that every rebuild goes through Astro until the route is placed here.
 */
import { SHELL_ROUTES } from '../lib/shell-routes.ts';

/** Routes whose output does not depend on the dumps: the rebuild keeps their files as they are. */
export const PAPER_FREE_ROUTES: readonly string[] = ['/404', '/about', '/offline', '/reading-list'];

/** Routes whose output the rebuild writes again from the papers (the routes' shells among them). */
export const REBUILT_ROUTES: readonly string[] = [
  ...SHELL_ROUTES.map((shellRoute) => shellRoute.route),
  '/papers/[id]',
  '/feed.xml',
  '/topics/[topic]/feed.xml',
  '/papers.bib',
  '/reading-list/redirects.json',
];

/**
 * The integrations of astro.config.mjs, by name: a rebuild without Astro runs those that write the
 * site (src/rebuild/rebuild-site.ts) and does what the others do itself or needs none of it (MDX is
 * compiled by the full build; the routes' log; this state). A full build with another keeps no state.
 */
export const KNOWN_INTEGRATIONS: readonly string[] = [
  '@astrojs/mdx',
  'research-digest-paper-pages',
  'research-digest-shell-pages',
  'research-digest-papers-json',
  'research-digest-pagefind',
  'research-digest-routes',
  'research-digest-stale-output',
  'research-digest-site-state',
];
