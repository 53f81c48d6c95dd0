/** The two orders of a topic's list: newest first (the digest's order) and most upvoted first. */
import type { PaperRecord } from '../ingest/index.ts';

export type TopicSort = 'newest' | 'upvoted';

/** Most upvoted first; papers without a count last; ties keep the newest-first order given. */
export function byUpvotes(papersNewestFirst: readonly PaperRecord[]): PaperRecord[] {
  return papersNewestFirst
    .map((paper, index) => ({ paper, index }))
    .sort((a, b) => (b.paper.upvotes ?? -1) - (a.paper.upvotes ?? -1) || a.index - b.index)
    .map(({ paper }) => paper);
}

export const topicListUrl = (topic: string, sort: TopicSort) =>
  sort === 'newest' ? `/topics/${topic}/` : `/topics/${topic}/upvoted/`;
