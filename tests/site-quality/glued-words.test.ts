/**
 * Glued words: Astro 7's default HTML compression ('jsx') drops the white space between inline
 * elements and glues words together. The config keeps the HTML-aware compression; for all 477
 * papers the page's text and the search index's text are the record's, space for space.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import config from '../../astro.config.mjs';
import { expectedDigest } from '../browser/helpers.ts';
import { readPagefindFragments, useSharedBrowser } from './helpers.ts';
import { firstDifference, gluedInIndex, gluedOnPages } from './text-checks.ts';

const shared = useSharedBrowser();

test("the config keeps the HTML-aware compression (compressHTML: true), not Astro 7's word-gluing default", () => {
  expect(config.compressHTML).toBe(true);
});

test('on every paper page the h1, "also listed as" line and .abstract read exactly as the record, and the page\'s text holds title and abstract as separate words (477 papers)', async () => {
  const { papers } = expectedDigest().result;
  expect(papers).toHaveLength(477);
  // Abstracts with links (inline <a> between words) and papers with aliases (<cite> elements) are among them.
  expect(papers.filter((paper) => paper.links.length > 0).length).toBeGreaterThan(0);
  expect(papers.filter((paper) => paper.aliases.length > 0).length).toBeGreaterThan(0);
  expect(await gluedOnPages(shared.page, inject('distDir'), papers)).toEqual([]);
}, 120_000);

test("Pagefind's index holds every paper's title, aliases and abstract with the words spaced as in the record (477 papers)", () => {
  const { papers } = expectedDigest().result;
  const fragments = readPagefindFragments(inject('distDir'));
  // Only the paper pages are indexed.
  expect(fragments).toHaveLength(papers.length);
  expect(gluedInIndex(fragments, papers)).toEqual([]);
});

test("the page check sees the glue of Astro 7's default compression (white space between tags dropped)", async () => {
  const paper = expectedDigest().result.papers.find((candidate) => candidate.aliases.length > 0)!;
  const dist = mkdtempSync(join(tmpdir(), 'rd-glue-'));
  try {
    const html = readFileSync(join(inject('distDir'), 'papers', paper.id, 'index.html'), 'utf8');
    mkdirSync(join(dist, 'papers', paper.id), { recursive: true });
    // What compressHTML: 'jsx' does to the site's pages.
    writeFileSync(join(dist, 'papers', paper.id, 'index.html'), html.replace(/>\s+</g, '><'));
    const problems = await gluedOnPages(shared.page, dist, [paper]);
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^${paper.id}: the page's text does not hold the title as separate words`)),
      expect.stringMatching(new RegExp(`^${paper.id}: the page's text does not hold the abstract as separate words`)),
    ]);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});

test('the index check sees glued words when there are some (it can fail)', () => {
  const paper = expectedDigest().result.papers.find((candidate) =>
    candidate.links.some((link) => candidate.abstract.includes(` ${link}`)),
  )!;
  const url = paper.links.find((link) => paper.abstract.includes(` ${link}`))!;
  const glued = paper.abstract.replace(` ${url}`, url);
  expect(glued).not.toBe(paper.abstract);
  expect(
    gluedInIndex(
      [
        {
          url: `/papers/${paper.id}/`,
          content: `${paper.title}. Abstract. ${glued}`,
          meta: { title: paper.title },
          filters: {},
        },
      ],
      [{ ...paper, aliases: [] }],
    ),
  ).toEqual([expect.stringMatching(new RegExp(`^${paper.id}: the indexed content lacks the abstract as written`))]);
  expect(firstDifference('two words', 'twowords')).toContain('but found');
});
