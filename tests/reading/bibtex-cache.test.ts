/** The BibTeX entries kept from one build to the next (src/lib/bibtex-cache.ts). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BibtexCache } from '../../src/lib/bibtex-cache.ts';
import { bibtexEntry, bibtexInput, bibtexOfInput, citationKeys, type BibtexInput } from '../../src/lib/bibtex.ts';
import { seedCorpus } from './seed-corpus.ts';

let project: string;
const CODE = [
  'src/lib/bibtex.ts',
  'src/lib/bibtex-cache.ts',
  'node_modules/@citation-js/core/package.json',
  'node_modules/@citation-js/plugin-bibtex/package.json',
];
const writeCode = (file: string, text: string) => {
  mkdirSync(dirname(join(project, file)), { recursive: true });
  writeFileSync(join(project, file), text);
};

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'bibtex-cache-'));
  for (const file of CODE) writeCode(file, `the code of ${file}`);
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

const input = (title: string): BibtexInput => ({
  'citation-key': title.toLowerCase().replace(/\W/g, ''),
  type: 'document',
  title,
  note: 'Listed on Hugging Face Papers',
});
const failToMake = (made: BibtexInput): string => {
  throw new Error(`made again: ${made.title}`);
};

/** A build: each input's entry, with every entry made counted; the entries kept at the end. */
function build(inputs: BibtexInput[]): { entries: string[]; made: string[] } {
  const cache = BibtexCache.forProject(project);
  const made: string[] = [];
  const entries = inputs.map((one) =>
    cache.entry(one, (asked) => {
      made.push(asked.title);
      return `entry of ${asked.title}`;
    }),
  );
  cache.keep((message) => {
    throw new Error(message);
  });
  return { entries, made };
}

describe('BibtexCache', () => {
  it('makes each entry once, and the next build takes them from the file', () => {
    expect(build([input('LoRA'), input('DPO')])).toEqual({
      entries: ['entry of LoRA', 'entry of DPO'],
      made: ['LoRA', 'DPO'],
    });
    expect(build([input('LoRA'), input('DPO'), input('MoE')])).toEqual({
      entries: ['entry of LoRA', 'entry of DPO', 'entry of MoE'],
      made: ['MoE'],
    });
  });

  it('makes an entry again when anything Citation.js is given changed', () => {
    build([input('LoRA')]);
    const dated = { ...input('LoRA'), issued: { 'date-parts': [[2024, 5]] } };
    expect(build([dated]).made).toEqual(['LoRA']);
    expect(build([{ ...dated, note: 'Listed on Hugging Face Papers, 1 May 2024' }]).made).toEqual(['LoRA']);
  });

  it('keeps only the entries of the last build', () => {
    build([input('LoRA'), input('DPO')]);
    build([input('DPO')]);
    expect(build([input('LoRA'), input('DPO')]).made).toEqual(['LoRA']);
  });

  it('ignores the file when the code that makes entries changed', () => {
    build([input('LoRA')]);
    writeCode('src/lib/bibtex.ts', 'the code of src/lib/bibtex.ts, changed');
    expect(build([input('LoRA')]).made).toEqual(['LoRA']);
    writeCode('node_modules/@citation-js/plugin-bibtex/package.json', '{"version": "9.9.9"}');
    expect(build([input('LoRA')]).made).toEqual(['LoRA']);
  });

  it('ignores a damaged file, and one that is not there', () => {
    expect(build([input('LoRA')]).made).toEqual(['LoRA']);
    writeFileSync(join(project, 'node_modules', '.cache', 'research-digest', 'bibtex.json'), '{"format": "research-d');
    expect(build([input('LoRA')]).made).toEqual(['LoRA']);
    rmSync(join(project, 'node_modules', '.cache'), { recursive: true });
    expect(build([input('LoRA')]).made).toEqual(['LoRA']);
  });

  it('gives the seeds’ entries exactly as Citation.js makes them, from the file too', () => {
    const papers = seedCorpus().papers.slice(0, 40);
    const keys = citationKeys(papers, () => null);
    const inputs = papers.map((paper) => bibtexInput(paper, keys.get(paper.id)!, { listedDate: '2025-06-02' }));
    const expected = papers.map((paper) => bibtexEntry(paper, keys.get(paper.id)!, { listedDate: '2025-06-02' }));
    const first = BibtexCache.forProject(project);
    expect(inputs.map((one) => first.entry(one, bibtexOfInput))).toEqual(expected);
    first.keep(() => {});
    const second = BibtexCache.forProject(project);
    expect(inputs.map((one) => second.entry(one, failToMake))).toEqual(expected);
  });
});
