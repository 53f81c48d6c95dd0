/**
 * The key of a paper page's data (src/lib/paper-page-key.ts `paperPageDataKey`), by which a rebuild
 * leaves a page unmade: on the seeds before and after two dumps arrive, every paper whose key is
 * the same has the same page parts; and each input a page reads, changed alone, changes the key.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ingestDumps,
  readDumpFolder,
  readTopicDefinitions,
  topicNames,
  type DumpInput,
  type PaperRecord,
} from '../../src/ingest/index.ts';
import { publishCorpus } from '../../src/integrations/corpus-channel.ts';
import { bibtexEntryCache, previewCache } from '../../src/lib/kept-strings.ts';
import { papersNewestFirst } from '../../src/lib/paper-order.ts';
import { paperPageParts, type PaperPageData } from '../../src/lib/paper-page-html.ts';
import { paperPageDataKey } from '../../src/lib/paper-page-key.ts';
import { readingAids } from '../../src/lib/reading-aids.ts';
import { loadSiteData, type SiteData } from '../../src/lib/site-data.ts';
import { NEW_DUMP, NEW_DUMP_FILE } from '../site-build/seed-arrivals.ts';
import { PROJECT_ROOT } from './seed-corpus.ts';

const topics = readTopicDefinitions(join(PROJECT_ROOT, 'content/topics'));
const seeds = readDumpFolder(join(PROJECT_ROOT, 'seeds'));

/** The site data of `dumps`, as a build makes it (the aids on this thread, nothing kept). */
function siteDataOf(dumps: readonly DumpInput[]): Promise<SiteData> {
  const corpus = ingestDumps(dumps, topics);
  const names = topicNames(topics);
  const newestFirst = papersNewestFirst(corpus.papers, corpus.dumps);
  publishCorpus({
    papers: corpus.papers,
    newestFirst,
    dumps: corpus.dumps,
    topics,
    topicNames: names,
    readingAids: () => Promise.resolve(readingAids(newestFirst, [...names.keys()])),
    vocabulary: () => Promise.reject(new Error('the pages do not read the vocabulary')),
    kept: { bibtex: bibtexEntryCache(null), previews: previewCache(null) },
  });
  return loadSiteData();
}

describe('the key of a paper page’s data', () => {
  it('is the same only for papers whose pages are the same, when the last seed and a new dump arrive', async () => {
    const before = await siteDataOf(seeds.slice(0, -1));
    const newDump = { name: NEW_DUMP_FILE, bytes: new TextEncoder().encode(NEW_DUMP) };
    const after = await siteDataOf([...seeds, newDump]);
    let sameKey = 0;
    let otherKey = 0;
    let samePage = 0;
    for (const paper of after.papers) {
      const earlier = before.byId.get(paper.id);
      if (!earlier) continue;
      const keysEqual = paperPageDataKey(before, earlier) === paperPageDataKey(after, paper);
      const partsEqual =
        JSON.stringify(paperPageParts(before, earlier)) === JSON.stringify(paperPageParts(after, paper));
      // A key may differ for the same page (a field no page shows); the same key with another page never.
      if (keysEqual) expect(partsEqual, paper.id).toBe(true);
      if (keysEqual) sameKey += 1;
      else otherKey += 1;
      if (partsEqual) samePage += 1;
    }
    // And a page that stayed the same keeps its key (the key holds nothing a page does not show
    // here), so a rebuild makes no more pages than changed. Not vacuous: the last seed lists many
    // papers again (new upvotes, merges), and the arrivals change related lists and neighbours.
    expect(sameKey).toBe(samePage);
    expect(sameKey).toBeGreaterThan(100);
    expect(otherKey).toBeGreaterThan(10);
  });

  it('changes with each input of the page, changed alone', async () => {
    const data = await siteDataOf(seeds);
    // A paper with everything a page can show of other papers: related papers, neighbours, an organisation.
    const paper = data.papers.find(
      (each) =>
        (data.related.get(each.id)?.length ?? 0) > 0 &&
        each.organization !== null &&
        each.topics.length > 0 &&
        (data.papersByTopic.get(each.topics[0]!)?.indexOf(each) ?? 0) > 0,
    )!;
    expect(paper).toBeDefined();
    const key = paperPageDataKey(data, paper);
    expect(paperPageDataKey({ ...data }, { ...paper })).toBe(key);
    const relatedId = data.related.get(paper.id)![0]!.id;
    const renamed = (id: string): PaperRecord => ({ ...data.byId.get(id)!, title: 'Another Title' });
    const topic = paper.topics[0]!;
    const topicList = data.papersByTopic.get(topic)!;
    const changes: [string, PaperPageData, PaperRecord][] = [
      ['its title', data, { ...paper, title: `${paper.title}!` }],
      ['its title’s HTML', data, { ...paper, titleHtml: `${paper.titleHtml}!` }],
      ['its abstract (the page’s description)', data, { ...paper, abstract: `Briefly: ${paper.abstract}` }],
      ['its abstract’s HTML', data, { ...paper, abstractHtml: `${paper.abstractHtml}!` }],
      ['its upvotes', data, { ...paper, upvotes: (paper.upvotes ?? 0) + 1 }],
      ['its sources', data, { ...paper, sources: [...paper.sources, { ...paper.sources[0]!, line: 99_999 }] }],
      ['its BibTeX entry', { ...data, bibtex: () => '@misc{other}' }, paper],
      // Shown as "listed …" when the paper has no date of its own.
      [
        'the date of its first dump',
        { ...data, dumpDates: new Map([...data.dumpDates, [paper.firstSeen, '1999-01-01']]) },
        paper,
      ],
      [
        'its organisation’s page',
        { ...data, organisationIds: new Map([...data.organisationIds, [paper.organization!, 'another-organisation']]) },
        paper,
      ],
      ['its topic’s name', { ...data, topicNames: new Map([...data.topicNames, [topic, 'Another Name']]) }, paper],
      [
        'its newer neighbour',
        {
          ...data,
          papersByTopic: new Map([
            ...data.papersByTopic,
            [topic, topicList.filter((each) => each !== topicList[topicList.indexOf(paper) - 1])],
          ]),
        },
        paper,
      ],
      ['a related paper’s title', { ...data, byId: new Map([...data.byId, [relatedId, renamed(relatedId)]]) }, paper],
      [
        'a related paper’s shared terms',
        {
          ...data,
          related: new Map([
            ...data.related,
            [paper.id, data.related.get(paper.id)!.map((item) => ({ ...item, sharedTerms: ['another term'] }))],
          ]),
        },
        paper,
      ],
    ];
    for (const [what, changedData, changedPaper] of changes) {
      // The change shows on the page (a dump's date on a page of a paper without its own): the key must change with it.
      const undated = (each: PaperRecord) =>
        what === 'the date of its first dump' ? { ...each, published: null } : each;
      expect(JSON.stringify(paperPageParts(changedData, undated(changedPaper))), what).not.toBe(
        JSON.stringify(paperPageParts(data, undated(paper))),
      );
      expect(paperPageDataKey(changedData, undated(changedPaper)), what).not.toBe(
        paperPageDataKey(data, undated(paper)),
      );
    }
    // A possible same work's title.
    const partner = data.papers.find((each) => each.id !== paper.id)!;
    const withPartner = { ...paper, possiblySameWork: [partner.id] };
    const partnerKey = paperPageDataKey(data, withPartner);
    const renamedPartner = { ...data, byId: new Map([...data.byId, [partner.id, renamed(partner.id)]]) };
    expect(paperPageDataKey(renamedPartner, withPartner)).not.toBe(partnerKey);
  });
});
