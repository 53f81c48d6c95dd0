/**
 * The reading aids computed over the whole corpus: each paper's related papers and each topic's
 * themes. Made together, as both read every title and abstract word by word (one memo of the
 * words serves both), and kept free of Astro and of Node's I/O so that the build can make them in
 * a worker thread (src/lib/reading-aids-thread.ts) while Astro is still syncing and bundling.
 */
import { OTHER_TOPIC } from '../ingest/topics.ts';
import type { PaperRecord } from '../ingest/index.ts';
import { relatedInputOf, relatedPapers, type RelatedPaper } from './related-papers.ts';
import { relatedPapersWithHelper } from './related-papers-parallel.ts';
import { topicThemes, type Theme } from './topic-themes.ts';
import { memoisedWordStream } from './word-stream.ts';
import type { DerivationMemo, KeyTables, TermTables } from './text-derivations.ts';

/** What of a paper the reading aids read. */
export type ReadingAidPaper = Pick<PaperRecord, 'id' | 'title' | 'abstract' | 'possiblySameWork' | 'topics'>;

export interface ReadingAids {
  /** Paper id → its five most similar papers (its possible duplicates left out). */
  related: Map<string, RelatedPaper[]>;
  /** Topic id (and `other`) → its themes. */
  themes: Map<string, Theme[]>;
  /** The topics the themes were made for, in the order given. */
  topicIds: string[];
}

/**
 * Papers per topic id, in the order of `topicIds`, each list in the papers' order; a paper of no
 * topic is listed under `other`, a paper's topic missing from `topicIds` nowhere.
 */
export function papersByTopic<P extends Pick<PaperRecord, 'topics'>>(
  papers: readonly P[],
  topicIds: readonly string[],
): Map<string, P[]> {
  const byTopic = new Map<string, P[]>(topicIds.map((topic) => [topic, []]));
  for (const paper of papers)
    for (const topic of paper.topics.length > 0 ? paper.topics : [OTHER_TOPIC.id]) byTopic.get(topic)?.push(paper);
  return byTopic;
}

/** What a previous build derived from each paper's texts alone, and what this build derives (text-derivations.ts). */
export interface ReadingAidsMemo {
  terms: DerivationMemo<TermTables>;
  keys: DerivationMemo<KeyTables>;
}

/**
 * The reading aids of `papers`, given newest first (the order decides ties, so the site gives them
 * in the order it lists them), for the topics `topicIds` (`other` among them). With `memo`, the
 * papers a previous build read are not read again (the aids are the same).
 */
export function readingAids(
  papers: readonly ReadingAidPaper[],
  topicIds: readonly string[],
  memo?: ReadingAidsMemo,
): ReadingAids {
  const wordStream = memoisedWordStream();
  const related = relatedPapers(papers.map(relatedInputOf), { wordStream, memo: memo?.terms });
  return {
    related: new Map(papers.map((paper, index) => [paper.id, related[index]!])),
    themes: topicThemes(papers, papersByTopic(papers, topicIds), { wordStream, memo: memo?.keys }),
    topicIds: [...topicIds],
  };
}

/**
 * `readingAids` with a second thread for the related papers' scoring (related-papers-parallel.ts),
 * the themes made on this thread meanwhile: the same aids, in about half the time when a core is
 * free. `helperFile` is src/lib/related-scoring-worker.ts.
 */
export async function readingAidsWithHelper(
  papers: readonly ReadingAidPaper[],
  topicIds: readonly string[],
  memo: ReadingAidsMemo | undefined,
  helperFile: string,
): Promise<ReadingAids> {
  const wordStream = memoisedWordStream();
  let themes: Map<string, Theme[]> | undefined;
  const related = await relatedPapersWithHelper(
    papers.map(relatedInputOf),
    { wordStream, memo: memo?.terms },
    helperFile,
    () => (themes = topicThemes(papers, papersByTopic(papers, topicIds), { wordStream, memo: memo?.keys })),
  );
  return {
    related: new Map(papers.map((paper, index) => [paper.id, related[index]!])),
    themes: themes!,
    topicIds: [...topicIds],
  };
}
