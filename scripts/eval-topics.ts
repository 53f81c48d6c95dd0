/**
 * `npm run eval:topics` — scores the topic rules in content/topics/ against hand-checked labels
 * (default: tests/fixtures/labels/dev-labels.jsonl, the project's copy of the hand-checked labels). `--errors` lists the papers the rules get wrong.
 * Exits non-zero when a bar is missed: micro-F1 ≥ 0.88 and F1 ≥ 0.80 for every topic.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ingestDumps, readDumpFolder, readTopicDefinitions } from '../src/ingest/index.ts';
import { evaluateTopics, parseTopicLabels } from '../src/ingest/evaluate-topics.ts';

const MICRO_F1_BAR = 0.88;
const TOPIC_F1_BAR = 0.8;

const { values } = parseArgs({
  options: {
    labels: { type: 'string', default: 'tests/fixtures/labels/dev-labels.jsonl' },
    seeds: { type: 'string', default: 'seeds' },
    topics: { type: 'string', default: 'content/topics' },
    errors: { type: 'boolean', default: false },
  },
});

const topics = readTopicDefinitions(values.topics);
const { papers } = ingestDumps(readDumpFolder(values.seeds), topics);
const labels = parseTopicLabels(readFileSync(values.labels, 'utf8'));
const evaluation = evaluateTopics(
  papers,
  labels,
  topics.map((topic) => topic.id),
);

const percent = (value: number) => value.toFixed(3);
console.log(
  `Labels: ${labels.length}, matched to papers: ${evaluation.matched}, unmatched: ${evaluation.unmatched.length}`,
);
console.log('topic       precision  recall  F1     (tp/fp/fn)');
for (const [id, score] of Object.entries(evaluation.perTopic)) {
  console.log(
    `${id.padEnd(10)}  ${percent(score.precision)}      ${percent(score.recall)}   ${percent(score.f1)}  (${score.truePositives}/${score.falsePositives}/${score.falseNegatives})`,
  );
}
const micro = evaluation.micro;
console.log(
  `${'micro'.padEnd(10)}  ${percent(micro.precision)}      ${percent(micro.recall)}   ${percent(micro.f1)}  (${micro.truePositives}/${micro.falsePositives}/${micro.falseNegatives})`,
);
if (values.errors) {
  for (const { label, predicted } of evaluation.errors) {
    console.log(
      `\n- ${label.title}\n  labelled [${label.topics.join(', ')}] predicted [${predicted.join(', ')}] (${label.confidence ?? ''}: ${label.note ?? ''})`,
    );
  }
}
for (const label of evaluation.unmatched) console.log(`unmatched label: ${label.title}`);
const failing = Object.entries(evaluation.perTopic)
  .filter(([, score]) => score.f1 < TOPIC_F1_BAR)
  .map(([id]) => id);
const passed = micro.f1 >= MICRO_F1_BAR && failing.length === 0 && evaluation.unmatched.length === 0;
console.log(
  passed
    ? `PASS: micro-F1 ≥ ${MICRO_F1_BAR}, every topic F1 ≥ ${TOPIC_F1_BAR}`
    : `FAIL: micro-F1 bar ${MICRO_F1_BAR}, topic bar ${TOPIC_F1_BAR}${failing.length ? ` (below: ${failing.join(', ')})` : ''}`,
);
process.exitCode = passed ? 0 : 1;
