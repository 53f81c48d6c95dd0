/**
 * The site's data (its view model): the corpus as the pages use it, built once per build, since
 * thousands of pages each calling `getCollection()` would repeat the same work thousands of times.
 * The paper records come from the corpus the papers loader published in this process
 * (src/integrations/corpus-channel.ts), not from Astro's data store, which keeps only a summary of
 * each paper (src/loaders/digest-loader.ts), nor the dumps and topic definitions, published with
 * them. No Astro in here: a rebuild without Astro (src/rebuild/) makes the same site data.
 */
import { publishedCorpus, type PublishedCorpus } from '../integrations/corpus-channel.ts';
import { OTHER_TOPIC, topicNames, type DumpReport, type PaperRecord, type TopicDefinition } from '../ingest/index.ts';
import { papersByArrival } from './paper-order.ts';
import { bibtexInput, bibtexOfInput, citationKeys } from './bibtex.ts';
import { organisations, type Organisation } from './organisations.ts';
import { papersByTopic as groupByTopic, readingAids, type ReadingAids } from './reading-aids.ts';
import type { RelatedPaper } from './related-papers.ts';
import type { Theme } from './topic-themes.ts';

interface TopicSummary {
  id: string;
  name: string;
  description: string;
}

export interface SiteData {
  /** Newest first. */
  papers: PaperRecord[];
  byId: Map<string, PaperRecord>;
  /** Topic definitions in their `order` (content/topics/*.mdx). */
  topics: readonly TopicDefinition[];
  /** Every topic and then "Other": what the topic lists, cards and routes go through. */
  topicSummaries: TopicSummary[];
  topicNames: Map<string, string>;
  /** Papers per topic id (and `other` for none), newest first. */
  papersByTopic: Map<string, PaperRecord[]>;
  /** In arrival order. */
  dumps: DumpReport[];
  latestDump: DumpReport | null;
  /** Papers the latest dump brought for the first time, newest first. */
  newPapers: PaperRecord[];
  /** Papers already known whose title or upvotes the latest dump changed. */
  changedPapers: PaperRecord[];
  /** Paper id → its five most similar papers (its possible duplicates left out). */
  related: Map<string, RelatedPaper[]>;
  /** Topic id (and `other`) → its themes. */
  themes: Map<string, Theme[]>;
  /** Every organisation named by a dump, by name. */
  organisations: Organisation[];
  organisationIds: Map<string, string>;
  /** Paper id → BibTeX key. */
  citationKeys: Map<string, string>;
  /** The paper's BibTeX entry, made once for its page and `papers.bib` alike. */
  bibtex: (paper: PaperRecord) => string;
  /** Dump file → its date, when it has one. */
  dumpDates: Map<string, string | null>;
  /** Every paper, newest dump first and then as the dump listed them (the feeds' order). */
  newestArrivals: PaperRecord[];
  /** Every dump in arrival order with the number of papers it listed first (the "new since your last visit" note's data). */
  dumpArrivals: [file: string, firstListed: number][];
}

export function isNewPaper(siteData: Pick<SiteData, 'latestDump'>, paper: PaperRecord): boolean {
  return siteData.latestDump !== null && paper.firstSeen === siteData.latestDump.file;
}

/** The site data but the related papers and themes, which a thread makes meanwhile. */
export type SiteDataBeforeAids = Omit<SiteData, 'related' | 'themes'>;

let siteData: { corpus: PublishedCorpus; base: SiteDataBeforeAids; data: Promise<SiteData> | null } | null = null;

function publishedOrFail(): PublishedCorpus {
  const corpus = publishedCorpus();
  if (!corpus)
    throw new Error(
      '[research-digest] no paper records: the papers loader (src/loaders/digest-loader.ts) published no corpus ' +
        'in this process, and the pages read the papers from it, not from the content store. ' +
        'Was the `papers` collection synced by another process, or its loader replaced?',
    );
  return corpus;
}

/**
 * What needs no related papers or themes, at once: a rebuild without Astro writes the files that
 * need no more (papers.bib, the feeds) while the aids' thread works. The same objects as
 * `loadSiteData`'s (one BibTeX entry per paper per build).
 */
