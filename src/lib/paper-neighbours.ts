/** Previous and next paper within a paper's first topic, in the topic page's newest-first order. */
import type { PaperRecord } from '../ingest/index.ts';

export interface Neighbours {
  topic: string;
  /** Newer. */
  previous: PaperRecord | null;
  /** Older. */
  next: PaperRecord | null;
}

export function topicNeighbours(
  paper: PaperRecord,
  papersByTopic: ReadonlyMap<string, readonly PaperRecord[]>,
  otherTopicId: string,
): Neighbours {
  const topic = paper.topics[0] ?? otherTopicId;
  const list = papersByTopic.get(topic) ?? [];
  const index = list.findIndex((candidate) => candidate.id === paper.id);
  return {
    topic,
    previous: index > 0 ? list[index - 1]! : null,
    next: index >= 0 && index + 1 < list.length ? list[index + 1]! : null,
  };
}
