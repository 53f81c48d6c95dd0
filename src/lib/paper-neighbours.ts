/** Previous and next paper within a paper's first topic, in the topic page's newest-first order. */
import type { PaperRecord } from '../ingest/index.ts';

export interface Neighbours {
  topic: string;
  /** Newer. */
  previous: PaperRecord | null;
  /** Older. */
  next: PaperRecord | null;
}

/**
 * Each list's positions by paper id, made once per list: every paper page asks,
 * and a search through a topic of thousands of papers per page made the build quadratic.
 */
const positions = new WeakMap<readonly PaperRecord[], Map<string, number>>();

function positionsIn(list: readonly PaperRecord[]): Map<string, number> {
  let byId = positions.get(list);
  if (byId === undefined) {
    byId = new Map();
    // The first place of an id, as `findIndex` would find it.
    for (let index = list.length - 1; index >= 0; index--) byId.set(list[index]!.id, index);
    positions.set(list, byId);
  }
  return byId;
}

export function topicNeighbours(
  paper: PaperRecord,
  papersByTopic: ReadonlyMap<string, readonly PaperRecord[]>,
  otherTopicId: string,
): Neighbours {
  const topic = paper.topics[0] ?? otherTopicId;
  const list = papersByTopic.get(topic) ?? [];
  const index = positionsIn(list).get(paper.id) ?? -1;
  return {
    topic,
    previous: index > 0 ? list[index - 1]! : null,
    next: index >= 0 && index + 1 < list.length ? list[index + 1]! : null,
  };
}