export function loadSiteDataBeforeAids(): SiteDataBeforeAids {
  const corpus = publishedOrFail();
  // Made again only when the loader has published another corpus (`astro dev`, after a dump arrived).
  if (siteData?.corpus !== corpus) siteData = { corpus, base: siteDataBeforeAids(corpus), data: null };
  return siteData.base;
}

export function loadSiteData(): Promise<SiteData> {
  const base = loadSiteDataBeforeAids();
  const current = siteData!;
  current.data ??= readingAidsFor(
    current.corpus,
    base.papers,
    base.topicSummaries.map((topic) => topic.id),
  ).then((aids) => ({ ...base, related: aids.related, themes: aids.themes }));
  return current.data;
}

function siteDataBeforeAids(corpus: PublishedCorpus): SiteDataBeforeAids {
  const dumps: DumpReport[] = [...corpus.dumps];
  const papers = [...corpus.newestFirst];
  const topics = corpus.topics;
  const topicSummaries = [
    ...topics.map((topic) => ({ id: topic.id, name: topic.name, description: topic.description })),
    OTHER_TOPIC,
  ];
  const topicIds = topicSummaries.map((topic) => topic.id);
  const papersByTopic = groupByTopic(papers, topicIds);
  const latestDump = dumps.at(-1) ?? null;
  const latestFile = latestDump?.file;
  const dumpDates = new Map(dumps.map((dump) => [dump.file, dump.dumpDate]));
  const byArrival = papersByArrival(papers, dumps);
  const orgs = organisations(papers, OTHER_TOPIC.id);
  const keys = citationKeys(byArrival, (paper) => dumpDates.get(paper.firstSeen)?.slice(0, 4) ?? null);
  const entries = new Map<string, string>();
  return {
    papers,
    byId: new Map(papers.map((paper) => [paper.id, paper])),
    topics,
    topicSummaries,
    topicNames: topicNames(topicSummaries),
    papersByTopic,
    dumps,
    latestDump,
    newPapers: papers.filter((paper) => paper.firstSeen === latestFile),
    changedPapers: papers.filter(
      (paper) => paper.firstSeen !== latestFile && paper.changes.some((change) => change.dump === latestFile),
    ),
    organisations: orgs,
    organisationIds: new Map(orgs.map((organisation) => [organisation.name, organisation.id])),
    citationKeys: keys,
    bibtex: (paper) => {
      let entry = entries.get(paper.id);
      if (entry === undefined) {
        const input = bibtexInput(paper, keys.get(paper.id)!, { listedDate: dumpDates.get(paper.firstSeen) ?? null });
        entry = corpus.kept.bibtex.get(JSON.stringify(input), () => bibtexOfInput(input));
        entries.set(paper.id, entry);
      }
      return entry;
    },
    dumpDates,
    newestArrivals: papersByArrival(papers, dumps, true),
    dumpArrivals: dumpArrivals(dumps, papers),
  };
}

/**
 * The aids the loader started on another thread with the corpus; made here instead if the topics
 * are not those it made the themes for (in `astro dev`, a topic file edited between the two syncs).
 */
async function readingAidsFor(
  corpus: PublishedCorpus,
  papers: readonly PaperRecord[],
  topicIds: readonly string[],
): Promise<ReadingAids> {
  const aids = await corpus.readingAids();
  const sameTopics =
    aids.topicIds.length === topicIds.length && aids.topicIds.every((topic) => topicIds.includes(topic));
  if (sameTopics) return aids;
  console.warn(
    `[research-digest] the related papers and themes are made again: the topics (${topicIds.join(', ')}) ` +
      `are not those the papers loader read (${aids.topicIds.join(', ')}); a topic file changed in between, ` +
      'or one is not named as the topics collection names it (content/topics/*.mdx)',
  );
  return readingAids(papers, topicIds);
}

function dumpArrivals(dumps: readonly DumpReport[], papers: readonly PaperRecord[]): [string, number][] {
  const firstListed = new Map<string, number>();
  for (const paper of papers) firstListed.set(paper.firstSeen, (firstListed.get(paper.firstSeen) ?? 0) + 1);
  return dumps.map((dump) => [dump.file, firstListed.get(dump.file) ?? 0]);
}
