/**
 * `paper:` citations in topic introductions, through a real `astro build` of a project copy with
 * the seeds: a reference to no paper stops the build with the file, the line and the closest title;
 * with RESEARCH_DIGEST_CITATIONS=warn (a build from dumps that lack the cited papers) the build
 * goes on, says so, and shows the link's text unlinked.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, makeSiteCopy, PROJECT_ROOT, readPage, type SiteCopy } from './helpers.ts';

const MISSPELT = '[A Closer Look](paper:a-closer-look-into-mixture-of-expert-in-llms)';
let copy: SiteCopy;
let topicFile: string;
let misspeltLine: number;

beforeAll(() => {
  copy = makeSiteCopy('citations');
  cpSync(join(PROJECT_ROOT, 'seeds'), copy.seeds, { recursive: true });
  topicFile = join(copy.root, 'content/topics/moe.mdx');
  const text = `${readFileSync(topicFile, 'utf8').trimEnd()}\n\nA misspelt citation: ${MISSPELT}.\n`;
  writeFileSync(topicFile, text);
  misspeltLine = text.split('\n').findIndex((line) => line.includes(MISSPELT)) + 1;
});

afterAll(() => copy?.remove());

describe('a citation of no paper', () => {
  test('stops the build, naming the file, the line and the closest title', async () => {
    const build = buildSite(copy, join(copy.root, 'dist-fail'), { RESEARCH_DIGEST_CITATIONS: 'fail' });
    await expect(build).rejects.toThrow(
      `content/topics/moe.mdx:${misspeltLine}: no paper matches "paper:a-closer-look-into-mixture-of-expert-in-llms"`,
    );
    await expect(build).rejects.toThrow(
      'Closest: "A Closer Look into Mixture-of-Experts in Large Language Models" (paper:a-closer-look-into-mixture-of-experts-in-large-language-models)',
    );
  }, 180_000);

  test('with RESEARCH_DIGEST_CITATIONS=warn: a warning, and the text without a link; the good citations still link', async () => {
    const dist = join(copy.root, 'dist-warn');
    const log = await buildSite(copy, dist, { RESEARCH_DIGEST_CITATIONS: 'warn' });
    expect(log).toMatch(
      new RegExp(`warning: .*content/topics/moe\\.mdx:${misspeltLine}: no paper matches .* Shown as text\\.`),
    );
    const page = readPage(dist, '/topics/moe/')!;
    expect(page).toContain('A misspelt citation: A Closer Look.');
    expect(page).toContain(
      '<a href="/papers/a-review-of-sparse-expert-models-in-deep-learning/" title="A Review of Sparse Expert Models in Deep Learning">A Review of Sparse Expert Models in Deep Learning</a>',
    );
  }, 180_000);
});
