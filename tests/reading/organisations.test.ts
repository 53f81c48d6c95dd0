import { describe, expect, it } from 'vitest';
import { monthCounts, monthLabel } from '../../src/lib/month-counts.ts';
import { organisations, organisationSlug } from '../../src/lib/organisations.ts';
import { topicNeighbours } from '../../src/lib/paper-neighbours.ts';
import { byUpvotes } from '../../src/lib/topic-sort.ts';
import type { PaperRecord } from '../../src/ingest/index.ts';
import { seedCorpus } from './seed-corpus.ts';

const paper = (id: string, fields: Partial<PaperRecord> = {}): PaperRecord => ({
  ...seedCorpus().papers[0]!,
  id,
  organization: null,
  topics: [],
  upvotes: null,
  ...fields,
});

describe('organisations', () => {
  it('gives each organisation a URL slug', () => {
    expect(organisationSlug('Liquid AI')).toBe('liquid-ai');
    expect(organisationSlug('Zürich NLP / ETH')).toBe('zurich-nlp-eth');
    expect(organisationSlug('北京')).toBe('organisation');
  });

  it('groups papers by organisation with their topics; two names with one slug get distinct ids, the first seen keeping it', () => {
    const newestFirst = [
      paper('c', { organization: 'Liquid-AI', topics: ['moe'] }),
      paper('b', { organization: 'Liquid AI', topics: [] }),
      paper('a', { organization: 'Liquid AI', topics: ['peft', 'moe'] }),
    ];
    const result = organisations(newestFirst, 'other');
    expect(
      result.map((organisation) => [organisation.name, organisation.id, organisation.papers.map((item) => item.id)]),
    ).toEqual([
      ['Liquid AI', 'liquid-ai', ['b', 'a']],
      ['Liquid-AI', 'liquid-ai-2', ['c']],
    ]);
    expect(Object.fromEntries(result[0]!.topicCounts)).toEqual({ other: 1, peft: 1, moe: 1 });
  });

  it('finds the four organisations of the seeds (dump 004), LFM2 under Liquid AI', () => {
    const result = organisations(seedCorpus().papers, 'other');
    expect(result.map((organisation) => organisation.name)).toEqual(['CodeFuse AI', 'Liquid AI', 'TongyiLab', 'UCAS']);
    expect(
      result
        .find((organisation) => organisation.name === 'Liquid AI')!
        .papers.map((item) => item.title)
        .join(' '),
    ).toContain('LFM2');
  });
});

describe('monthCounts', () => {
  it('counts papers per month with the empty months between', () => {
    expect(monthCounts(['2025-11-30', null, '2026-02-01', '2025-11-02'])).toEqual([
      { month: '2025-11', count: 2 },
      { month: '2025-12', count: 0 },
      { month: '2026-01', count: 0 },
      { month: '2026-02', count: 1 },
    ]);
    expect(monthCounts([null])).toEqual([]);
    expect(monthLabel('2025-09')).toBe('Sep 2025');
  });
});

describe('list orders', () => {
  it('sorts by upvotes with unknown counts last, keeping the newest-first order among equals', () => {
    const list = [
      paper('a', { upvotes: null }),
      paper('b', { upvotes: 3 }),
      paper('c', { upvotes: 0 }),
      paper('d', { upvotes: 3 }),
    ];
    expect(byUpvotes(list).map((item) => item.id)).toEqual(['b', 'd', 'c', 'a']);
  });

  it("finds a paper's newer and older neighbours in its first topic", () => {
    const list = [
      paper('a', { topics: ['moe'] }),
      paper('b', { topics: ['moe', 'peft'] }),
      paper('c', { topics: ['moe'] }),
    ];
    const byTopic = new Map([['moe', list]]);
    expect(topicNeighbours(list[1]!, byTopic, 'other')).toMatchObject({
      topic: 'moe',
      previous: { id: 'a' },
      next: { id: 'c' },
    });
    expect(topicNeighbours(list[0]!, byTopic, 'other')).toMatchObject({ previous: null, next: { id: 'b' } });
  });
});
