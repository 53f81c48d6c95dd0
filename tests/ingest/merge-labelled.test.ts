/**
 * Merging on the labelled merge set (tests/fixtures/merge/labelled/pairs.json, made by its
 * generate.ts from the seeds' real abstracts): 50 pairs that are one paper (renamed, method
 * renamed, truncated, revised) and 46 look-alike pairs of different papers (extended versions,
 * shared openings and template paragraphs, one generic title, close titles). The labels follow
 * from how each pair was made.
 */
import { describe, expect, it } from 'vitest';
import { evaluateMerging, readLabelledPairs } from '../../scripts/lib/merge-evaluation.ts';

const pairs = readLabelledPairs();
const evaluation = evaluateMerging(pairs);

describe('the labelled merge set', () => {
  it('has at least 40 same-paper and 40 different-paper pairs, in every style', () => {
    expect(pairs.filter((pair) => pair.same).length).toBeGreaterThanOrEqual(40);
    expect(pairs.filter((pair) => !pair.same).length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(pairs.map((pair) => pair.kind));
    for (const kind of [
      'renamed-identical',
      'renamed-method',
      'truncated',
      'revised',
      'extended-version',
      'shared-opening',
      'shared-template',
      'generic-title',
      'close-title-other-work',
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  it('merges no two different papers (precision 1)', () => {
    const falseMerges = evaluation.outcomes
      .filter((outcome) => !outcome.pair.same && outcome.merged)
      .map((outcome) => outcome.pair.id);
    expect(falseMerges).toEqual([]);
    expect(evaluation.precision).toBe(1);
  });

  it('merges at least 98% of the true repeats', () => {
    const missed = evaluation.outcomes
      .filter((outcome) => outcome.pair.same && !outcome.merged)
      .map((outcome) => outcome.pair.id);
    expect(evaluation.recall, `missed: ${missed.join(', ')}`).toBeGreaterThanOrEqual(0.98);
  });

  it('keeps every extended version as possibly the same work, and no boilerplate look-alike', () => {
    const extended = evaluation.outcomes.filter((outcome) => outcome.pair.kind === 'extended-version');
    expect(extended.filter((outcome) => !outcome.possiblySameWork).map((outcome) => outcome.pair.id)).toEqual([]);
    const boilerplate = evaluation.outcomes.filter((outcome) =>
      ['shared-opening', 'shared-template', 'generic-title'].includes(outcome.pair.kind),
    );
    expect(boilerplate.filter((outcome) => outcome.possiblySameWork).map((outcome) => outcome.pair.id)).toEqual([]);
  });

  it('names the rule that matches how a merged pair was made', () => {
    const ruleOf = (kind: string) =>
      new Set(evaluation.outcomes.filter((outcome) => outcome.pair.kind === kind).map((outcome) => outcome.rule));
    expect(ruleOf('renamed-identical')).toEqual(new Set(['near-identical-abstract']));
    expect(ruleOf('truncated')).toEqual(new Set(['truncated-abstract']));
    // Same title: merged by the title, nothing to explain.
    expect(ruleOf('same-title-revised')).toEqual(new Set([null]));
  });
});
