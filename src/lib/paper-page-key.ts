/**
 * The `cacheKey` of a paper page for Astro's incremental build (`experimental.incrementalBuild`):
 * a hash of every piece of data the page renders, so that the page is rendered again exactly when
 * one of them changes. Astro checks the code itself (the page's module graph: templates,
 * components, src/lib/) and the config; this covers the data: the paper's record, the names of
 * its topics, the date of the dump that listed it, its organisation's page, its neighbours in its
 * first topic, its BibTeX entry (whose key depends on other papers), its related papers and
 * possible duplicates with their titles. Whatever src/pages/papers/[id].astro reads from the
 * digest must be here too; the tests build a site again after a dump arrives and compare it
 * with a clean build, byte for byte.
 */
import { createHash } from 'node:crypto';
import type { PaperRecord } from '../ingest/index.ts';
import type { Digest } from './digest.ts';
import { topicNeighbours } from './paper-neighbours.ts';

/** Raise it when the page reads something new from the digest and this file is not changed with it. */
const KEY_VERSION = 1;

export function paperPageKey(digest: Digest, paper: PaperRecord, otherTopicId: string): string {
  const neighbours = topicNeighbours(paper, digest.papersByTopic, otherTopicId);
  const title = (id: string) => digest.byId.get(id)?.title ?? null;
  const inputs = {
    version: KEY_VERSION,
    paper,
    topicNames: [...digest.topicNames],
    listedDate: digest.dumpDates.get(paper.firstSeen) ?? null,
    organisationId: paper.organization ? (digest.organisationIds.get(paper.organization) ?? null) : null,
    neighbours: { topic: neighbours.topic, previous: neighbours.previous?.id ?? null, next: neighbours.next?.id ?? null },
    bibtex: digest.bibtex(paper),
    // Not the similarity score, which the page does not show and which any new paper nudges.
    related: (digest.related.get(paper.id) ?? []).map((item) => ({ id: item.id, sharedTerms: item.sharedTerms, title: title(item.id) })),
    sameWork: paper.possiblySameWork.map((id) => ({ id, title: title(id) })),
  };
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 32);
}
