/**
 * Merging measured on the labelled merge set (tests/fixtures/merge/labelled/pairs.json): each pair
 * is ingested as two dumps, and the two listings are merged or not. Used by
 * tests/ingest/merge-labelled.test.ts and `npm run eval:merges`.
 */
import { readFileSync } from 'node:fs';
import { ingestDumps } from '../../src/ingest/index.ts';
import type { MergeFigures, MergeRule } from '../../src/ingest/index.ts';

export interface LabelledListing {
  title: string | null;
  abstract: string;
}

export interface LabelledPair {
  id: string;
  kind: string;
  same: boolean;
  a: LabelledListing;
  b: LabelledListing;
}

export interface PairOutcome {
  pair: LabelledPair;
  merged: boolean;
  /** The rule that merged them (null: the title, or not merged). */
  rule: MergeRule | null;
  /** The figures of the merge or of the near miss, when the pair was looked at. */
  figures: MergeFigures | null;
  possiblySameWork: boolean;
}

export interface MergeEvaluation {
  outcomes: PairOutcome[];
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number;
  recall: number;
}

const LABELLED_PAIRS_PATH = new URL('../../tests/fixtures/merge/labelled/pairs.json', import.meta.url);

export function readLabelledPairs(): LabelledPair[] {
  return JSON.parse(readFileSync(LABELLED_PAIRS_PATH, 'utf8')) as LabelledPair[];
}

/** A listing as a one-entry dump: line pairs when titled, an abstract line when not. */
function dumpText(listing: LabelledListing): string {
  return listing.title === null
    ? `Abstract:${listing.abstract}\n`
    : `Get trending papers in your email inbox!\nSubscribe${listing.title}\n${listing.abstract}\n`;
}

function evaluatePair(pair: LabelledPair): PairOutcome {
  const encode = (text: string) => new TextEncoder().encode(text);
  const result = ingestDumps(
    [
      { name: '001_a.txt', bytes: encode(dumpText(pair.a)) },
      { name: '002_b.txt', bytes: encode(dumpText(pair.b)) },
    ],
    [],
  );
  const merged = result.papers.length === 1;
  const explanation = result.papers.flatMap((paper) => paper.merges)[0];
  const miss = result.nearMisses[0];
  return {
    pair,
    merged,
    rule: explanation?.rule ?? null,
    figures: explanation?.figures ?? miss?.figures ?? null,
    possiblySameWork: result.papers.some((paper) => paper.possiblySameWork.length > 0),
  };
}

export function evaluateMerging(pairs: readonly LabelledPair[]): MergeEvaluation {
  const outcomes = pairs.map(evaluatePair);
  const count = (same: boolean, merged: boolean) =>
    outcomes.filter((outcome) => outcome.pair.same === same && outcome.merged === merged).length;
  const truePositives = count(true, true);
  const falsePositives = count(false, true);
  const falseNegatives = count(true, false);
  return {
    outcomes,
    truePositives,
    falsePositives,
    falseNegatives,
    trueNegatives: count(false, false),
    precision: truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives),
    recall: truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives),
  };
}
