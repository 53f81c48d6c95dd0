/**
 * Hostile input: dumps whose titles, abstracts and organisation carry HTML, script, `javascript:`
 * URLs, MDX (`{…}`, `import`/`export`), frontmatter fences (`---`), Markdown and HTML entities are
 * built beside the real seeds, in an isolated copy of the project. Everywhere the text shows up
 * (paper pages, listings, search results, papers.json, feeds, BibTeX) it is literal text, never
 * markup; nothing runs, no element is created, links from abstracts are http(s) only and carry
 * rel="noopener noreferrer"; the pages stay valid HTML with no CSP violation and no broken link.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findUrlSpans } from '../../src/ingest/extract-links.ts';
import {
  ingestDumps,
  readDumpFolder,
  readTopicDefinitions,
  type IngestResult,
  type PaperRecord,
} from '../../src/ingest/index.ts';
import { paperIdFromUrl, searchOutcome } from '../browser/helpers.ts';
import { launchBrowser } from '../../scripts/lib/launch-browser.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { crawlSite, siteOriginOf } from './crawl.ts';
import {
  cspViolations,
  htmlFiles,
  readPagefindFragments,
  recordCspViolations,
  requireHarness,
  SITE_NAME,
  validateHtml,
  type PagefindFragment,
} from './helpers.ts';
import { buildIsolatedSite, HOSTILE_FIXTURES, type IsolatedBuild } from './isolated-build.ts';
import { gluedInIndex, gluedOnPages } from './text-checks.ts';

const FIXTURES = ['hostile-daily-page.txt', 'hostile-abstract-lines.txt', 'hostile-metadata.txt'];
const FORMATS: Record<string, string> = {
  'hostile-daily-page.txt': 'daily-page',
  'hostile-abstract-lines.txt': 'abstract-lines',
  'hostile-metadata.txt': 'daily-page-metadata',
};

/** Payloads that must be readable, character for character, in the text of the page of the paper holding them. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<script>alert("abstract")</script>',
  '<img src=x onerror=alert(2)>',
  'javascript:alert(3)',
  '<a href="javascript:alert(4)">this anchor</a>',
  'data:text/html,<b>bold</b>',
  'import Evil from "./evil.mdx"; export const pwned = {alert(5)}',
  'import Layout from "../layouts/Evil.astro"',
  '{props.routing}',
  '{Astro.props.secret} and {/* a comment */}',
  'export default function Evil() {}',
  '--- layout: ../evil.astro ---',
  '--- draft: true ---',
  '**Bold** claims, _emphasis_ and [a link](javascript:alert(6)): # Not a Heading',
  '[click here](javascript:alert(7)), ![tracking pixel](https://example.com/pixel.png) and <https://autolink.example.org/page>',
  'Inline `code spans`, ~~strike~~, | table | cells |',
  '<img src=x onerror=alert(12)></title><style>body{display:none}</style></h1><!--',
  '"><svg onload=alert(8)>',
  "' onmouseover='alert(9)",
  '&lt;b&gt;not bold&lt;/b&gt;, &amp;amp; and &#60;script&#62;',
  ']]> and </p></article><iframe src="javascript:alert(10)"></iframe>',
  'https://example.org/a"onmouseover="alert(11)',
  '<a href=https://example.org/b onclick=alert(13)>this</a>',
  '<script>alert(14)</script> derived titles',
];
const HOSTILE_ORGANIZATION = '<b>Evil</b> "Labs" & Co. <script>alert(15)</script>';

let build: IsolatedBuild;
let server: StaticServer;
let browser: Browser;
let ingest: IngestResult;
let hostile: PaperRecord[];
let fragments: PagefindFragment[];

beforeAll(async () => {
  requireHarness();
  build = await buildIsolatedSite(
    'hostile',
    FIXTURES.map((file) => join(HOSTILE_FIXTURES, file)),
  );
  server = await startStaticServer(build.dist);
  browser = await launchBrowser();
  ingest = ingestDumps(readDumpFolder(build.seeds), readTopicDefinitions(join(build.root, 'content/topics')));
  hostile = ingest.papers.filter((paper) => paper.sources.some((source) => source.dump.startsWith('hostile-')));
  fragments = readPagefindFragments(build.dist);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  build?.remove();
});

const site = (path: string) => `${server.url}${path}`;

