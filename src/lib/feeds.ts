/**
 * RSS feeds of new papers: newest dump first, then in the order the dump listed them. Links are
 * absolute (the site URL comes from the Astro config's `site`).
 */
import rss from '@astrojs/rss';
import type { PaperRecord } from '../ingest/index.ts';
import type { SiteData } from './site-data.ts';
import { paperUrl } from './format.ts';

/** Enough for any reader catching up on several dumps, small enough to fetch often. */
const FEED_LENGTH = 200;

/** Every paper of the site, newest dump first: sorted once for the site's feed and every topic's. */
const sortedByArrival = new WeakMap<SiteData, PaperRecord[]>();

function papersByArrival(siteData: SiteData, papers: readonly PaperRecord[]): PaperRecord[] {
  let all = sortedByArrival.get(siteData);
  if (all === undefined) {
    const order = new Map(siteData.dumps.map((dump) => [dump.file, dump.order]));
    all = [...siteData.papers].sort(
      (a, b) =>
        (order.get(b.firstSeen) ?? 0) - (order.get(a.firstSeen) ?? 0) ||
        (a.sources[0]?.line ?? 0) - (b.sources[0]?.line ?? 0) ||
        (a.id < b.id ? -1 : 1),
    );
    sortedByArrival.set(siteData, all);
  }
  // The order is total (ids are unique), so the corpus' order, filtered, is the list's.
  if (papers === siteData.papers) return all;
  const wanted = new Set(papers);
  return all.filter((paper) => wanted.has(paper));
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
    items: papersByArrival(siteData, options.papers)
      .slice(0, FEED_LENGTH)
      .map((paper) => {
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
