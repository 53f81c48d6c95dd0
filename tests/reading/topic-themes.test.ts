/** Theme phrases of the seed topics: distinctive, mostly multi-word, each with its papers. */
import { describe, expect, it } from 'vitest';
import { topicThemes } from '../../src/lib/topic-themes.ts';
import type { PaperRecord } from '../../src/ingest/index.ts';
import { seedCorpus } from './seed-corpus.ts';

function seedThemes() {
  const { papers } = seedCorpus();
  const byTopic = new Map<string, PaperRecord[]>();
  for (const paper of papers)
    for (const topic of paper.topics.length > 0 ? paper.topics : ['other'])
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), paper]);
  return { papers, byTopic, themes: topicThemes(papers, byTopic) };
}

describe('topicThemes on the seeds', () => {
  const { papers, byTopic, themes } = seedThemes();
  // Spelling aside: "mixture-of-experts" and "mixture of experts" are one theme.
  const labels = (topic: string) => themes.get(topic)!.map((theme) => theme.label.replace(/-/g, ' '));

  it('gives each topic 8 to 15 themes, most of them phrases of two or three words', () => {
    for (const [topic, list] of themes) {
      expect(list.length, topic).toBeGreaterThanOrEqual(8);
      expect(list.length, topic).toBeLessThanOrEqual(15);
      const phrases = list.filter((theme) => /[ -]/.test(theme.label));
      // Other is a remainder, not a field: its vocabulary is thinner, so single words fill in.
      expect(phrases.length / list.length, topic).toBeGreaterThanOrEqual(topic === 'other' ? 0.5 : 0.6);
    }
  });

  it("names each topic's own methods (checked by hand against the topic definitions)", () => {
    expect(labels('peft')).toEqual(
      expect.arrayContaining(['parameter efficient fine tuning', 'low rank adaptation', 'prompt tuning']),
    );
    expect(labels('alignment')).toEqual(
      expect.arrayContaining(['preference optimization', 'reward model', 'human feedback']),
    );
    expect(labels('moe')).toEqual(expect.arrayContaining(['mixture of experts']));
    expect(labels('multimodal')).toEqual(
      expect.arrayContaining(['vision language models', 'visual question answering']),
    );
  });

  it("lists with each theme exactly the topic's papers that use the phrase", () => {
    const normalise = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ');
    for (const [topic, list] of themes) {
      const members = byTopic.get(topic)!;
      for (const theme of list) {
        const stem = normalise(theme.label).trim().replace(/s$/, '');
        const using = members
          .filter((paper) => normalise(`${paper.title} ${paper.abstract}`).includes(stem))
          .map((paper) => paper.id);
        // Singular and plural count as one phrase, so the stem finds at least the theme's papers.
        expect(using, `${topic}: ${theme.label}`).toEqual(expect.arrayContaining(theme.paperIds));
        expect(theme.paperIds.length).toBeGreaterThanOrEqual(2);
      }
    }
    expect(papers.length).toBe(477);
  });

  it('gives slugs that are unique within a topic and safe in a URL', () => {
    for (const list of themes.values()) {
      expect(new Set(list.map((theme) => theme.slug)).size).toBe(list.length);
      for (const theme of list) expect(theme.slug).toMatch(/^[\p{Ll}\p{N}]+(?:-[\p{Ll}\p{N}]+)*$/u);
    }
  });
});
