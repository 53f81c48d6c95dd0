/** Precision, recall and F1 of topic assignments against hand-checked labels. */
import { normalizeText, titleKey } from './normalize-text.ts';
import type { PaperRecord } from './types.ts';

export interface TopicLabel {
  title: string;
  abstract_start: string;
  topics: string[];
  confidence?: string;
  note?: string;
}

export interface TopicScores {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface TopicEvaluation {
  perTopic: Record<string, TopicScores>;
  micro: TopicScores;
  matched: number;
  unmatched: TopicLabel[];
  /** Labelled papers the classifier got wrong, for tuning. */
  errors: { label: TopicLabel; predicted: string[] }[];
}

export function parseTopicLabels(jsonl: string): TopicLabel[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as TopicLabel);
}

/** A label belongs to the paper with its title (under any alias) or, failing that, its abstract opening. */
export function matchLabels(
  papers: readonly PaperRecord[],
  labels: readonly TopicLabel[],
): Map<TopicLabel, PaperRecord | undefined> {
  const byTitle = new Map<string, PaperRecord>();
  for (const paper of papers) for (const title of [paper.title, ...paper.aliases]) byTitle.set(titleKey(title), paper);
  const openings = papers.map((paper) => ({ paper, opening: titleKey(paper.abstract.slice(0, 120)) }));
  return new Map(
    labels.map((label) => {
      const opening = titleKey(normalizeText(label.abstract_start).slice(0, 120));
      const found =
        byTitle.get(titleKey(label.title)) ??
        openings.find((candidate) => candidate.opening.startsWith(opening.slice(0, 80)))?.paper;
      return [label, found];
    }),
  );
}

function scores(truePositives: number, falsePositives: number, falseNegatives: number): TopicScores {
  const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

export function evaluateTopics(
  papers: readonly PaperRecord[],
  labels: readonly TopicLabel[],
  topicIds: readonly string[],
): TopicEvaluation {
  const matches = matchLabels(papers, labels);
  const counts = Object.fromEntries(topicIds.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  const unmatched: TopicLabel[] = [];
  const errors: TopicEvaluation['errors'] = [];
  let matched = 0;
  for (const [label, paper] of matches) {
    if (!paper) {
      unmatched.push(label);
      continue;
    }
    matched++;
    for (const id of topicIds) {
      const expected = label.topics.includes(id);
      const predicted = paper.topics.includes(id);
      const count = counts[id]!;
      if (expected && predicted) count.tp++;
      else if (predicted) count.fp++;
      else if (expected) count.fn++;
    }
    const wrong = topicIds.some((id) => label.topics.includes(id) !== paper.topics.includes(id));
    if (wrong) errors.push({ label, predicted: paper.topics });
  }
  const perTopic = Object.fromEntries(
    topicIds.map((id) => [id, scores(counts[id]!.tp, counts[id]!.fp, counts[id]!.fn)]),
  );
  const total = Object.values(counts).reduce(
    (sum, count) => ({ tp: sum.tp + count.tp, fp: sum.fp + count.fp, fn: sum.fn + count.fn }),
    { tp: 0, fp: 0, fn: 0 },
  );
  return { perTopic, micro: scores(total.tp, total.fp, total.fn), matched, unmatched, errors };
}
