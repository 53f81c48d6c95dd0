/**
 * The `paper:` citation plugin for editorial MDX, on the real seeds: ids resolve, a retired id
 * follows its redirect, exact titles (current or former) resolve, and a reference to no paper
 * fails with the file, the line and the closest titles.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Link, Root } from 'mdast';
import { ingestDumps, readDumpFolder, readTopicDefinitions, type PaperRecord } from '../../src/ingest/index.ts';
import { indexPaperReferences, parsePaperUrl, type PaperSummary } from '../../src/markdown/paper-references.ts';
import { remarkPaperCitations } from '../../src/markdown/remark-paper-citations.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let papers: PaperRecord[];

beforeAll(() => {
  papers = ingestDumps(readDumpFolder(join(ROOT, 'seeds')), readTopicDefinitions(join(ROOT, 'content/topics'))).papers;
});

function citeLinks(markdown: string, summaries: readonly PaperSummary[] = papers): Link[] {
  const index = indexPaperReferences(summaries);
  const processor = unified()
    .use(remarkParse)
    .use(remarkPaperCitations, { papers: () => index });
  const file = new VFile({ path: 'content/topics/example.mdx', value: markdown });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  const links: Link[] = [];
  const collect = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'link') links.push(node as Link);
    for (const child of (node.children ?? []) as { type: string }[]) collect(child);
  };
  collect(tree);
  return links;
}

describe('paper: references', () => {
  it('parses an id, a quoted title in angle brackets and an encoded title', () => {
    expect(parsePaperUrl('paper:lfm2-technical-report')).toBe('lfm2-technical-report');
    expect(parsePaperUrl('paper:"LFM2 Technical Report"')).toBe('LFM2 Technical Report');
    expect(parsePaperUrl('paper:LFM2%20Technical%20Report')).toBe('LFM2 Technical Report');
    expect(parsePaperUrl('https://example.org')).toBeNull();
  });

  it('links an id to the paper page with its current title', () => {
    const [link] = citeLinks('See [the report](paper:lfm2-technical-report).');
    expect(link).toMatchObject({ url: '/papers/lfm2-technical-report/', title: 'LFM2 Technical Report' });
  });

  it('links an exact title, in any case and spacing, written in angle brackets', () => {
    const [link] = citeLinks(
      'See [S2FT](<paper:"S$^{2}$FT:  Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity">).',
    );
    expect(link?.url).toBe('/papers/s2ft-efficient-scalable-and-generalizable-llm-fine-tuning-by/');
    expect(link?.title).toBe('S²FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity');
  });

  it('follows a retired id to the paper it became', () => {
    // The seeds retire no id; a later dump that merges two papers does (tests/new-dump).
    const summaries = papers.map((paper) =>
      paper.id === 'lfm2-technical-report' ? { ...paper, formerIds: ['lfm2-report-preprint'] } : paper,
    );
    const [link] = citeLinks('[x](paper:lfm2-report-preprint)', summaries);
    expect(link).toMatchObject({ url: '/papers/lfm2-technical-report/', title: 'LFM2 Technical Report' });
  });

  it('resolves a former title (an alias) to the paper', () => {
    const renamed = papers.find((paper) => paper.aliases.length > 0)!;
    const [link] = citeLinks(`[x](<paper:"${renamed.aliases[0]}">)`);
    expect(link?.url).toBe(`/papers/${renamed.id}/`);
  });

  it('leaves other links alone', () => {
    const [link] = citeLinks('[site](https://example.org/)');
    expect(link).toMatchObject({ url: 'https://example.org/', title: null });
  });

  it('fails with file, line and the closest titles for an unknown id', () => {
    expect(() => citeLinks('Intro.\n\nSee [x](paper:lfm2-technical-reprot) too.')).toThrow(
      /^content\/topics\/example\.mdx:3: no paper matches "paper:lfm2-technical-reprot"\. Closest: "LFM2 Technical Report" \(paper:lfm2-technical-report\)/,
    );
  });

  it('fails for an unknown title and names close ones', () => {
    expect(() => citeLinks('[x](<paper:"A Closer Look into Mixture of Experts">)')).toThrow(
      /example\.mdx:1: no paper matches .*Closest: "A Closer Look into Mixture-of-Experts in Large Language Models"/,
    );
  });

  it('fails for a title reference written without angle brackets, which Markdown cannot read as a link', () => {
    expect(() => citeLinks('\n[x](paper:"LFM2 Technical Report")')).toThrow(
      /example\.mdx:2: this paper reference is not a link; a title needs angle brackets/,
    );
    expect(() => citeLinks('[x](paper:LFM2 Technical Report)')).toThrow(
      /example\.mdx:1: this paper reference is not a link/,
    );
  });

  it('resolves a reference-style link, and fails for one to no paper', () => {
    const definitions = (() => {
      const index = indexPaperReferences(papers);
      const processor = unified()
        .use(remarkParse)
        .use(remarkPaperCitations, { papers: () => index });
      const file = new VFile({
        path: 'content/topics/example.mdx',
        value: 'See [the report][r].\n\n[r]: paper:lfm2-technical-report',
      });
      const tree = processor.runSync(processor.parse(file), file) as Root;
      return tree.children.filter((node) => node.type === 'definition');
    })();
    expect(definitions).toMatchObject([{ url: '/papers/lfm2-technical-report/', title: 'LFM2 Technical Report' }]);
    expect(() => citeLinks('See [x][r].\n\n[r]: paper:no-such-paper')).toThrow(
      /example\.mdx:3: no paper matches "paper:no-such-paper"/,
    );
  });

  it('reads the prefix in any case', () => {
    const [link] = citeLinks('[x](Paper:lfm2-technical-report)');
    expect(link?.url).toBe('/papers/lfm2-technical-report/');
  });

  it('fails for a title two papers share, asking for an id', () => {
    const twins: PaperSummary[] = [
      { id: 'technical-report', title: 'Technical Report', aliases: [], formerIds: [] },
      { id: 'technical-report-2', title: 'Technical Report', aliases: [], formerIds: [] },
    ];
    expect(() => citeLinks('[x](<paper:"Technical Report">)', twins)).toThrow(
      /more than one paper has the title of "paper:Technical Report"; cite it by id/,
    );
    expect(citeLinks('[x](paper:technical-report-2)', twins)[0]?.url).toBe('/papers/technical-report-2/');
  });

  it('names the three closest titles, by the share of words in common, then by id', () => {
    // "sparse experts routing": three words. Each paper's words are its title's and its id's.
    const summaries: PaperSummary[] = [
      // {sparse, experts, b}: 2 shared, 2·2 / (3 + 3) = 0.667
      { id: 'b-sparse-experts', title: 'Sparse Experts', aliases: [], formerIds: [] },
      // {sparse, experts, a}: 0.667 too, and first of the two by id
      { id: 'a-sparse-experts', title: 'Sparse Experts', aliases: [], formerIds: [] },
      // {routing}: 2·1 / (3 + 1) = 0.5, fourth: left out
      { id: 'routing', title: 'Routing', aliases: [], formerIds: [] },
      // {sparse, routing, experts, everywhere}: 2·3 / (3 + 4) = 0.857, the closest
      {
        id: 'sparse-routing-experts-everywhere',
        title: 'Sparse Routing Experts Everywhere',
        aliases: [],
        formerIds: [],
      },
      // nothing shared: never named
      { id: 'unrelated', title: 'Unrelated', aliases: [], formerIds: [] },
    ];
    const index = indexPaperReferences(summaries);
    expect(index.resolve('sparse-experts-routing')).toEqual({
      found: false,
      ambiguous: false,
      suggestions: [
        '"Sparse Routing Experts Everywhere" (paper:sparse-routing-experts-everywhere)',
        '"Sparse Experts" (paper:a-sparse-experts)',
        '"Sparse Experts" (paper:b-sparse-experts)',
      ],
    });
    expect(index.resolve('routing everywhere')).toMatchObject({
      found: false,
      // {sparse, routing, experts, everywhere}: 2·2 / (2 + 4) = 0.667; {routing}: 2·1 / (2 + 1) = 0.667, "routing" < "sparse-…"
      suggestions: [
        '"Routing" (paper:routing)',
        '"Sparse Routing Experts Everywhere" (paper:sparse-routing-experts-everywhere)',
      ],
    });
    expect(index.resolve('quantum chromodynamics')).toEqual({ found: false, ambiguous: false, suggestions: [] });
  });

  it("reads no other paper's title to resolve an id", () => {
    let titlesRead = 0;
    const counted = papers.map((paper) => ({
      id: paper.id,
      aliases: paper.aliases,
      formerIds: paper.formerIds,
      get title() {
        titlesRead++;
        return paper.title;
      },
    }));
    const index = indexPaperReferences(counted);
    expect(index.resolve('lfm2-technical-report')).toMatchObject({ found: true, title: 'LFM2 Technical Report' });
    expect(titlesRead).toBe(1);
    // A title reference needs every title; the index is made once.
    expect(index.resolve('LFM2 Technical Report')).toMatchObject({ found: true, via: 'title' });
    const afterIndex = titlesRead;
    expect(afterIndex).toBeGreaterThan(papers.length);
    expect(
      index.resolve('S2FT Efficient Scalable and Generalizable LLM Fine-tuning by Structured Sparsity'),
    ).toMatchObject({
      found: true,
    });
    expect(titlesRead).toBe(afterIndex + 1);
  });
});
