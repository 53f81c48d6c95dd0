/** Link extraction: http(s) URLs in the abstract, without the punctuation of the sentence around them. */
import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../src/ingest/extract-links.ts';
import { ingestTexts } from './helpers.ts';

describe('extractLinks', () => {
  it('leaves the full stop that ends a sentence out of the URL', () => {
    expect(extractLinks('Code is available at https://github.com/weeknan/DR-Tune.')).toEqual([
      'https://github.com/weeknan/DR-Tune',
    ]);
    expect(extractLinks('Code: https://github.com/Susan571/LENSLLM.git.')).toEqual([
      'https://github.com/Susan571/LENSLLM.git',
    ]);
  });

  it('leaves other sentence punctuation and closing brackets out', () => {
    expect(extractLinks('See https://a.example.org/x, https://b.example.org/y; and https://c.example.org/z!')).toEqual([
      'https://a.example.org/x',
      'https://b.example.org/y',
      'https://c.example.org/z',
    ]);
    expect(extractLinks('(project page: https://dense-captions.example.org/).')).toEqual([
      'https://dense-captions.example.org/',
    ]);
  });

  it('keeps a closing parenthesis that belongs to the address', () => {
    expect(extractLinks('See https://en.wikipedia.org/wiki/Adapter_(computing).')).toEqual([
      'https://en.wikipedia.org/wiki/Adapter_(computing)',
    ]);
  });

  it('keeps paths, queries and fragments whole', () => {
    expect(extractLinks('Data at http://data.example.org/v1/train_set?split=dev#top.')).toEqual([
      'http://data.example.org/v1/train_set?split=dev#top',
    ]);
  });

  it('accepts only http and https', () => {
    expect(
      extractLinks('Mirror ftp://files.example.org/data, mail mailto:team@example.org, or visit www.example.org.'),
    ).toEqual([]);
    expect(extractLinks('Nothing here: http:// alone.')).toEqual([]);
  });

  it('lists each URL once, in order of appearance', () => {
    expect(extractLinks('https://b.example.org then https://a.example.org and https://b.example.org again.')).toEqual([
      'https://b.example.org',
      'https://a.example.org',
    ]);
  });

  it('stops at a brace (LaTeX \\href{…}{…} leftovers)', () => {
    expect(extractLinks('at https://github.com/SKDDJ/LoLDU{https://github.com/SKDDJ/LoLDU}.')).toEqual([
      'https://github.com/SKDDJ/LoLDU',
    ]);
  });
});

describe('links on records', () => {
  it('come from the abstract of the record', () => {
    const abstract = [
      'We release a benchmark for adapter methods and measure twelve of them under one protocol.',
      'Code is at https://github.com/example/adapter-bench.',
      'Models are mirrored on ftp://mirror.example.org/models for offline use.',
    ].join(' ');
    const { papers } = ingestTexts({ '000_a.txt': `Abstract:${abstract}\n` });
    expect(papers[0]!.links).toEqual(['https://github.com/example/adapter-bench']);
  });
});
