/** The pages of every topic's paper list, in one order: the two list routes' `getStaticPaths`. */
import type { PaginateFunction } from 'astro';
import { PAPERS_PER_PAGE } from './format.ts';
import { loadSiteData } from './site-data.ts';
import { byUpvotes, type TopicSort } from './topic-sort.ts';

export async function topicListPaths(paginate: PaginateFunction, sort: TopicSort) {
  const siteData = await loadSiteData();
  return siteData.topicSummaries.flatMap(({ id: topic }) => {
    const papers = siteData.papersByTopic.get(topic) ?? [];
    return paginate(sort === 'upvoted' ? byUpvotes(papers) : papers, { params: { topic }, pageSize: PAPERS_PER_PAGE });
  });
}
