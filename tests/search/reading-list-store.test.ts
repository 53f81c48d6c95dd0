/** The reading list's file format, merging and retired-id resolution (src/scripts/reading-list-store.ts). */
import { describe, expect, test } from 'vitest';
import { readingListBibtex, readingListJson } from '../../src/scripts/reading-list-export.ts';
import {
  mergeLists,
  parseReadingListFile,
  resolveRetired,
  type SavedPaper,
} from '../../src/scripts/reading-list-store.ts';

const paper = (id: string, note = ''): SavedPaper => ({
  id,
  title: `Title of ${id}`,
  published: '2025-03-04',
  topics: ['Alignment'],
  note,
  saved: '2026-01-01T00:00:00.000Z',
});

describe('reading list files', () => {
  test('the JSON export parses back to the same papers', () => {
    const papers = [paper('a-paper', 'a note'), { ...paper('b-paper'), published: '' }];
    expect(parseReadingListFile(readingListJson(papers))).toEqual(papers);
  });

  test('a file of another kind, or entries without a usable id, are refused', () => {
    expect(() => parseReadingListFile('{"papers": []}')).toThrow('not a Research Digest reading list');
    expect(() => parseReadingListFile('not json')).toThrow();
    const file = JSON.stringify({
      format: 'research-digest-reading-list',
      version: 1,
      papers: [{ id: '../x' }, { id: 7 }, { id: 'ok-id', title: 3, published: 'soon', topics: ['A', 1] }],
    });
    expect(parseReadingListFile(file)).toEqual([
      { id: 'ok-id', title: 'ok-id', published: '', topics: ['A'], note: '', saved: '' },
    ]);
  });

  test('BibTeX escapes titles and notes', () => {
    const bibtex = readingListBibtex(
      [{ ...paper('x-paper', '50% & {more}'), title: 'S²FT_{2}' }],
      'https://digest.example',
    );
    expect(bibtex).toBe(
      '@misc{x-paper,\n  title = {{S²FT\\_\\{2\\}}},\n  year = {2025},\n  month = {3},\n  url = {https://digest.example/papers/x-paper/},\n  note = {Listed on Hugging Face Papers; digest entry x-paper. 50\\% \\& \\{more\\}}\n}\n',
    );
  });
});

describe('merging', () => {
  test('an import adds new papers and fills notes missing from saved ones', () => {
    const merged = mergeLists(
      [paper('a-paper'), paper('b-paper', 'mine')],
      [paper('a-paper', 'theirs'), paper('b-paper', 'theirs'), paper('c-paper')],
    );
    expect(merged.map((entry) => [entry.id, entry.note])).toEqual([
      ['a-paper', 'theirs'],
      ['b-paper', 'mine'],
      ['c-paper', ''],
    ]);
  });

  test('retired ids become the ids they lead to, two that became one are kept once', () => {
    const resolved = resolveRetired([paper('old-a', 'note a'), paper('new-a'), paper('old-b')], {
      'old-a': 'new-a',
      'old-b': 'new-b',
    });
    expect(resolved.map((entry) => [entry.id, entry.note])).toEqual([
      ['new-a', 'note a'],
      ['new-b', ''],
    ]);
  });
});
