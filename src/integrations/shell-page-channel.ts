/**
 * The hand-off between the routes written from their shell (src/lib/shell-routes.ts) and the
 * integration that writes their pages (src/integrations/shell-pages.ts). The integration says, when
 * a build starts, that it will write them; each route then has Astro render its shell only and
 * publishes the site data it was made from; the topic list's shell also hands over each topic's
 * introduction as Astro rendered it (src/components/TopicIntroCapture.astro). Without the integration (`astro dev`, or `RESEARCH_DIGEST_SHELL_PAGES=astro`), the routes have
 * Astro render every page itself.
 *
 * It travels through `globalThis`, as src/integrations/corpus-channel.ts does, for the same reason:
 * the routes run in the build's bundle, the integration with the config.
 */
import type { SiteData } from '../lib/site-data.ts';

interface ShellBuild {
  /** Route → the site data its pages are made from. */
  routes: Map<string, SiteData>;
  topicIntros: Map<string, string>;
  /** The paper page's shell as Astro rendered it (src/integrations/paper-pages.ts), kept with the others. */
  paperPageShell: string | null;
}

const BUILD = Symbol.for('research-digest.shell-page-build');
type Channel = { [BUILD]?: ShellBuild };

/** Called by the integration when a build starts: whether it will write the routes' pages from their shells. */
export function startShellPageBuild(fromShell: boolean): void {
  const channel = globalThis as Channel;
  if (fromShell) channel[BUILD] = { routes: new Map(), topicIntros: new Map(), paperPageShell: null };
  else delete channel[BUILD];
}

/** Called by the integration when it has written the pages (or could not). */
export function finishShellPageBuild(): void {
  delete (globalThis as Channel)[BUILD];
}

const build = (): ShellBuild | undefined => (globalThis as Channel)[BUILD];

/** Whether this build's pages of the routes of src/lib/shell-routes.ts are written from their shells. */
export const routePagesFromShell = (): boolean => build() !== undefined;

/** Called by a route in a build whose pages are written from its shell. */
export function publishShellRoute(route: string, siteData: SiteData): void {
  build()?.routes.set(route, siteData);
}

/** Called while the topic list's shell renders, for each topic's introduction. */
export function keepTopicIntro(topicId: string, html: string): void {
  build()?.topicIntros.set(topicId, html);
}

/** Called by src/integrations/paper-pages.ts with the shell it read. */
export function keepPaperPageShell(html: string): void {
  const current = build();
  if (current) current.paperPageShell = html;
}

/** What the routes published in this build, or null when they render their pages themselves. */
export const publishedShellBuild = (): Readonly<ShellBuild> | null => build() ?? null;
