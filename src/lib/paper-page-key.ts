/**
 * The `cacheKey` of a retired paper id's page (a paper merged into another keeps its old URL, which
 * redirects to the paper it became) for Astro's incremental build (`experimental.incrementalBuild`).
 * Astro checks the code of the page's own module graph and the config, but not what other pages put
 * in every page: with `security.csp`, each page's Content-Security-Policy lists the hashes of the
 * scripts and styles of the whole site, so a change to the search page's script must render these
 * pages again. The key therefore holds a hash of every file under `src/`.
 *
 * The paper pages themselves are written from a shell rendered in every build
 * (src/integrations/paper-pages.ts), each only when its bytes changed; their key here
 * (`paperPageDataKey`) is of the data a page is made of, so that a rebuild without Astro, whose
 * code and shell are the last full build's, can tell a page unchanged without making it.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { OTHER_TOPIC, type PaperRecord } from '../ingest/index.ts';
import { topicNeighbours } from './paper-neighbours.ts';
import type { PaperPageData } from './paper-page-html.ts';
import { treeHash } from './tree-hash.ts';

let sources: string | null = null;

/** A hash of the project's `src/` (the build runs in the project folder), made once per build. */
function sourceVersion(): string {
  // Not in the project folder: nothing to compare, so no page is ever taken from a previous build.
  sources ??= treeHash(join(process.cwd(), 'src')) ?? `unknown ${Date.now()} ${Math.random()}`;
  return sources;
}

/** The key of the page at a retired id, which redirects to `target`. */
export const redirectPageKey = (target: string): string => `redirect ${target} ${sourceVersion()}`;

/**
 * A hash of everything of the site data that `paperPageParts(data, paper)` reads
 * (src/lib/paper-page-html.ts and what it calls): the paper's whole record; its BibTeX entry (the
 * citation key depends on other papers); the date of the dump that first listed it; its
 * organisation's page; its topics' names; its first topic's newer and older papers; each related
 * paper's id, shared terms and title; the title of each paper it may be the same work as. Equal
 * keys, with the same code and shell, make the same parts. A field this leaves out would leave a
 * page stale, so any field added to what a page reads belongs here (the rebuild ≡ clean build
 * tests, tests/site-build/, catch what their dumps change).
 */
export function paperPageDataKey(data: PaperPageData, paper: PaperRecord): string {
  const { topic, previous, next } = topicNeighbours(paper, data.papersByTopic, OTHER_TOPIC.id);
  const related = (data.related.get(paper.id) ?? []).map((item) => [
    item.id,
    item.sharedTerms,
    data.byId.get(item.id)?.title ?? null,
  ]);
  // The record's four long texts (~3 KB of its ~3.7 KB) go into the hash as they are: JSON would
  // scan them for characters to escape, most of the key's cost.
  const { title, titleHtml, abstract, abstractHtml, ...rest } = paper;
  const inputs = [
    rest,
    data.bibtex(paper),
    data.dumpDates.get(paper.firstSeen) ?? null,
    paper.organization === null ? null : (data.organisationIds.get(paper.organization) ?? null),
    paper.topics.map((id) => data.topicNames.get(id) ?? null),
    topic,
    data.topicNames.get(topic) ?? null,
    previous?.id ?? null,
    next?.id ?? null,
    related,
    paper.possiblySameWork.map((id) => data.byId.get(id)?.title ?? null),
  ];
  const hash = createHash('sha1').update(JSON.stringify(inputs));
  // Each text after its length, so that no two records hash the same texts alike.
  for (const text of [title, titleHtml, abstract, abstractHtml]) hash.update(`\0${text.length}:`).update(text);
  return hash.digest('base64');
}
