/** Strings kept from one build to the next (src/lib/kept-strings.ts): BibTeX entries, card previews. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeptStrings, bibtexEntryCache, previewCache } from '../../src/lib/kept-strings.ts';
import { bibtexEntry, bibtexInput, bibtexOfInput, citationKeys } from '../../src/lib/bibtex.ts';
import { previewSentence } from '../../src/lib/paper-preview.ts';
import { seedCorpus } from './seed-corpus.ts';

let project: string;
const OPTIONS = { name: 'test-strings.json', code: ['src/lib/derive.ts', 'node_modules/library/package.json'] };
const CODE = [...OPTIONS.code, 'src/lib/kept-strings.ts'];
const writeCode = (file: string, text: string) => {
  mkdirSync(dirname(join(project, file)), { recursive: true });
  writeFileSync(join(project, file), text);
};

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'kept-strings-'));
  for (const file of CODE) writeCode(file, `the code of ${file}`);
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

const failToMake = (): string => {
  throw new Error('made again');
};

/** A build: each source's string, the sources made counted; the strings kept at the end. */
function build(sources: string[], root: string | null = project): { strings: string[]; made: string[] } {
  const kept = new KeptStrings(root, OPTIONS);
  const made: string[] = [];
  const strings = sources.map((source) =>
    kept.get(source, () => {
      made.push(source);
      return `made of ${source}`;
    }),
  );
  kept.keep((message) => {
    throw new Error(message);
  });
  return { strings, made };
}

describe('KeptStrings', () => {
  it('makes each string once, and the next build takes it from the file', () => {
    expect(build(['LoRA', 'DPO'])).toEqual({ strings: ['made of LoRA', 'made of DPO'], made: ['LoRA', 'DPO'] });
    expect(build(['LoRA', 'DPO', 'MoE'])).toEqual({
      strings: ['made of LoRA', 'made of DPO', 'made of MoE'],
      made: ['MoE'],
    });
  });

  it('makes a string again when its source changed', () => {
    build(['LoRA adapters']);
    expect(build(['LoRA adapters.']).made).toEqual(['LoRA adapters.']);
  });

  it('keeps only the strings of the last build', () => {
    build(['LoRA', 'DPO']);
    build(['DPO']);
    expect(build(['LoRA', 'DPO']).made).toEqual(['LoRA']);
  });

  it('ignores the file when the code that makes the strings changed, or a library it uses', () => {
    build(['LoRA']);
    writeCode('src/lib/derive.ts', 'the code, changed');
    expect(build(['LoRA']).made).toEqual(['LoRA']);
    writeCode('node_modules/library/package.json', '{"version": "9.9.9"}');
    expect(build(['LoRA']).made).toEqual(['LoRA']);
    expect(build(['LoRA']).made).toEqual([]);
  });

  it('ignores a damaged file, and one that is not there', () => {
    build(['LoRA']);
    writeFileSync(join(project, 'node_modules', '.cache', 'research-digest', OPTIONS.name), '{"format": "research-d');
    expect(build(['LoRA']).made).toEqual(['LoRA']);
    rmSync(join(project, 'node_modules', '.cache'), { recursive: true });
    expect(build(['LoRA']).made).toEqual(['LoRA']);
  });

  it('keeps nothing without a project (a corpus too large to keep strings for)', () => {
    expect(build(['LoRA'], null).made).toEqual(['LoRA']);
    expect(build(['LoRA'], null).made).toEqual(['LoRA']);
  });
});

describe('the kept BibTeX entries and previews', () => {
  it('are exactly what Citation.js and the preview rules make, from the file too', () => {
    for (const file of ['src/lib/bibtex.ts', 'src/lib/paper-preview.ts']) writeCode(file, `the code of ${file}`);
    for (const library of ['core', 'plugin-bibtex', 'date', 'name'])
      writeCode(`node_modules/@citation-js/${library}/package.json`, `{"name": "${library}"}`);
    const papers = seedCorpus().papers.slice(0, 40);
    const keys = citationKeys(papers, () => null);
    const listing = { listedDate: '2025-06-02' };
    const inputs = papers.map((paper) => bibtexInput(paper, keys.get(paper.id)!, listing));
    const entries = papers.map((paper) => bibtexEntry(paper, keys.get(paper.id)!, listing));
    const previews = papers.map((paper) => previewSentence(paper.abstract));

    const [bibtex, preview] = [bibtexEntryCache(project), previewCache(project)];
    expect(inputs.map((input) => bibtex.get(JSON.stringify(input), () => bibtexOfInput(input)))).toEqual(entries);
    expect(papers.map((paper) => preview.get(paper.abstract, () => previewSentence(paper.abstract)))).toEqual(previews);
    for (const kept of [bibtex, preview]) kept.keep(() => {});

    const [nextBibtex, nextPreview] = [bibtexEntryCache(project), previewCache(project)];
    expect(inputs.map((input) => nextBibtex.get(JSON.stringify(input), failToMake))).toEqual(entries);
    expect(papers.map((paper) => nextPreview.get(paper.abstract, failToMake))).toEqual(previews);
  });
});
