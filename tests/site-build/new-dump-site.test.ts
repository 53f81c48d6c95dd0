/**
 * "When a new dump arrives", on the built site. One copy of the project is built three times as
 * dumps arrive (tests/fixtures/new-dump/, see tests/new-dump/helpers.ts for what each brings):
 *
 *   dist-1: 001 (metadata) + 002 (abstract lines)
 *   dist-2: + 003 (daily page: renames), 004 (line pairs), 005 (002 again under another name)
 *   dist-3: + 006 (metadata: new papers, upvotes, a rename, two records tied into one)
 *
 * A second, fresh copy builds all six at once; its site must be byte-for-byte the same as dist-3.
 * SITE_URL is https://digest.example.org in every build.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaperRecord } from '../../src/ingest/index.ts';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { DUMPS, ID } from '../new-dump/helpers.ts';
import {
  SITE_URL,
  buildSite,
  cardIds,
  elementById,
  feedLinks,
  filesThatDiffer,
  hashTree,
  ingestJson,
  ingestLogLine,
  listFiles,
  listItemIds,
  makeSiteCopy,
  newBadgeCardIds,
  pageHeading,
  pageSources,
  parseFeed,
  readPage,
  redirectTarget,
  topicNewCount,
  type SiteCopy,
} from './helpers.ts';

const TOPICS = ['peft', 'alignment', 'moe', 'multimodal', 'other'];

describe('building again after new dumps arrive', () => {
  let copy: SiteCopy;
  let fresh: SiteCopy;
  const logs: string[] = [];
  let freshLog = '';
  let dist: (build: 1 | 2 | 3) => string;
  let cliJson = '';
  let seconds = '';

  beforeAll(async () => {
    const started = performance.now();
    copy = makeSiteCopy('new-dump');
    fresh = makeSiteCopy('new-dump-fresh');
    dist = (build) => join(copy.root, `dist-${build}`);
    const arrivals = async () => {
      copy.addDump('001_alpha.txt');
      copy.addDump('002_bravo.txt');
      logs.push(await buildSite(copy, 'dist-1'));
      copy.addDump('003_charlie.txt');
      copy.addDump('004_delta.txt');
      copy.addDump('005_echo.txt');
      logs.push(await buildSite(copy, 'dist-2'));
      copy.addDump('006_foxtrot.txt');
      logs.push(await buildSite(copy, 'dist-3'));
      cliJson = await ingestJson(copy);
    };
    const allAtOnce = async () => {
      for (const name of DUMPS) fresh.addDump(name);
      freshLog = await buildSite(fresh, 'dist');
    };
    await Promise.all([arrivals(), allAtOnce()]);
    seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`[site-build] four builds in ${seconds} s`);
  }, 300_000);

  afterAll(() => {
    copy?.remove();
    fresh?.remove();
  });

  describe('fast rebuild', () => {
    it('parses only the dumps that arrived since the last build; the others come from the parse cache', () => {
      expect(logs.map(ingestLogLine)).toEqual([
        '5 papers from 2 dumps (parsed 2: 001_alpha.txt, 002_bravo.txt; 0 from cache)',
        '7 papers from 5 dumps (parsed 3: 003_charlie.txt, 004_delta.txt, 005_echo.txt; 2 from cache)',
        '8 papers from 6 dumps (parsed 1: 006_foxtrot.txt; 5 from cache)',
      ]);
      expect(ingestLogLine(freshLog)).toBe(
        '8 papers from 6 dumps (parsed 6: 001_alpha.txt, 002_bravo.txt, 003_charlie.txt, 004_delta.txt, 005_echo.txt, 006_foxtrot.txt; 0 from cache)',
      );
    });
  });

  describe('permalinks', () => {
    it('has a page per paper and a redirect for the retired record', () => {
      const dirs = (build: 1 | 2 | 3) =>
        [...new Set(listFiles(join(dist(build), 'papers')).map((file) => file.split('/')[0]!))].sort();
      expect(dirs(1)).toEqual([ID.frugal, ID.reward, ID.routing, ID.routingRevised, ID.charts]);
      expect(dirs(2)).toEqual([ID.fish, ID.frugal, ID.prompt, ID.reward, ID.routing, ID.routingRevised, ID.charts]);
      expect(dirs(3)).toEqual([
        ID.fish,
        ID.dpo,
        ID.frugal,
        ID.video,
        ID.prompt,
        ID.reward,
        ID.routing,
        ID.routingRevised,
        ID.charts,
      ]);
      const retired = readPage(dist(3), `/papers/${ID.routingRevised}/`)!;
      expect(redirectTarget(retired)).toBe(`/papers/${ID.routing}/`);
      expect(retired).toContain(`<link rel="canonical" href="${SITE_URL}/papers/${ID.routing}/">`);
    });

    it('answers every paper URL of the earlier builds with the same paper', () => {
      for (const build of [1, 2] as const) {
        const ids = [...new Set(listFiles(join(dist(build), 'papers')).map((file) => file.split('/')[0]!))];
        for (const id of ids) {
          const before = readPage(dist(build), `/papers/${id}/`)!;
          expect(redirectTarget(before), `${id} in dist-${build}`).toBeNull();
          let now = readPage(dist(3), `/papers/${id}/`);
          expect(now, `/papers/${id}/ in dist-3`).not.toBeNull();
          const target = redirectTarget(now!);
          if (target !== null) now = readPage(dist(3), target);
          expect(now && redirectTarget(now), `${id} leads to a paper page`).toBeNull();
          // The same paper: it still lists every sighting the earlier page listed.
          expect(pageSources(now!), `sources of /papers/${id}/`).toEqual(expect.arrayContaining(pageSources(before)));
          expect(pageSources(before).length).toBeGreaterThan(0);
        }
      }
    });

    it('shows the newest title at the old URL, with the older titles as "also listed as"', () => {
      const heading = (build: 1 | 2 | 3, id: string) => pageHeading(readPage(dist(build), `/papers/${id}/`)!);
      expect(heading(1, ID.reward)).toBe('Reward Models That Know When They Are Wrong');
      expect(heading(3, ID.reward)).toBe('Calibrated Reward Models Abstain When Unsure');
      expect(readPage(dist(3), `/papers/${ID.reward}/`)).toContain(
        'Also listed as: <cite>Reward Models That Know When They Are Wrong</cite>',
      );
      expect(heading(1, ID.charts)).toBe(
        'Vision-language models answer questions about charts by reading pixels, but…',
      );
      expect(heading(3, ID.charts)).toBe('Charts Need Captions: Grounded Chart Question Answering');
      expect(heading(2, ID.fish)).toBe('Counting Fish with Sonar and Small Networks');
      expect(heading(3, ID.fish)).toBe('Counting Fish from Echo Sounder Returns');
      expect(pageSources(readPage(dist(3), `/papers/${ID.routing}/`)!)).toEqual([
        '001_alpha.txt:21',
        '002_bravo.txt:2',
        '005_echo.txt:2',
        '006_foxtrot.txt:29',
      ]);
    });
  });

  describe('what is new', () => {
    const newPage = (build: 1 | 2 | 3) => readPage(dist(build), '/new/')!;

    it('lists the new papers of the latest dump apart from the papers it only changed', () => {
      const page = newPage(3);
      // Named by its date and size; its file name is on the Sources page.
      expect(page).toMatch(
        /The latest dump, of 6 Mar 2026, listed 5 entries: it brought\s*<strong> 2 papers new to the digest<\/strong> and changed 3 known papers\./,
      );
      expect(page).toContain('href="/sources/#006_foxtrot.txt"');
      expect(cardIds(elementById(page, 'new-papers')!)).toEqual([ID.dpo, ID.video]);
      const changed = elementById(page, 'changed-papers')!;
      expect(listItemIds(changed)).toEqual([ID.fish, ID.routing, ID.frugal]);
      expect(changed).toContain('Renamed from “Counting Fish with Sonar and Small Networks”');
      expect(changed).toContain('Upvotes 3 → 9');
      expect(changed).toContain('Upvotes 5 → 12');
      expect(cardIds(changed)).toEqual([]);
    });

    it('followed every arrival: two new papers after 002, none after the repeated dump', () => {
      expect(cardIds(elementById(newPage(1), 'new-papers')!)).toEqual([ID.charts, ID.routingRevised]);
      expect(listItemIds(elementById(newPage(1), 'changed-papers')!)).toEqual([]);
      // 005 repeats 002: nothing new, nothing changed.
      expect(newPage(2)).toMatch(
        /The latest dump listed 3 entries: it brought\s*<strong> 0 papers new to the digest<\/strong> and changed 0 known papers\./,
      );
      expect(cardIds(elementById(newPage(2), 'new-papers')!)).toEqual([]);
      expect(elementById(newPage(2), 'new-papers')).toContain(
        'None: every paper of the latest dump was already known.',
      );
      expect(listItemIds(elementById(newPage(2), 'changed-papers')!)).toEqual([]);
    });

    it('marks new papers on the home page and the topic pages', () => {
      const home = readPage(dist(3), '/')!;
      // Newest first: by publication date, then the undated ones, newest dump first.
      expect(cardIds(home)).toEqual([
        ID.fish,
        ID.dpo,
        ID.routing,
        ID.frugal,
        ID.video,
        ID.reward,
        ID.prompt,
        ID.charts,
      ]);
      expect(newBadgeCardIds(home)).toEqual([ID.dpo, ID.video]);
      const topicPage = (topic: string) => readPage(dist(3), `/topics/${topic}/`)!;
      expect([cardIds(topicPage('alignment')), newBadgeCardIds(topicPage('alignment'))]).toEqual([
        [ID.dpo, ID.reward],
        [ID.dpo],
      ]);
      expect([cardIds(topicPage('multimodal')), newBadgeCardIds(topicPage('multimodal'))]).toEqual([
        [ID.video, ID.charts],
        [ID.video],
      ]);
      for (const topic of ['peft', 'moe', 'other']) expect(newBadgeCardIds(topicPage(topic)), topic).toEqual([]);
      // After the repeated dump nothing is new.
      expect(newBadgeCardIds(readPage(dist(2), '/')!)).toEqual([]);
    });

    it('counts new papers per topic on the home page', () => {
      const counts = (build: 1 | 2 | 3) =>
        Object.fromEntries(TOPICS.map((topic) => [topic, topicNewCount(readPage(dist(build), '/')!, topic)]));
      expect(counts(1)).toEqual({ peft: null, alignment: null, moe: '1 new', multimodal: '1 new', other: null });
      expect(counts(2)).toEqual({ peft: null, alignment: null, moe: null, multimodal: null, other: null });
      expect(counts(3)).toEqual({ peft: null, alignment: '1 new', moe: null, multimodal: '1 new', other: null });
    });
  });

  describe('feeds', () => {
    const paperLink = (id: string) => `${SITE_URL}/papers/${id}/`;

    it('lists every paper in /feed.xml, newest dump first, as well-formed RSS with absolute links', () => {
      const feed = parseFeed(readPage(dist(3), '/feed.xml')!);
      expect(feed.channelLink).toBe(`${SITE_URL}/`);
      // 006, 004, 003, 002, then 001, each in the order its dump listed them; 005 brought nothing.
      expect(feed.items.map((item) => item.link)).toEqual(
        [ID.dpo, ID.video, ID.prompt, ID.fish, ID.charts, ID.frugal, ID.routing, ID.reward].map(paperLink),
      );
      expect(feed.items.map((item) => item.guid)).toEqual(feed.items.map((item) => item.link));
      expect(feed.items[0]).toMatchObject({
        title: 'Direct Preference Optimization Without Reference Models',
        pubDate: 'Fri, 06 Mar 2026 00:00:00 GMT',
      });
      for (const link of feed.allLinks) expect(link).toMatch(/^https:\/\/digest\.example\.org\//);
      for (const item of feed.items)
        expect(readPage(dist(3), item.link.slice(SITE_URL.length)), item.link).not.toBeNull();
    });

    it('has a feed per topic, newest dump first', () => {
      const topicFeed = (topic: string) => parseFeed(readPage(dist(3), `/topics/${topic}/feed.xml`)!);
      expect(
        Object.fromEntries(TOPICS.map((topic) => [topic, topicFeed(topic).items.map((item) => item.link)])),
      ).toEqual({
        peft: [ID.prompt, ID.frugal].map(paperLink),
        alignment: [ID.dpo, ID.reward].map(paperLink),
        moe: [ID.routing].map(paperLink),
        multimodal: [ID.video, ID.charts].map(paperLink),
        other: [ID.fish].map(paperLink),
      });
      for (const topic of TOPICS)
        for (const link of topicFeed(topic).allLinks) expect(link, topic).toMatch(/^https:\/\/digest\.example\.org\//);
    });

    it('is linked from every page, and each topic page links its own feed', () => {
      const pages = listFiles(dist(3)).filter((file) => file.endsWith('.html'));
      let checked = 0;
      for (const file of pages) {
        const html = readPage(dist(3), `/${file}`)!;
        if (redirectTarget(html) !== null) continue;
        expect(feedLinks(html), file).toContain(`${SITE_URL}/feed.xml`);
        checked++;
      }
      expect(checked).toBeGreaterThanOrEqual(17);
      for (const topic of TOPICS) {
        expect(feedLinks(readPage(dist(3), `/topics/${topic}/`)!)).toEqual([
          `${SITE_URL}/feed.xml`,
          `${SITE_URL}/topics/${topic}/feed.xml`,
        ]);
      }
    });
  });

  describe('exports', () => {
    it('serves /papers.json exactly as `npm run ingest -- --json` prints it', () => {
      const json = readPage(dist(3), '/papers.json')!;
      expect(json).toBe(cliJson);
      const papers = JSON.parse(json) as PaperRecord[];
      expect(papers.map((paper) => paper.id)).toEqual([
        ID.fish,
        ID.dpo,
        ID.frugal,
        ID.video,
        ID.prompt,
        ID.reward,
        ID.routing,
        ID.charts,
      ]);
      expect(papers.find((paper) => paper.id === ID.routing)!.formerIds).toEqual([ID.routingRevised]);
      expect(papers.find((paper) => paper.id === ID.dpo)!.firstSeen).toBe('006_foxtrot.txt');
    });

    it('serves /papers.bib: an entry per paper that a BibTeX parser reads back, with its title and the year where known', () => {
      const bib = readPage(dist(3), '/papers.bib')!;
      const papers = JSON.parse(readPage(dist(3), '/papers.json')!) as PaperRecord[];
      const entries = new Cite(bib).data as {
        'citation-key': string;
        title: string;
        issued?: { 'date-parts': number[][] };
        note: string;
        URL?: string;
      }[];
      expect(entries).toHaveLength(papers.length);
      const byTitle = new Map(entries.map((entry) => [entry.title, entry]));
      const entryOf = (id: string) => byTitle.get(papers.find((paper) => paper.id === id)!.title)!;
      expect(entryOf(ID.reward).title).toBe('Calibrated Reward Models Abstain When Unsure');
      expect(entryOf(ID.charts).title).toBe('Charts Need Captions: Grounded Chart Question Answering');
      // Years from the (resolved) publication dates: `Mar 1` in a dump of Feb 2026 is 2025.
      const year = (id: string) => entryOf(id).issued?.['date-parts'][0]![0] ?? null;
      expect(
        Object.fromEntries([ID.fish, ID.dpo, ID.frugal, ID.video, ID.reward, ID.routing].map((id) => [id, year(id)])),
      ).toEqual({
        [ID.fish]: 2026,
        [ID.dpo]: 2026,
        [ID.frugal]: 2025,
        [ID.video]: 2025,
        [ID.reward]: 2025,
        [ID.routing]: 2026,
      });
      // Keys: the first telling word of the title and the year; no invented fields (no author, no URL of the digest).
      expect(entryOf(ID.reward)['citation-key']).toBe('calibrated2025');
      for (const entry of entries) {
        expect(
          Object.keys(entry).filter(
            (field) => !['id', 'citation-key', 'type', 'title', 'issued', 'note', '_graph'].includes(field),
          ),
          entry.title,
        ).toEqual([]);
        expect(entry.note, entry.title).toMatch(/^Listed on Hugging Face Papers/);
      }
      expect(new Set(entries.map((entry) => entry['citation-key'])).size).toBe(entries.length);
    });
  });

  describe('idempotence', () => {
    it('builds the same site byte for byte from the same seeds, in a fresh copy without a parse cache', () => {
      const incremental = hashTree(dist(3));
      const once = hashTree(join(fresh.root, 'dist'));
      expect(Object.keys(incremental).length).toBeGreaterThan(30);
      expect(Object.keys(once)).toEqual(Object.keys(incremental));
      expect(filesThatDiffer(incremental, once)).toEqual([]);
    });
  });
});
