/** BibTeX entries, read back with Citation.js's BibTeX parser. */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { describe, expect, it } from 'vitest';
import { bibtexEntry, citationKeyBase, citationKeys } from '../../src/lib/bibtex.ts';
import type { PaperRecord } from '../../src/ingest/index.ts';
import { seedCorpus } from './seed-corpus.ts';

interface ParsedEntry {
  'citation-key': string;
  type: string;
  title: string;
  issued?: { 'date-parts': number[][] };
  note?: string;
  author?: unknown;
  URL?: string;
}
const parse = (bib: string) => new Cite(bib).data as unknown as ParsedEntry[];

const paper = (fields: Partial<PaperRecord>): PaperRecord => ({
  ...seedCorpus().papers[0]!,
  organization: null,
  published: null,
  ...fields,
});

describe('citation keys', () => {
  it('are the first telling word of the title and the year', () => {
    expect(citationKeyBase('S²FT: Efficient, Scalable and Generalizable LLM Fine-tuning', '2024')).toBe('s2ft2024');
    expect(citationKeyBase('A Closer Look into Mixture-of-Experts', '2026')).toBe('closer2026');
    expect(citationKeyBase('Élan: Vision', null)).toBe('elan');
  });

  it('stay unique, and a paper listed later never takes the key of one listed earlier', () => {
    const first = paper({ id: 'one', title: 'Adaptive Routing' });
    const second = paper({ id: 'two', title: 'Adaptive Experts' });
    const keys = citationKeys([first, second], () => '2026');
    expect([...keys]).toEqual([
      ['one', 'adaptive2026'],
      ['two', 'adaptive2026b'],
    ]);
    const seeds = seedCorpus().papers;
    const all = citationKeys(seeds, () => null);
    expect(new Set(all.values()).size).toBe(seeds.length);
  });
});

describe('bibtexEntry', () => {
  it('writes a @misc entry that a BibTeX parser reads back: title, year and month, note', () => {
    const entry = bibtexEntry(
      paper({
        title: 'S²FT: Efficient LoRA & MoE_x for 100% of $5 #1 {tasks}',
        published: '2024-12-09',
        organization: 'Liquid AI',
      }),
      's2ft2024',
      { listedDate: '2026-02-20' },
    );
    expect(entry.startsWith('@misc{s2ft2024,\n')).toBe(true);
    const [parsed] = parse(entry);
    expect(parsed!['citation-key']).toBe('s2ft2024');
    // Citation.js writes "²" as a plain 2; everything else comes back as it was.
    expect(parsed!.title).toBe('S2FT: Efficient LoRA & MoE_x for 100% of $5 #1 {tasks}');
    expect(parsed!.issued).toEqual({ 'date-parts': [[2024, 12]] });
    expect(parsed!.note).toBe('Listed on Hugging Face Papers, 20 Feb 2026 (organisation: Liquid AI)');
    expect(parsed!.author).toBeUndefined();
    expect(parsed!.URL).toBeUndefined();
    // Capitalised words keep their case in styles that lower-case titles.
    expect(entry).toContain('{LoRA}');
  });

  it('has no year when no date is known, and only the fields it knows', () => {
    const entry = bibtexEntry(paper({ title: 'Reward Models Prefer Longer Answers' }), 'reward', { listedDate: null });
    const [parsed] = parse(entry);
    expect(parsed!.issued).toBeUndefined();
    expect(parsed!.note).toBe('Listed on Hugging Face Papers');
    expect(entry.match(/^ {2}\w+(?= = )/gm)).toEqual(['  note', '  title']);
  });

  it('writes every seed paper as an entry the parser reads back with its key and title', () => {
    const seeds = seedCorpus().papers;
    const keys = citationKeys(seeds, () => null);
    const bib = seeds.map((seed) => bibtexEntry(seed, keys.get(seed.id)!, { listedDate: null })).join('\n');
    const parsed = parse(bib);
    expect(parsed.map((entry) => entry['citation-key'])).toEqual(seeds.map((seed) => keys.get(seed.id)));
    const plain = (text: string) =>
      text
        .normalize('NFKD')
        .replace(/[^\p{L}\p{N}]+/gu, '')
        .toLowerCase();
    expect(parsed.map((entry) => plain(entry.title))).toEqual(
      seeds.map((seed) => plain(seed.title.replace(/…/g, '...'))),
    );
  });
});
