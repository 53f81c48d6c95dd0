/**
 * Related papers judged on hand-labelled data (tests/fixtures/labels/dev-labels.jsonl, the
 * repository's copy of the hand-checked labels: 186 papers of dumps 001 and 002, labelled by an
 * expert reader).
 * For each labelled paper in exactly one topic, its related papers should mostly share that topic:
 * a related paper's topics are its label when it has one, else the topics the classifier gave it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { matchLabels, parseTopicLabels } from '../../src/ingest/evaluate-topics.ts';
import { relatedInputOf, relatedPapers } from '../../src/lib/related-papers.ts';
import { PROJECT_ROOT, seedCorpus } from './seed-corpus.ts';

it('at least 70% of the related papers of a single-topic labelled paper share its topic', () => {
  const { papers } = seedCorpus();
  const labels = parseTopicLabels(readFileSync(join(PROJECT_ROOT, 'tests/fixtures/labels/dev-labels.jsonl'), 'utf8'));
  expect(labels).toHaveLength(186);
  const labelled = new Map<string, string[]>();
  for (const [label, paper] of matchLabels(papers, labels)) if (paper) labelled.set(paper.id, label.topics);
  expect(labelled.size).toBe(186);

  const related = relatedPapers(papers.map(relatedInputOf));
  const topicsOf = new Map(papers.map((paper) => [paper.id, labelled.get(paper.id) ?? paper.topics]));
  let sharing = 0;
  let total = 0;
  papers.forEach((paper, index) => {
    const topics = labelled.get(paper.id);
    if (topics?.length !== 1) return;
    for (const item of related[index]!) {
      total++;
      if (topicsOf.get(item.id)!.includes(topics[0]!)) sharing++;
    }
  });
  expect(total).toBeGreaterThan(300);
  const share = sharing / total;
  console.log(`related papers sharing the labelled topic: ${sharing}/${total} = ${(share * 100).toFixed(1)}%`);
  expect(share).toBeGreaterThanOrEqual(0.7);
});
