/**
 * RSS feeds of new papers: newest dump first, then in the order the dump listed them. Links are
 * absolute (the site URL comes from the Astro config's `site`). A feed is made as a string, with no
 * Astro in it (@astrojs/rss's `getRssString` is plain code), so that a rebuild without Astro writes
 * the same bytes as the feed's endpoint.
 */
import { getRssString } from '@astrojs/rss';
import type { PaperRecord } from '../ingest/index.ts';
import type { SiteData } from './site-data.ts';
import { paperUrl } from './format.ts';

/** Enough for any reader catching up on several dumps, small enough to fetch often. */
export const FEED_LENGTH = 200;

/** `papers` (the site's or a topic's) in the feeds' order, newest dump first; at most `FEED_LENGTH`. */
function feedPapers(siteData: FeedData, papers: readonly PaperRecord[]): PaperRecord[] {
  const all = siteData.newestArrivals;
  if (papers === siteData.papers) return all.slice(0, FEED_LENGTH);
  // The order is total (ids are unique), so the corpus' order, filtered, is the list's.
  const wanted = new Set(papers);
  const feed: PaperRecord[] = [];
  for (const paper of all) {
    if (feed.length === FEED_LENGTH) break;
    if (wanted.has(paper)) feed.push(paper);
  }
  return feed;
}

/** What of the site data a feed reads. */
export type FeedData = Pick<SiteData, 'papers' | 'newestArrivals' | 'dumps' | 'topicNames'>;

interface FeedOptions {
  siteData: FeedData;
  papers: readonly PaperRecord[];
  title: string;
  description: string;
  site: URL;
}

/** The feed of `papers` (the site's or a topic's), as the file `/feed.xml` or a topic's `feed.xml` holds. */
function papersFeedXml(options: FeedOptions): Promise<string> {
  const { siteData, site } = options;
  const dumpDates = new Map(siteData.dumps.map((dump) => [dump.file, dump.dumpDate]));
  return getRssString({
    title: options.title,
    description: options.description,
    site,
    trailingSlash: true,
    items: feedPapers(siteData, options.papers).map((paper) => {
      const date = dumpDates.get(paper.firstSeen) ?? paper.published;
      return {
        title: paper.title,
        link: new URL(paperUrl(paper.id), site).href,
        description: paper.abstract,
        categories: paper.topics.map((topic) => siteData.topicNames.get(topic) ?? topic),
        ...(date ? { pubDate: new Date(`${date}T00:00:00Z`) } : {}),
      };
    }),
  });
}

/** `/feed.xml`: every paper. */
export const siteFeedXml = (siteData: FeedData, site: URL): Promise<string> =>
  papersFeedXml({
    siteData,
    papers: siteData.papers,
    site,
    title: 'Research Digest: new papers',
    description: 'Papers as they arrive in the digest, newest dump first.',
  });

/** `/topics/<id>/feed.xml`: the papers of topic `topicId`. */
export function topicFeedXml(
  siteData: FeedData & Pick<SiteData, 'papersByTopic'>,
  topicId: string,
  site: URL,
): Promise<string> {
  const name = siteData.topicNames.get(topicId) ?? topicId;
  return papersFeedXml({
    siteData,
    papers: siteData.papersByTopic.get(topicId) ?? [],
    site,
    title: `Research Digest: ${name}`,
    description: `New papers on ${name}, newest dump first.`,
  });
}

export const feedUrl = (topic?: string) => (topic ? `/topics/${topic}/feed.xml` : '/feed.xml');