/** A context that records CSP violations and fails on any dialog (alert, confirm, prompt). */
async function watchedContext(): Promise<{
  context: BrowserContext;
  page: Page;
  dialogs: string[];
  cspConsole: string[];
  pageErrors: string[];
}> {
  const context = await browser.newContext();
  const cspConsole = await recordCspViolations(context);
  const page = await context.newPage();
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()} on ${page.url()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, dialogs, cspConsole, pageErrors };
}

/**
 * What markup from a dump would have made: event-handler attributes and non-http(s) URLs anywhere
 * in the document, and, inside `scope` (where dump text is shown), elements no dump text may
 * become; scripts or styles holding a payload; a hidden body.
 */
async function injectedThings(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((scope) => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`<${element.tagName.toLowerCase()} ${attribute.name}>`);
      }
      for (const name of ['href', 'src', 'action', 'formaction', 'poster', 'data']) {
        const value = element.getAttribute(name);
        if (value === null) continue;
        const protocol = new URL(value, location.href).protocol;
        if (protocol !== 'http:' && protocol !== 'https:')
          found.push(`<${element.tagName.toLowerCase()} ${name}="${value}">`);
      }
    }
    const scopes = [...document.querySelectorAll(scope)];
    if (scopes.length === 0) found.push(`nothing matches ${scope}`);
    for (const root of scopes) {
      for (const element of root.querySelectorAll(
        'img, svg, iframe, object, embed, script, style, b, strong, em, i, code, del, s, blockquote, textarea, hr, table, ol ol, h3 h3, input, button, form',
      )) {
        // The page's own Copy button and its script, as children of the citation block (dump text
        // there is inside the <pre>, so it cannot make these).
        if (element.matches('section.cite > script, section.cite > .cite-head > button.copy-button')) continue;
        // The site's own controls: the Save toggle of a paper and the "new since your last visit" note's button.
        if (element.matches('button.save-button[data-save-paper], #new-since-visit > button')) continue;
        found.push(`${element.tagName.toLowerCase()} in ${scope}: ${element.outerHTML.slice(0, 80)}`);
      }
    }
    if (document.querySelectorAll('h1').length !== 1)
      found.push(`${document.querySelectorAll('h1').length} h1 elements`);
    for (const script of document.querySelectorAll('script'))
      if (/alert\(/.test(script.textContent ?? '')) found.push(`script: ${script.outerHTML.slice(0, 80)}`);
    for (const style of document.querySelectorAll('style'))
      if ((style.textContent ?? '').includes('body{display:none}'))
        found.push(`style: ${style.textContent?.slice(0, 80)}`);
    if (getComputedStyle(document.body).display === 'none') found.push('the body is hidden');
    return found;
  }, scope);
}

