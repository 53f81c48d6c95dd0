/**
 * The figures the merge rules read (src/ingest/merge-rules.ts): the quick look that skips clearly
 * unlike candidates must never drop a pair a rule could merge, and `beyondSharedRun` must tell
 * shared boilerplate from a revised text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAbstracts, differentTitleRule, isGenericTitle, titleSimilarity } from '../../src/ingest/merge-rules.ts';
import { abstractShingles } from '../../src/ingest/shingles.ts';

const VOCABULARY = Array.from({ length: 300 }, (_, index) => `w${index.toString(36)}`);
const words = (length: number) => fc.array(fc.constantFrom(...VOCABULARY), { minLength: length, maxLength: length });

describe('compareAbstracts', () => {
  it('finds every pair that shares 65% of the shorter abstract, however long', () => {
    fc.assert(
      fc.property(words(160), fc.array(fc.nat(159), { maxLength: 12 }), (text, edits) => {
        const revised = [...text];
        for (const at of edits) revised[at] = 'changed';
        const a = abstractShingles(text.join(' '));
        const b = abstractShingles(revised.join(' '));
        const exact = compareAbstracts(a, b.sorted, 0)!;
        const quick = compareAbstracts(a, b.sorted);
        if (exact.containment >= 0.65) expect(quick).toEqual(exact);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same figures as a full comparison whenever it gives any', () => {
    fc.assert(
      fc.property(words(120), words(120), fc.nat(120), (first, second, keep) => {
        const a = abstractShingles(first.join(' '));
        const b = abstractShingles([...first.slice(0, keep), ...second.slice(keep)].join(' '));
        const quick = compareAbstracts(a, b.sorted);
        if (quick !== null) expect(quick).toEqual(compareAbstracts(a, b.sorted, 0));
      }),
      { numRuns: 300 },
    );
  });

  it('compares an abstract without a 3-gram as sharing nothing, rather than failing', () => {
    const empty = abstractShingles('— … —');
    const other = abstractShingles('Low-rank adapters freeze the backbone and train small matrices.').sorted;
    expect(compareAbstracts(empty, other)).toBeNull();
    expect(compareAbstracts(empty, other, 0)).toMatchObject({
      shared: 0,
      jaccard: 0,
      containment: 0,
      beyondSharedRun: 0,
    });
  });

  it('scores a shared opening near 0 beyond it, and a text revised throughout high', () => {
    const opening =
      'We study a parameter-efficient method for adapting large pretrained models to new tasks. Experiments on several benchmarks show that such methods can match full fine-tuning at a fraction of the cost.';
    const first = `${opening} Our method freezes the backbone and trains low-rank adapters whose rank grows with the depth of the layer, which halves memory use on code generation.`;
    const second = `${opening} We instead prune attention heads during training and recover their function with a small distillation loss, reaching the accuracy of the dense model on reading comprehension.`;
    const boilerplate = compareAbstracts(abstractShingles(second), abstractShingles(first).sorted, 0)!;
    expect(boilerplate.containment).toBeGreaterThan(0.4);
    expect(boilerplate.beyondSharedRun).toBeLessThan(0.1);
    expect(differentTitleRule(boilerplate, 1)).toBeNull();

    const revised = first
      .replace('parameter-efficient', 'lightweight')
      .replace('halves memory use', 'cuts memory use in half')
      .replace('Experiments on several', 'Experiments on many');
    const revision = compareAbstracts(abstractShingles(revised), abstractShingles(first).sorted, 0)!;
    // Three edits in 55 words: what is left beside the longest shared run still mostly agrees,
    // above the 0.3 the close-title rule needs.
    expect(revision.beyondSharedRun).toBeGreaterThan(0.3);
    expect(differentTitleRule(revision, 1)).toBe('close-title-and-abstract');
  });
});

describe('titles', () => {
  it('treats short and report-style titles as generic, and others not', () => {
    expect(
      ['Technical Report', 'LFM2 Technical Report', 'A Survey', 'Position Paper: A Review', 'SAM 2'].filter(
        (title) => !isGenericTitle(title),
      ),
    ).toEqual([]);
    expect(
      [
        'HFT: Half Fine-Tuning for Large Language Models',
        'Attention Is All You Need',
        'LoRA Land: 310 Fine-tuned LLMs that Rival GPT-4, A Technical Report',
      ].some(isGenericTitle),
    ).toBe(false);
  });

  it('compares content words: S3FT and SSR share 8 of 12', () => {
    expect(
      titleSimilarity(
        'Selective Self-to-Supervised Fine-Tuning for Generalization in Large Language Models',
        'Selective Self-Rehearsal: A Fine-Tuning Approach to Improve Generalization in Large Language Models',
      ),
    ).toBeCloseTo(8 / 12, 10);
  });
});
