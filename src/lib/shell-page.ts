/**
 * One page of a route whose pages are all the site's layout around content made from the data: a
 * build has Astro render the route once, as a shell, and writes each page from it (as the paper
 * pages are: src/lib/paper-page-shell.ts), and a rebuild after a new dump writes them from the
 * shell the last build kept, without Astro. What a page is made of is therefore a plain function of
 * the site's data (src/lib/site-data.ts), with no Astro in it: the route, the shell writer and the
 * rebuild all call the same one.
 */
export interface ShellPage {
  /** The page's address, ending in `/`: `/topics/peft/2/`. */
  path: string;
  /** As BaseLayout's `title` takes it (it adds the site's name). */
  title: string;
  /** BaseLayout's `description`. */
  description: string;
  /** BaseLayout's `feeds`: the page's feeds besides the site-wide one. */
  feeds: readonly { title: string; href: string }[];
  /** What goes inside `<main>`, HTML; made when the page is written, so that no build holds every page's at once. */
  bodyHtml: () => string;
}
