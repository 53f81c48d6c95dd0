/** `/topics/<id>/feed.xml`: the papers of one topic, newest dump first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDigest } from '../../../lib/digest.ts';
import { papersFeed } from '../../../lib/feeds.ts';

export const getStaticPaths = (async () => {
  const digest = await loadDigest();
  return digest.topicSummaries.map((topic) => ({ params: { topic: topic.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const digest = await loadDigest();
  const topic = params.topic!;
  const name = digest.topicNames.get(topic) ?? topic;
  return papersFeed({ digest, papers: digest.papersByTopic.get(topic) ?? [], site: site!, title: `Research Digest: ${name}`, description: `New papers on ${name}, newest dump first.` });
};
