/**
 * The shell of a route whose pages are made from the data (src/lib/shell-page.ts): the page Astro
 * renders once per build for the route, with markers where a page's title, description, canonical
 * address, feeds and content go (src/components/ShellPageLayout.astro), cut at those markers, and
 * filled for each of the route's pages with Astro's escaping, so that a filled shell is byte for
 * byte the page Astro renders from the same `ShellPage` (as the paper pages are:
 * src/lib/paper-page-shell.ts, whose title and description markers this file shares).
 *
 * A route with many pages renders its shell at an address of its own that no page has (a
 * `_shell_` segment); a route with one page (`/`, `/new/`) renders it at that page's address, the
 * canonical address being then the page's own, and the page is written over it.
 */
import { pageTitle } from './format.ts';
import { attribute, text } from './astro-markup.ts';
import { cutAtMarkers } from './shell-markers.ts';
import { SHELL_BODY, SHELL_DESCRIPTION, SHELL_TITLE } from './paper-page-shell.ts';
import type { ShellPage } from './shell-page.ts';

export { SHELL_BODY, SHELL_DESCRIPTION, SHELL_TITLE };

/** The segment of a shell's own address, never a topic's, an organisation's or a theme's (those have no `_`). */
export const SHELL_SEGMENT = '_shell_';
/** The one feed a shell lists, in place of a page's. */
export const SHELL_FEED = { title: 'research-digest-shell-feeds', href: '/research-digest-shell-feeds.xml' } as const;
/**
 * Where, in a page's body, Astro puts what only it can render (src/components/ShellPageLayout.astro):
 * a body written into a shell holds that HTML itself, never this.
 */
export const SHELL_SLOT = '<!--research-digest-shell-slot-->';

/** Where a route's shell was rendered, and the site's address that BaseLayout made the absolute ones with. */
export interface RouteShellPlace {
  /** The shell's address: `/topics/_shell_/`, or a single page's own (`/`). */
  path: string;
  /** `Astro.site`, as astro.config.mjs sets it. */
  site: string;
}

/** The shell cut at its markers: the text between them, in order. */
export interface RouteShell {
  pieces: readonly [string, string, string, string, string, string];
  site: string;
}

const titleElement = (title: string) => `<title>${text(pageTitle(title))}</title>`;
const descriptionAttribute = (description: string) => attribute('content', description);
/** A page's address as BaseLayout writes it: `new URL(Astro.url.pathname, Astro.site)`. */
const canonicalLink = (path: string, site: string) =>
  `<link rel="canonical"${attribute('href', absoluteUrl(path, site))}>`;
/** A page's own feeds as BaseLayout writes them (`new URL(feed.href, Astro.site)`), one after the other. */
const feedLinks = (feeds: ShellPage['feeds'], site: string) =>
  feeds
    .map(
      (feed) =>
        `<link rel="alternate" type="application/rss+xml"${attribute('title', feed.title)}${attribute('href', absoluteUrl(feed.href, site))}>`,
    )
    .join('');
const absoluteUrl = (path: string, site: string) => new URL(path, site).href;

/**
 * A page's address: `/`-separated segments, each ending in `/`, with nothing a URL would change
 * (it is also the page's folder in `dist/`).
 */
const PAGE_PATH = /^\/(?:[^/?#%\\\s]+\/)*$/u;

function checkPagePath(path: string): void {
  if (!PAGE_PATH.test(path) || path.includes('/../') || path.includes('/./'))
    throw new Error(`a page address that is not a plain folder path ending in "/": ${JSON.stringify(path)}`);
}

/**
 * Cuts the shell at its five markers, which must each be there exactly once and in the layout's
 * order (title, description, address, feeds, content); otherwise the layout changed in a way this
 * file does not know, and the build stops rather than write wrong pages.
 */
export function splitRouteShell(html: string, place: RouteShellPlace): RouteShell {
  checkPagePath(place.path);
  const markers = [
    titleElement(SHELL_TITLE),
    descriptionAttribute(SHELL_DESCRIPTION),
    canonicalLink(place.path, place.site),
    feedLinks([SHELL_FEED], place.site),
    SHELL_BODY,
  ];
  const leftovers: string[] = [SHELL_TITLE, SHELL_DESCRIPTION, SHELL_FEED.title, SHELL_FEED.href];
  if (place.path.includes(`/${SHELL_SEGMENT}/`)) leftovers.push(place.path);
  const pieces = cutAtMarkers(html, markers, leftovers, {
    name: `the shell of ${place.path}`,
    module: 'src/lib/route-shell.ts',
  });
  return { pieces: pieces as unknown as RouteShell['pieces'], site: place.site };
}

/** The page as the texts it is made of, in order: the shell's pieces and, between them, the page's. */
export function routeShellSegments(shell: RouteShell, page: ShellPage): string[] {
  checkPagePath(page.path);
  const [head, afterTitle, afterDescription, afterAddress, afterFeeds, tail] = shell.pieces;
  const body = page.bodyHtml();
  if (body.includes(SHELL_SLOT))
    throw new Error(
      `the body of ${page.path} holds ${SHELL_SLOT}, which only Astro fills: it cannot be written from a shell`,
    );
  return [
    head,
    titleElement(page.title),
    afterTitle,
    descriptionAttribute(page.description),
    afterDescription,
    canonicalLink(page.path, shell.site),
    afterAddress,
    feedLinks(page.feeds, shell.site),
    afterFeeds,
    body,
    tail,
  ];
}

/** The page: the shell with the page's parts, escaped as Astro escapes them. */
export const fillRouteShell = (shell: RouteShell, page: ShellPage): string => routeShellSegments(shell, page).join('');
