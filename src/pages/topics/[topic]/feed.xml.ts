/** `/topics/<id>/feed.xml`: the papers of one topic, newest dump first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSiteData } from '../../../lib/site-data.ts';
import { papersFeed } from '../../../lib/feeds.ts';

export const getStaticPaths = (async () => {
  const siteData = await loadSiteData();
  return siteData.topicSummaries.map((topic) => ({ params: { topic: topic.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const siteData = await loadSiteData();
  const topic = params.topic!;
  const name = siteData.topicNames.get(topic) ?? topic;
  return papersFeed({
    siteData,
    papers: siteData.papersByTopic.get(topic) ?? [],
    site: site!,
    title: `Research Digest: ${name}`,
    description: `New papers on ${name}, newest dump first.`,
  });
};
