/**
 * A paper page is the site's layout around one paper's content. In a build, Astro renders the
 * paper page route once, as a "shell" whose title, description, address and content are markers
 * (src/pages/papers/[id].astro), and src/integrations/paper-pages.ts fills that shell for every
 * paper: Astro's machinery for one page (rendering the layout, CSP hashes, response copies, two
 * writes for its incremental build) cost ~1.8 ms of the ~2.3 ms each of 10,000 paper pages took,
 * where filling a shell costs a few microseconds. The layout, its styles, scripts and CSP stay
 * Astro's, rendered in the same build; only what differs between paper pages is put in here, with
 * Astro's escaping, so a filled shell is byte for byte the page Astro renders for that paper
 * (which `astro dev` still does, from the same route).
 */
import { pageTitle, paperUrl } from './format.ts';
import { attribute, text } from './astro-markup.ts';
import { cutAtMarkers } from './shell-markers.ts';

/** The shell's id in the route: never a paper's (paper ids are made of `a-z`, `0-9` and `-`). */
export const SHELL_PAPER_ID = '_shell_';
export const SHELL_TITLE = 'research-digest-shell-title';
export const SHELL_DESCRIPTION = 'research-digest-shell-description';
/** The shell's content: raw HTML, which Astro inserts as it is. */
export const SHELL_BODY = '<!--research-digest-shell-body-->';

/** What differs between two paper pages. */
export interface PaperPageParts {
  id: string;
  /** As BaseLayout puts it in `<title>` (`pageTitle`), unescaped. */
  title: string;
  description: string;
  /** The page's content, HTML. */
  bodyHtml: string;
}

/** The shell cut at its markers: the text between them, in order. */
export interface PaperPageShell {
  pieces: readonly [string, string, string, string, string];
}

const titleElement = (title: string) => `<title>${text(pageTitle(title))}</title>`;
const descriptionAttribute = (description: string) => attribute('content', description);
const PAPER_ID_PATTERN = /^[a-z0-9-]+$/;

/**
 * Cuts the shell at its four markers, which must each be there exactly once and in the layout's
 * order (title, description, address, content); otherwise the layout changed in a way this file
 * does not know, and the build stops rather than write wrong pages.
 */
export function splitPaperPageShell(html: string): PaperPageShell {
  const markers = [
    titleElement(SHELL_TITLE),
    descriptionAttribute(SHELL_DESCRIPTION),
    paperUrl(SHELL_PAPER_ID),
    SHELL_BODY,
  ];
  const pieces = cutAtMarkers(html, markers, [SHELL_TITLE, SHELL_DESCRIPTION, SHELL_PAPER_ID], {
    name: 'the paper page shell',
    module: 'src/lib/paper-page-shell.ts',
  });
  return { pieces: pieces as unknown as PaperPageShell['pieces'] };
}

/**
 * The page of one paper as the texts it is made of, in order: the shell's pieces (the very strings
 * of `shell.pieces`) and, between them, what this paper puts there, escaped as Astro escapes it.
 * A page's digest is made from these (src/integrations/paper-page-digest.ts), so a page and its
 * digest cannot disagree about what the page holds.
 */
export function paperPageSegments(shell: PaperPageShell, parts: PaperPageParts): string[] {
  if (!PAPER_ID_PATTERN.test(parts.id)) throw new Error(`a paper id that is not URL-safe: ${JSON.stringify(parts.id)}`);
  const [head, afterTitle, afterDescription, afterAddress, tail] = shell.pieces;
  return [
    head,
    titleElement(parts.title),
    afterTitle,
    descriptionAttribute(parts.description),
    afterDescription,
    paperUrl(parts.id),
    afterAddress,
    parts.bodyHtml,
    tail,
  ];
}

/** The page of one paper: the shell with its parts, escaped as Astro escapes them. */
export const fillPaperPageShell = (shell: PaperPageShell, parts: PaperPageParts): string =>
  paperPageSegments(shell, parts).join('');
