/**
 * The `cacheKey` of a paper page for Astro's incremental build (`experimental.incrementalBuild`):
 * a hash of every piece of data the page renders, so that the page is rendered again exactly when
 * one of them changes. Astro checks the code of the page's own module graph and the config, but
 * not what other pages put in every page: with `security.csp`, each page's Content-Security-Policy
 * lists the hashes of the scripts and styles of the whole site, so a change to the search page's
 * script must render the paper pages again. The key therefore also holds a hash of every file
 * under `src/` (any code change renders every paper page again; a new dump does not). The data: the paper's record, the names of
 * its topics, the date of the dump that listed it, its organisation's page, its neighbours in its
 * first topic, its BibTeX entry (whose key depends on other papers), its related papers and
 * possible duplicates with their titles. Whatever src/pages/papers/[id].astro reads from the
 * site data must be here too; the tests build a site again after a dump arrives and compare it
 * with a clean build, byte for byte.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { treeHash } from './tree-hash.ts';
import type { PaperRecord } from '../ingest/index.ts';
import type { SiteData } from './site-data.ts';
import { topicNeighbours } from './paper-neighbours.ts';

/** Raise it when the page reads something new from the site data and this file is not changed with it. */
const KEY_VERSION = 2;

let sources: string | null = null;

/** A hash of the project's `src/` (the build runs in the project folder), made once per build. */
function sourceVersion(): string {
  // Not in the project folder: nothing to compare, so no page is ever taken from a previous build.
  sources ??= treeHash(join(process.cwd(), 'src')) ?? `unknown ${Date.now()} ${Math.random()}`;
  return sources;
}

export function paperPageKey(siteData: SiteData, paper: PaperRecord, otherTopicId: string): string {
  const neighbours = topicNeighbours(paper, siteData.papersByTopic, otherTopicId);
  const title = (id: string) => siteData.byId.get(id)?.title ?? null;
  const inputs = {
    version: KEY_VERSION,
    sources: sourceVersion(),
    // The loader's digest of the record (the record itself if there is none): hashed once a build.
    paper: siteData.recordDigests.get(paper.id) ?? paper,
    topicNames: [...siteData.topicNames],
    listedDate: siteData.dumpDates.get(paper.firstSeen) ?? null,
    organisationId: paper.organization ? (siteData.organisationIds.get(paper.organization) ?? null) : null,
    neighbours: {
      topic: neighbours.topic,
      previous: neighbours.previous?.id ?? null,
      next: neighbours.next?.id ?? null,
    },
    bibtex: siteData.bibtex(paper),
    // Not the similarity score, which the page does not show and which any new paper nudges.
    related: (siteData.related.get(paper.id) ?? []).map((item) => ({
      id: item.id,
      sharedTerms: item.sharedTerms,
      title: title(item.id),
    })),
    sameWork: paper.possiblySameWork.map((id) => ({ id, title: title(id) })),
  };
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 32);
}

/** A retired id's page only redirects to the paper it became (its CSP as any page's: see above). */
export const redirectPageKey = (target: string): string => `redirect ${target} ${sourceVersion()}`;
