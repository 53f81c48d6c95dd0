import { describe, expect, it } from 'vitest';
import { previewSentence, sentences } from '../../src/lib/paper-preview.ts';

describe('previewSentence', () => {
  it('picks the sentence that says what the paper does', () => {
    const abstract =
      'Large language models are costly to adapt. Prior work, e.g. adapters, adds latency. In this work, we introduce FlexLoRA, a rank-adaptive method that merges into the base weights. It matches full fine-tuning on GLUE.';
    expect(previewSentence(abstract)).toBe(
      'In this work, we introduce FlexLoRA, a rank-adaptive method that merges into the base weights.',
    );
  });

  it('takes the first sentence when none says "we propose / introduce / present"', () => {
    const abstract =
      'Mixture-of-experts (MoE) is gaining increasing attention due to its unique properties and remarkable performance, especially for language tasks. By sparsely activating a subset of parameters, MoE models scale.';
    expect(previewSentence(abstract)).toBe(
      'Mixture-of-experts (MoE) is gaining increasing attention due to its unique properties and remarkable performance, especially for language tasks.',
    );
  });

  it('adds the next sentence to a short one', () => {
    expect(previewSentence('We present Q-Align. It teaches a multimodal model to rate images the way people do.')).toBe(
      'We present Q-Align. It teaches a multimodal model to rate images the way people do.',
    );
  });

  it('does not split after e.g., et al. or a decimal number, and cuts a very long sentence at a word', () => {
    expect(
      sentences('Methods such as LoRA (Hu et al. 2021) and e.g. adapters reach 91.5 on GLUE. Second one.'),
    ).toEqual(['Methods such as LoRA (Hu et al. 2021) and e.g. adapters reach 91.5 on GLUE.', 'Second one.']);
    const long = `We propose ${'a very long method name '.repeat(30)}that never ends.`;
    const preview = previewSentence(long);
    expect(preview.length).toBeLessThanOrEqual(320);
    expect(preview).toMatch(/ (a|very|long|method|name)…$/);
  });

  it('returns an empty preview for an empty abstract', () => {
    expect(previewSentence('   ')).toBe('');
  });
});
