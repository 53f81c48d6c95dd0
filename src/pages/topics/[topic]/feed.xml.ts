/** `/topics/<id>/feed.xml`: the papers of one topic, newest dump first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSiteData } from '../../../lib/site-data.ts';
import { topicFeedXml } from '../../../lib/feeds.ts';

export const getStaticPaths = (async () => {
  const siteData = await loadSiteData();
  return siteData.topicSummaries.map((topic) => ({ params: { topic: topic.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) =>
  new Response(await topicFeedXml(await loadSiteData(), params.topic!, site!), {
    headers: { 'Content-Type': 'application/xml' },
  });
