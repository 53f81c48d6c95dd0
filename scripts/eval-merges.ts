/**
 * `npx tsx scripts/eval-merges.ts` — merging measured on the labelled merge set
 * (tests/fixtures/merge/labelled/pairs.json): precision and recall, and per kind of pair how many
 * were merged, by which rule, and the range of their figures. Exits 1 on a false merge or a
 * recall below 98%, as tests/ingest/merge-labelled.test.ts does.
 */
import { evaluateMerging, readLabelledPairs, type PairOutcome } from './lib/merge-evaluation.ts';

const evaluation = evaluateMerging(readLabelledPairs());
const kinds = [...new Set(evaluation.outcomes.map((outcome) => outcome.pair.kind))];
const range = (outcomes: PairOutcome[], pick: (outcome: PairOutcome) => number | null | undefined) => {
  const values = outcomes.map(pick).filter((value): value is number => typeof value === 'number');
  return values.length === 0 ? '-' : `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
};
const lines = [
  '| kind | label | pairs | merged | rules | abstract similarity | containment | beyond shared run | title similarity |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
];
for (const kind of kinds) {
  const outcomes = evaluation.outcomes.filter((outcome) => outcome.pair.kind === kind);
  const rules =
    [...new Set(outcomes.filter((outcome) => outcome.merged).map((outcome) => outcome.rule ?? 'same title'))].join(
      ', ',
    ) || '-';
  lines.push(
    `| ${kind} | ${outcomes[0]!.pair.same ? 'same paper' : 'different'} | ${outcomes.length} | ${outcomes.filter((outcome) => outcome.merged).length} | ${rules} | ` +
      `${range(outcomes, (outcome) => outcome.figures?.abstractSimilarity)} | ${range(outcomes, (outcome) => outcome.figures?.containment)} | ` +
      `${range(outcomes, (outcome) => outcome.figures?.beyondSharedRun)} | ${range(outcomes, (outcome) => outcome.figures?.titleSimilarity)} |`,
  );
}
lines.push(
  '',
  `true merges ${evaluation.truePositives}, false merges ${evaluation.falsePositives}, missed repeats ${evaluation.falseNegatives}, kept apart ${evaluation.trueNegatives}`,
  `precision ${evaluation.precision.toFixed(3)}, recall ${evaluation.recall.toFixed(3)}`,
);
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = evaluation.falsePositives > 0 || evaluation.recall < 0.98 ? 1 : 0;
