/** `/feed.xml`: every paper, newest dump first. */
import type { APIRoute } from 'astro';
import { loadSiteData } from '../lib/site-data.ts';
import { papersFeed } from '../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
  const siteData = await loadSiteData();
  return papersFeed({
    siteData,
    papers: siteData.papers,
    site: site!,
    title: 'Research Digest: new papers',
    description: 'Papers as they arrive in the digest, newest dump first.',
  });
};