describe('the hostile dumps', () => {
  test('are valid dumps of their formats, read without warnings, with prose abstracts carrying every payload', () => {
    for (const file of FIXTURES) {
      const dump = ingest.dumps.find((candidate) => candidate.file === file);
      expect(dump, file).toBeDefined();
      expect(dump!.format, file).toBe(FORMATS[file]);
      expect(dump!.warnings, file).toEqual([]);
    }
    expect(hostile).toHaveLength(7);
    expect(ingest.papers).toHaveLength(477 + hostile.length);
    for (const paper of hostile) {
      expect(paper.abstract.length, paper.id).toBeGreaterThanOrEqual(300);
      expect(paper.abstract.split(/[.!?] +(?=[A-Z"'<[*#{-])/).length, paper.id).toBeGreaterThanOrEqual(3);
    }
    const everything = hostile.map((paper) => `${paper.title}\n${paper.abstract}`).join('\n');
    for (const payload of PAYLOADS) expect(everything, payload).toContain(payload);
    expect(hostile.map((paper) => paper.organization)).toContain(HOSTILE_ORGANIZATION);
    expect(hostile.filter((paper) => paper.titleDerived)).toHaveLength(1);
    expect(build.log).toMatch(new RegExp(`${ingest.papers.length} papers from ${ingest.dumps.length} dumps`));
  });
});

describe('paper pages', () => {
  test('show each title and abstract as literal text: nothing runs, no element is made, no CSP violation', async () => {
    const { context, page, dialogs, cspConsole, pageErrors } = await watchedContext();
    try {
      const problems: string[] = [];
      for (const paper of hostile) {
        const response = await page.goto(site(`/papers/${paper.id}/`), { waitUntil: 'networkidle' });
        expect(response?.status(), paper.id).toBe(200);
        // What a reader sees: the rendered text of the heading and the abstract.
        expect(await page.locator('h1').innerText(), paper.id).toBe(paper.title);
        expect(await page.locator('.abstract').textContent(), paper.id).toBe(paper.abstract);
        expect(await page.locator('.abstract').isVisible(), paper.id).toBe(true);
        expect(await page.title(), paper.id).toBe(`${paper.title} · ${SITE_NAME}`);
        const description = paper.abstract.length > 160 ? `${paper.abstract.slice(0, 157)}…` : paper.abstract;
        expect(await page.getAttribute('meta[name="description"]', 'content'), paper.id).toBe(description);
        const body = (await page.textContent('body')) ?? '';
        for (const payload of PAYLOADS.filter((candidate) => `${paper.title}\n${paper.abstract}`.includes(candidate))) {
          if (!body.includes(payload)) problems.push(`${paper.id}: the page does not show ${JSON.stringify(payload)}`);
        }
        if (paper.organization) {
          const organisation = page.locator('.paper-facts a[data-pagefind-filter="organization"]');
          expect(await organisation.textContent(), paper.id).toBe(paper.organization);
        }
        problems.push(...(await injectedThings(page, 'main')).map((thing) => `${paper.id}: ${thing}`));
        problems.push(...(await cspViolations(page)));
      }
      expect(problems).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(cspConsole).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('the literal payload is in the page text: <script>alert(1)</script> is readable, and no script of it exists', async () => {
    const { context, page, dialogs } = await watchedContext();
    try {
      const paper = hostile.find((candidate) => candidate.title.includes('<script>alert(1)</script>'))!;
      await page.goto(site(`/papers/${paper.id}/`), { waitUntil: 'networkidle' });
      expect(await page.textContent('main')).toContain('<script>alert(1)</script>');
      expect(await page.locator('script', { hasText: 'alert' }).count()).toBe(0);
      expect(await page.locator('img[onerror]').count()).toBe(0);
      expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
      // The javascript: address is text in the abstract, not a link.
      expect(await page.locator('.abstract').textContent()).toContain('javascript:alert(3)');
      expect(await page.locator('.abstract a', { hasText: 'javascript' }).count()).toBe(0);
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("without the CSP's protection (bypassed), still no payload runs: the escaping alone keeps it text", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(`${dialog.message()} on ${page.url()}`);
        void dialog.dismiss();
      });
      for (const paper of hostile) {
        await page.goto(site(`/papers/${paper.id}/`), { waitUntil: 'networkidle' });
        // Hovering and clicking would fire onmouseover/onclick handlers, were there any.
        await page.hover('.abstract');
        await page.hover('h1');
      }
      await page.goto(site('/search/?q=alert'));
      await searchOutcome(page, [['q', 'alert']]);
      await page.hover('#search-results');
      expect(dialogs).toEqual([]);
      // The check is live: script the page may run does raise a dialog here.
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'alert("live")';
        document.body.append(script);
      });
      await page.waitForTimeout(100);
      expect(dialogs).toEqual([`live on ${page.url()}`]);
    } finally {
      await context.close();
    }
  });

  test('links in abstracts are the http(s) addresses of the text, with rel="noopener noreferrer", and nothing else is a link', async () => {
    const { context, page } = await watchedContext();
    try {
      const problems: string[] = [];
      let links = 0;
      for (const paper of hostile) {
        await page.goto(site(`/papers/${paper.id}/`));
        const anchors = await page.$$eval('.abstract a', (elements) =>
          elements.map((a) => ({
            href: a.getAttribute('href') ?? '',
            rel: a.getAttribute('rel'),
            text: a.textContent,
            attributes: a.getAttributeNames(),
          })),
        );
        const expected = findUrlSpans(paper.abstract).map((span) => span.url);
        if (JSON.stringify(anchors.map((anchor) => anchor.href)) !== JSON.stringify(expected))
          problems.push(
            `${paper.id}: abstract links ${JSON.stringify(anchors.map((anchor) => anchor.href))}, expected ${JSON.stringify(expected)}`,
          );
        const listed = await page.$$eval('h2:text-is("Links") + ul a', (elements) =>
          elements.map((a) => ({
            href: a.getAttribute('href') ?? '',
            rel: a.getAttribute('rel'),
            text: a.textContent,
            attributes: a.getAttributeNames(),
          })),
        );
        if (JSON.stringify(listed.map((anchor) => anchor.href)) !== JSON.stringify(paper.links))
          problems.push(
            `${paper.id}: "Links" lists ${JSON.stringify(listed.map((anchor) => anchor.href))}, expected ${JSON.stringify(paper.links)}`,
          );
        for (const anchor of [...anchors, ...listed]) {
          links++;
          if (
            !/^https?:\/\/[^\s"'<>]+$/.test(anchor.href) ||
            !['http:', 'https:'].includes(new URL(anchor.href).protocol)
          )
            problems.push(`${paper.id}: link to ${anchor.href}`);
          if (anchor.rel !== 'noopener noreferrer')
            problems.push(`${paper.id}: link to ${anchor.href} has rel=${JSON.stringify(anchor.rel)}`);
          if (anchor.text !== anchor.href)
            problems.push(`${paper.id}: link text ${JSON.stringify(anchor.text)} for ${anchor.href}`);
          if (JSON.stringify(anchor.attributes.sort()) !== JSON.stringify(['href', 'rel']))
            problems.push(`${paper.id}: link to ${anchor.href} has attributes ${anchor.attributes.join(', ')}`);
        }
      }
      // The quoted and the Markdown-wrapped addresses were links, cut where the text around them starts.
      expect(hostile.flatMap((paper) => paper.links)).toEqual(
        expect.arrayContaining([
          'https://example.org/hostile/lora-code',
          'http://mirror.example.net/lora?x=1&y=2',
          'https://example.com/pixel.png',
          'https://autolink.example.org/page',
          'https://example.org/a',
          'https://example.org/b',
        ]),
      );
      expect(links).toBeGreaterThanOrEqual(12);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('the same words spaced as in the record on the pages and in the search index (no glued words)', async () => {
    const page = await browser.newPage();
    try {
      expect(await gluedOnPages(page, build.dist, ingest.papers)).toEqual([]);
      expect(gluedInIndex(fragments, ingest.papers)).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);
});

describe('listings', () => {
  test('every page listing a hostile paper shows its title as the text of its link, with nothing injected', async () => {
    const listings = htmlFiles(build.dist).filter((file) => !file.startsWith('papers/'));
    const { context, page, dialogs, cspConsole } = await watchedContext();
    try {
      const problems: string[] = [];
      let cards = 0;
      for (const file of listings) {
        const html = readFileSync(join(build.dist, file), 'utf8');
        const listed = hostile.filter((paper) => html.includes(`href="/papers/${paper.id}/"`));
        if (listed.length === 0) continue;
        const path = file === '404.html' ? '/no-such-page/' : `/${file.replace(/index\.html$/, '')}`;
        await page.goto(site(path), { waitUntil: 'networkidle' });
        for (const paper of listed) {
          const texts = await page.$$eval(`a[href="/papers/${paper.id}/"]`, (links) =>
            links.map((link) => link.textContent),
          );
          cards += texts.length;
          for (const text of texts)
            if (text !== paper.title) problems.push(`${path}: link to ${paper.id} reads ${JSON.stringify(text)}`);
        }
        problems.push(...(await injectedThings(page, '[data-paper-id]')).map((thing) => `${path}: ${thing}`));
        problems.push(...(await cspViolations(page)));
      }
      // The home page, topic pages, "new" and the "Other" listing among them.
      expect(cards).toBeGreaterThanOrEqual(hostile.length);
      expect(problems).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(cspConsole).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('search', () => {
  /** `${title}. … Abstract. …` as Pagefind indexed it, by paper id. */
  const indexedContent = (id: string) => fragments.find((fragment) => fragment.url === `/papers/${id}/`)?.content ?? '';

  test.each([
    ['onerror', 2],
    ['alert', 5],
    ['entities', 1],
    ['frontmatter', 1],
    ['emphasis', 1],
    ['curly', 1],
  ] as const)('results for "%s" show titles and excerpts as text, matches marked', async (query, atLeast) => {
    const { context, page, dialogs, cspConsole } = await watchedContext();
    try {
      await page.goto(site(`/search/?q=${encodeURIComponent(query)}`));
      const outcome = await searchOutcome(page, [['q', query]]);
      const found = outcome.results.filter((result) => hostile.some((paper) => paper.id === result.id));
      expect(found.length).toBeGreaterThanOrEqual(atLeast);
      const items = await page.$$eval('#search-results > li', (elements) =>
        elements.map((item) => {
          const paragraphs = item.querySelectorAll('p');
          const excerpt = paragraphs[paragraphs.length - 1]!;
          return {
            href: item.querySelector('h2 a')?.getAttribute('href') ?? '',
            title: item.querySelector('h2 a')?.textContent ?? '',
            excerpt: excerpt.textContent ?? '',
            excerptElements: [...excerpt.querySelectorAll('*')].map((element) => element.tagName.toLowerCase()),
            // Matches are marked in the title or in the excerpt (which is taken from the abstract).
            marks: [...item.querySelectorAll('h2 a mark, p:last-of-type mark')].map((mark) => mark.textContent ?? ''),
            elements: [...item.querySelectorAll('*')].map((element) => element.tagName.toLowerCase()),
          };
        }),
      );
      const problems: string[] = [];
      for (const item of items) {
        const id = paperIdFromUrl(item.href);
        const paper = ingest.papers.find((candidate) => candidate.id === id)!;
        if (item.title !== paper.title) problems.push(`${id}: result title ${JSON.stringify(item.title)}`);
        if (!indexedContent(id).includes(item.excerpt))
          problems.push(`${id}: excerpt ${JSON.stringify(item.excerpt)} is not the indexed text`);
        if (item.excerptElements.some((tag) => tag !== 'mark'))
          problems.push(`${id}: excerpt elements ${item.excerptElements.join(', ')}`);
        // A paper found by its organisation alone (searchable text, not shown in the result) has nothing to mark.
        const foundByOrganisation =
          !`${paper.title} ${paper.abstract}`.toLowerCase().includes(query) &&
          (paper.organization ?? '').toLowerCase().includes(query);
        if (item.marks.length === 0 && !foundByOrganisation) problems.push(`${id}: nothing marked`);
        if (item.elements.some((tag) => !['h2', 'a', 'p', 'mark'].includes(tag)))
          problems.push(`${id}: result elements ${item.elements.join(', ')}`);
      }
      problems.push(...(await injectedThings(page, '#search-results')), ...(await cspViolations(page)));
      expect(problems).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(cspConsole).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('entities in a dump are shown as written in the excerpt (Pagefind escapes only < and >)', async () => {
    const { context, page } = await watchedContext();
    try {
      await page.goto(site('/search/?q=entities'));
      const outcome = await searchOutcome(page, [['q', 'entities']]);
      const paper = hostile.find((candidate) => candidate.abstract.includes('&amp;amp;'))!;
      expect(outcome.results.map((result) => result.id)).toContain(paper.id);
      const excerpt = page.locator(`#search-results > li:has(a[href="/papers/${paper.id}/"]) p`).last();
      expect(await excerpt.textContent()).toContain(
        'Entities must stay as written: &lt;b&gt;not bold&lt;/b&gt;, &amp;amp; and &#60;script&#62; are text',
      );
      expect(await excerpt.locator('mark').allTextContents()).toEqual(['Entities']);
    } finally {
      await context.close();
    }
  });

  test('the organisation filter lists the hostile organisation as text and finds its paper', async () => {
    const { context, page, dialogs } = await watchedContext();
    try {
      await page.goto(site('/search/'));
      const options = await page.$$eval('#filter-organization option', (elements) =>
        elements.map((option) => ({ value: option.getAttribute('value'), text: option.textContent })),
      );
      expect(options).toContainEqual({ value: HOSTILE_ORGANIZATION, text: HOSTILE_ORGANIZATION });
      await page.selectOption('#filter-organization', HOSTILE_ORGANIZATION);
      const outcome = await searchOutcome(page, [['organization', HOSTILE_ORGANIZATION]]);
      expect(outcome.results.map((result) => result.id)).toEqual([
        hostile.find((paper) => paper.organization === HOSTILE_ORGANIZATION)!.id,
      ]);
      expect(await injectedThings(page, '#search-results')).toEqual([]);
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('data files', () => {
  test('/papers.json round-trips every hostile record', async () => {
    const response = await fetch(site('/papers.json'));
    expect(response.status).toBe(200);
    const records = (await response.json()) as PaperRecord[];
    expect(records).toHaveLength(ingest.papers.length);
    for (const paper of hostile) {
      expect(records.find((record) => record.id === paper.id)).toEqual(JSON.parse(JSON.stringify(paper)));
    }
  });

  test('the feeds are well-formed XML whose items carry the titles and abstracts as text', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(site('/about/'));
      const feeds = [
        '/feed.xml',
        ...ingest.papers
          .flatMap((paper) => paper.topics)
          .filter((topic, index, all) => all.indexOf(topic) === index)
          .map((topic) => `/topics/${topic}/feed.xml`),
      ];
      const items = await page.evaluate(async (paths) => {
        const parsed: {
          feed: string;
          error: string | null;
          items: { link: string; title: string; description: string }[];
        }[] = [];
        for (const path of paths) {
          const xml = new DOMParser().parseFromString(await (await fetch(path)).text(), 'application/xml');
          parsed.push({
            feed: path,
            error: xml.querySelector('parsererror')?.textContent ?? null,
            items: [...xml.querySelectorAll('item')].map((item) => ({
              link: item.querySelector('link')?.textContent ?? '',
              title: item.querySelector('title')?.textContent ?? '',
              description: item.querySelector('description')?.textContent ?? '',
            })),
          });
        }
        return parsed;
      }, feeds);
      let seen = 0;
      for (const feed of items) {
        expect(feed.error, feed.feed).toBeNull();
        for (const item of feed.items) {
          const paper = hostile.find((candidate) => item.link.endsWith(`/papers/${candidate.id}/`));
          if (!paper) continue;
          seen++;
          expect(item.title).toBe(paper.title);
          expect(item.description).toBe(paper.abstract);
        }
      }
      expect(seen).toBeGreaterThanOrEqual(hostile.length);
    } finally {
      await page.close();
    }
  });

  test('papers.bib keeps every hostile title and organisation inside its braces, and a BibTeX parser reads every entry back', async () => {
    const bib = await (await fetch(site('/papers.bib'))).text();
    const entries = bib.split(/^(?=@)/m).filter((entry) => entry.startsWith('@'));
    expect(entries).toHaveLength(ingest.papers.length);
    for (const entry of entries) {
      // Unescaped braces balance, so no field (and no entry) can end early or start a new one.
      let depth = 0;
      for (const character of entry.replace(/\\[{}]/g, '')) {
        if (character === '{') depth++;
        if (character === '}') depth--;
        expect(depth, entry).toBeGreaterThanOrEqual(0);
      }
      expect(depth, entry).toBe(0);
      // Only the fields the digest knows: no author, no field a title could have smuggled in.
      expect(
        entry
          .match(/^ {2}(\w+) = /gm)
          ?.map((field) => field.trim().replace(/ =$/, ''))
          .filter((field) => !['title', 'note', 'year', 'month'].includes(field)),
        entry,
      ).toEqual([]);
    }
    const parsed = new Cite(bib).data as { title: string }[];
    expect(parsed).toHaveLength(ingest.papers.length);
    // Every hostile title comes back (the parser reads `--` as a dash and the library writes `…` as `...`).
    const normalise = (title: string) => title.replace(/-{2,3}|[–—]/g, '-').replace(/…/g, '...');
    const titles = new Set(parsed.map((entry) => normalise(entry.title)));
    for (const paper of hostile) expect(titles.has(normalise(paper.title)), paper.title).toBe(true);
  });
});

describe('the hostile build as a whole', () => {
  test('every page the hostile dumps reach passes the Nu checker with zero errors', async () => {
    const reached = htmlFiles(build.dist).filter(
      (file) => !file.startsWith('papers/') || hostile.some((paper) => file === `papers/${paper.id}/index.html`),
    );
    expect(reached.length).toBeGreaterThan(20 + hostile.length);
    expect(await validateHtml(reached.map((file) => join(build.dist, file)))).toEqual([]);
  }, 180_000);

  test('no broken internal link, fragment or asset', async () => {
    const page = await browser.newPage();
    try {
      const report = await crawlSite(build.dist, page, siteOriginOf(build.dist));
      expect(report.pages).toBeGreaterThan(ingest.papers.length);
      expect(report.problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);
});
