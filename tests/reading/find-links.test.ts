import { describe, expect, it } from 'vitest';
import { abstractLinkKind, findItLinks } from '../../src/lib/find-links.ts';

describe('findItLinks', () => {
  it('searches four sites for the exact title, encoded', () => {
    const title = 'S²FT: Efficient & "Scalable" Fine-tuning #1';
    const links = findItLinks(title);
    expect(links.map((link) => link.label)).toEqual([
      'arXiv',
      'Hugging Face Papers',
      'Semantic Scholar',
      'Google Scholar',
    ]);
    for (const link of links) {
      const url = new URL(link.href);
      const query = url.searchParams.get('query') ?? url.searchParams.get('q');
      expect(query?.replace(/^"|"$/g, ''), link.label).toBe(title);
    }
    expect(links[0]!.href).toBe(
      'https://arxiv.org/search/?query=%22S%C2%B2FT%3A%20Efficient%20%26%20%22Scalable%22%20Fine-tuning%20%231%22&searchtype=title',
    );
  });
});

describe('abstractLinkKind', () => {
  it('names code hosts, models, datasets and demos from the URL', () => {
    expect(abstractLinkKind('https://github.com/OpenGVLab/Ask-Anything')).toBe('Code');
    expect(abstractLinkKind('https://gitlab.com/group/project')).toBe('Code');
    expect(abstractLinkKind('https://huggingface.co/datasets/openbmb/UltraFeedback')).toBe('Dataset');
    expect(abstractLinkKind('https://huggingface.co/LiquidAI/LFM2-1.2B')).toBe('Model');
    expect(abstractLinkKind('https://huggingface.co/spaces/org/demo')).toBe('Demo');
    expect(abstractLinkKind('https://huggingface.co/papers/2401.00001')).toBe('Link');
    expect(abstractLinkKind('https://llava-vl.github.io')).toBe('Project page');
    expect(abstractLinkKind('https://example.org/paper')).toBe('Link');
    expect(abstractLinkKind('not a url')).toBe('Link');
  });
});
