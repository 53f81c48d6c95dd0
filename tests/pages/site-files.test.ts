/**
 * The files the endpoints answer with, as strings made without Astro: the feeds (src/lib/feeds.ts,
 * through @astrojs/rss's getRssString, as its `rss()` answered them), `/papers.bib` and the reading
 * list's redirects (src/lib/site-files.ts). Expected strings written by hand, the feed's from the
 * RSS of a built site (element order, XML escaping, dates at midnight UTC).
 */
import { describe, expect, it } from 'vitest';
import type { PaperRecord } from '../../src/ingest/index.ts';
import { FEED_LENGTH, siteFeedXml, topicFeedXml } from '../../src/lib/feeds.ts';
import { papersBibtex, readingListRedirectsJson } from '../../src/lib/site-files.ts';
import { dumpReport, paperRecord, siteFixture } from './site-fixture.ts';

const SITE = new URL('https://digest.example/');
const dumps = [dumpReport({ file: '001_a.txt' }), dumpReport({ file: '002_b.txt', order: 1, dumpDate: '2025-10-02' })];
const fresh = paperRecord({
  id: 'new-one',
  title: 'Tricks & <tips>',
  abstract: `It's "good".`,
  topics: ['peft'],
  firstSeen: '002_b.txt',
  published: '2025-09-30',
});
const dated = paperRecord({ id: 'old-one', title: 'Old', published: '2024-05-02' });
const undated = paperRecord({ id: 'old-two', title: 'Undated', abstract: 'X', topics: ['peft'] });

/** The papers newest first and, as the feeds read them, newest dump first. */
function feedSite(papers: PaperRecord[], newestArrivals: PaperRecord[]) {
  return { ...siteFixture(papers, dumps), newestArrivals };
}

const item = (id: string, title: string, description: string, extra: string) =>
  `<item><title>${title}</title><link>https://digest.example/papers/${id}/</link>` +
  `<guid isPermaLink="true">https://digest.example/papers/${id}/</guid><description>${description}</description>${extra}</item>`;
const FRESH_ITEM = item(
  'new-one',
  'Tricks &amp; &lt;tips&gt;',
  'It&apos;s &quot;good&quot;.',
  // The dump's date, not the paper's: when it arrived in the digest.
  '<pubDate>Thu, 02 Oct 2025 00:00:00 GMT</pubDate><category>Parameter-efficient fine-tuning</category>',
);
const UNDATED_ITEM = item('old-two', 'Undated', 'X', '<category>Parameter-efficient fine-tuning</category>');
const channel = (title: string, description: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title>` +
  `<description>${description}</description><link>https://digest.example/</link>`;

describe('siteFeedXml and topicFeedXml', () => {
  it('write every paper newest dump first, dated by its dump or else its publication', async () => {
    const site = feedSite([fresh, dated, undated], [fresh, undated, dated]);
    expect(await siteFeedXml(site, SITE)).toBe(
      channel('Research Digest: new papers', 'Papers as they arrive in the digest, newest dump first.') +
        FRESH_ITEM +
        UNDATED_ITEM +
        item('old-one', 'Old', 'Text.', '<pubDate>Thu, 02 May 2024 00:00:00 GMT</pubDate>') +
        '</channel></rss>',
    );
  });

  it('write a topic’s papers only, and none for a topic with none', async () => {
    const site = feedSite([fresh, dated, undated], [fresh, undated, dated]);
    expect(await topicFeedXml(site, 'peft', SITE)).toBe(
      channel(
        'Research Digest: Parameter-efficient fine-tuning',
        'New papers on Parameter-efficient fine-tuning, newest dump first.',
      ) +
        FRESH_ITEM +
        UNDATED_ITEM +
        '</channel></rss>',
    );
    expect(await topicFeedXml(site, 'unknown', SITE)).toBe(
      channel('Research Digest: unknown', 'New papers on unknown, newest dump first.') + '</channel></rss>',
    );
  });

  it(`hold at most ${FEED_LENGTH} papers`, async () => {
    const papers = Array.from({ length: FEED_LENGTH + 1 }, (_, index) => paperRecord({ id: `p-${index}` }));
    const xml = await siteFeedXml(feedSite(papers, papers), SITE);
    expect(xml.match(/<item>/g)).toHaveLength(FEED_LENGTH);
    expect(xml).toContain(`/papers/p-${FEED_LENGTH - 1}/</link>`);
    expect(xml).not.toContain(`/papers/p-${FEED_LENGTH}/</link>`);
  });
});

describe('papersBibtex', () => {
  it('joins the papers’ entries in citation-key order, one line apart', () => {
    const papers = [paperRecord({ id: 'x' }), paperRecord({ id: 'y' }), paperRecord({ id: 'z' })];
    const citationKeys = new Map([
      ['x', 'smith2025b'],
      ['y', 'jones2024'],
      ['z', 'smith2025a'],
    ]);
    const bibtex = (paper: PaperRecord) => `@misc{${citationKeys.get(paper.id)},\n}\n`;
    expect(papersBibtex({ papers, citationKeys, bibtex })).toBe(
      '@misc{jones2024,\n}\n\n@misc{smith2025a,\n}\n\n@misc{smith2025b,\n}\n',
    );
    expect(papersBibtex({ papers: [], citationKeys: new Map(), bibtex })).toBe('');
  });
});

describe('readingListRedirectsJson', () => {
  it('maps each retired id to the paper it became, in id order', () => {
    const papers = [
      paperRecord({ id: 'merged-b', formerIds: ['old-z', 'old-a'] }),
      paperRecord({ id: 'plain' }),
      paperRecord({ id: 'merged-a', formerIds: ['old-m'] }),
    ];
    expect(readingListRedirectsJson({ papers })).toBe('{"old-a":"merged-b","old-m":"merged-a","old-z":"merged-b"}');
    expect(readingListRedirectsJson({ papers: [paperRecord({})] })).toBe('{}');
  });
});
