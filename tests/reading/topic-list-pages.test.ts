/**
 * The pages of the topic lists as plain functions of the site data (src/lib/topic-list-pages.ts),
 * on the seeds: which pages a topic gets in each order, their titles, descriptions and feeds, the
 * figures of the count line, and the introduction on page 1 of the newest-first list only. The
 * figures are those of the seeds (Alignment: 65 papers, so 50 on page 1 and 15 on page 2), as the
 * built site shows them; tests/site-build/route-shells.test.ts compares the whole pages with
 * Astro's rendering.
 */
import { describe, expect, it } from 'vitest';
import { OTHER_TOPIC, readTopicDefinitions, topicNames } from '../../src/ingest/index.ts';
import { organisations } from '../../src/lib/organisations.ts';
import { papersNewestFirst } from '../../src/lib/paper-order.ts';
import { papersByTopic } from '../../src/lib/reading-aids.ts';
import { SHELL_SLOT } from '../../src/lib/route-shell.ts';
import { topicListPages } from '../../src/lib/topic-list-pages.ts';
import { join } from 'node:path';
import { PROJECT_ROOT, seedCorpus } from './seed-corpus.ts';

function siteData() {
  const corpus = seedCorpus();
  const papers = papersNewestFirst(corpus.papers, corpus.dumps);
  const topicSummaries = [
    ...readTopicDefinitions(join(PROJECT_ROOT, 'content/topics')).map(({ id, name, description }) => ({
      id,
      name,
      description,
    })),
    OTHER_TOPIC,
  ];
  const latestDump = corpus.dumps.at(-1) ?? null;
  return {
    topicSummaries,
    papersByTopic: papersByTopic(
      papers,
      topicSummaries.map((topic) => topic.id),
    ),
    papers,
    newPapers: papers.filter((paper) => paper.firstSeen === latestDump?.file),
    latestDump,
    dumpArrivals: [] as [string, number][],
    themes: new Map(),
    organisationIds: new Map(
      organisations(papers, OTHER_TOPIC.id).map((organisation) => [organisation.name, organisation.id]),
    ),
    dumpDates: new Map(corpus.dumps.map((dump) => [dump.file, dump.dumpDate])),
    topicNames: topicNames(topicSummaries),
  };
}

const INTROS = new Map([
  ['alignment', '<p>About alignment.</p>'],
  ['moe', ''],
  ['multimodal', ''],
  ['peft', ''],
]);

describe('topicListPages', () => {
  const data = siteData();

  it('gives Alignment, 65 papers, two pages in each order, as Astro numbered them', () => {
    const newest = topicListPages(data, 'newest', INTROS).filter((page) => page.path.startsWith('/topics/alignment/'));
    const upvoted = topicListPages(data, 'upvoted', INTROS).filter((page) =>
      page.path.startsWith('/topics/alignment/'),
    );
    expect(newest.map((page) => [page.path, page.title])).toEqual([
      ['/topics/alignment/', 'Alignment'],
      ['/topics/alignment/2/', 'Alignment, page 2'],
    ]);
    expect(upvoted.map((page) => [page.path, page.title])).toEqual([
      ['/topics/alignment/upvoted/', 'Alignment, most upvoted'],
      ['/topics/alignment/upvoted/2/', 'Alignment, most upvoted, page 2'],
    ]);
    expect(newest[0]!.feeds).toEqual([{ title: 'Research Digest: Alignment', href: '/topics/alignment/feed.xml' }]);
    expect(newest[0]!.bodyHtml()).toContain(
      '<span data-topic-count>65 papers</span>, newest first · showing 1–50.</p>',
    );
    expect(newest[1]!.bodyHtml()).toContain(
      '<span data-topic-count>65 papers</span>, newest first · showing 51–65.</p>',
    );
    expect(upvoted[1]!.bodyHtml()).toContain(', most upvoted first · showing 51–65.</p>');
    expect(newest[1]!.bodyHtml()).toContain(
      '<nav class="pagination" aria-label="Pages"> <a href="/topics/alignment/" rel="prev">← Newer</a> <span>Page 2 of 2</span>',
    );
    expect(upvoted[0]!.bodyHtml()).toContain('rel="next">Older →</a>');
    expect(upvoted[0]!.bodyHtml()).toContain('<a href="/topics/alignment/upvoted/2/" rel="next">');
  });

  it('opens page 1 of the newest-first list with the introduction, and no other page', () => {
    const pages = [...topicListPages(data, 'newest', INTROS), ...topicListPages(data, 'upvoted', INTROS)];
    const withIntro = pages.filter((page) => page.bodyHtml().includes('<div class="topic-intro">'));
    // In the topics' order (their `order` field: PEFT first).
    expect(withIntro.map((page) => page.path)).toEqual([
      '/topics/peft/',
      '/topics/alignment/',
      '/topics/moe/',
      '/topics/multimodal/',
    ]);
    expect(withIntro[1]!.bodyHtml()).toContain('<div class="topic-intro"><p>About alignment.</p></div>');
    const slot = topicListPages(data, 'newest', new Map([...INTROS].map(([id]) => [id, SHELL_SLOT])));
    expect(slot[0]!.bodyHtml()).toContain(`<div class="topic-intro">${SHELL_SLOT}</div>`);
  });

  it('describes "Other" with its page description, and stops when a topic has no introduction', () => {
    const other = topicListPages(data, 'newest', INTROS).find((page) => page.path === '/topics/other/')!;
    expect(other.description).toBe(OTHER_TOPIC.pageDescription);
    expect(other.bodyHtml()).not.toContain('topic-intro');
    expect(() => topicListPages(data, 'newest', new Map([['alignment', '']]))).toThrow(
      /no introduction of the topic "peft"/,
    );
  });
});
