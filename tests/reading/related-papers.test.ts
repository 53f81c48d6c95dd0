/** Related papers by TF-IDF over words and two-word phrases, found through a pruned inverted index. */
import { describe, expect, it } from 'vitest';
import { relatedInputOf, relatedPapers, type RelatedInput } from '../../src/lib/related-papers.ts';
import { seedCorpus } from './seed-corpus.ts';

const LORA_A: RelatedInput = {
  id: 'lora-a',
  title: 'Low-Rank Adaptation for Efficient Fine-Tuning of Language Models',
  abstract:
    'We propose a low-rank adaptation method that freezes the pretrained weights and trains small low-rank matrices, cutting trainable parameters for fine-tuning.',
};
const LORA_B: RelatedInput = {
  id: 'lora-b',
  title: 'Quantized Low-Rank Adaptation',
  abstract:
    'Low-rank adaptation with quantized base weights: we fine-tune low-rank matrices on top of a 4-bit model and match full fine-tuning with far fewer trainable parameters.',
};
const REWARD: RelatedInput = {
  id: 'reward',
  title: 'Reward Models Prefer Longer Answers',
  abstract:
    'We study reward models trained on human preference comparisons and find that the reward model favours length over quality.',
};
const DPO: RelatedInput = {
  id: 'dpo',
  title: 'Direct Preference Optimization without a Reward Model',
  abstract:
    'Direct preference optimization aligns a policy with human preference comparisons without training a separate reward model.',
};
const SONAR: RelatedInput = {
  id: 'sonar',
  title: 'Counting Fish with Sonar',
  abstract: 'Echo sounder returns are segmented to count fish in rivers.',
};

describe('relatedPapers', () => {
  it('ranks the paper on the same method first and names the terms the two share', () => {
    const [forLoraA] = relatedPapers([LORA_A, REWARD, LORA_B, DPO, SONAR]);
    expect(forLoraA![0]!.id).toBe('lora-b');
    expect(forLoraA![0]!.sharedTerms).toContain('low-rank adaptation');
    expect(forLoraA!.map((related) => related.id)).not.toContain('lora-a');
  });

  it('lists only papers that share a term, most similar first, with scores between 0 and 1', () => {
    const related = relatedPapers([LORA_A, REWARD, LORA_B, DPO, SONAR]);
    const forReward = related[1]!;
    expect(forReward[0]!.id).toBe('dpo');
    expect(forReward.map((item) => item.id)).not.toContain('sonar');
    expect(related[4]).toEqual([]);
    for (const list of related) {
      for (const item of list) expect(item.score).toBeGreaterThan(0);
      for (const item of list) expect(item.score).toBeLessThanOrEqual(1);
      expect(list.map((item) => item.score)).toEqual([...list.map((item) => item.score)].sort((a, b) => b - a));
    }
  });

  it('leaves out the papers listed as possibly the same work', () => {
    const related = relatedPapers([{ ...LORA_A, exclude: ['lora-b'] }, REWARD, LORA_B, DPO]);
    expect(related[0]!.map((item) => item.id)).not.toContain('lora-b');
  });

  it('gives every seed paper five related papers, never itself and never twice the same', () => {
    const { papers } = seedCorpus();
    const related = relatedPapers(papers.map(relatedInputOf));
    related.forEach((list, index) => {
      expect(list, papers[index]!.id).toHaveLength(5);
      expect(new Set(list.map((item) => item.id)).size).toBe(5);
      expect(list.map((item) => item.id)).not.toContain(papers[index]!.id);
      for (const item of list) expect(item.sharedTerms.length, `${papers[index]!.id} → ${item.id}`).toBeGreaterThan(0);
    });
  });
});
