/**
 * RSS feeds of new papers: newest dump first, then in the order the dump listed them. Links are
 * absolute (the site URL comes from the Astro config's `site`).
 */
import rss from '@astrojs/rss';
import type { PaperRecord } from '../ingest/index.ts';
import type { SiteData } from './site-data.ts';
import { paperUrl } from './format.ts';

/** Enough for any reader catching up on several dumps, small enough to fetch often. */
export const FEED_LENGTH = 200;

/** `papers` (the site's or a topic's) in the feeds' order, newest dump first; at most `FEED_LENGTH`. */
function feedPapers(siteData: SiteData, papers: readonly PaperRecord[]): PaperRecord[] {
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

export function papersFeed(options: {
  siteData: SiteData;
  papers: readonly PaperRecord[];
  title: string;
  description: string;
  site: URL;
}): Promise<Response> {
  const { siteData, site } = options;
  const dumpDates = new Map(siteData.dumps.map((dump) => [dump.file, dump.dumpDate]));
  return rss({
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

export const feedUrl = (topic?: string) => (topic ? `/topics/${topic}/feed.xml` : '/feed.xml');
